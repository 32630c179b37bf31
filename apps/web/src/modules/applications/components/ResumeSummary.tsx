import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { educationName, experienceName, occupationName } from '../utils/application-labels.js';

export interface ResumeLike {
  name: string;
  phone?: string | null;
  email?: string | null;
  regionCode?: string | null;
  education?: string | null;
  experience?: string | null;
  intendedOccupation?: string | null;
  intendedRegionCode?: string | null;
  introduction?: string | null;
}

/** A résumé as a compact description list (the apply dialog, the applicant drawer). */
export function ResumeSummary({ resume, testId }: { resume: ResumeLike; testId?: string }) {
  const { t } = useTranslation(['core', 'applications']);
  const { language, domainKey } = useLanguage();
  const none = t('applications:detail.none');
  const items = [
    { key: 'name', label: t('applications:resume.name'), children: resume.name },
    { key: 'phone', label: t('applications:resume.phone'), children: <span data-testid="resume-phone">{resume.phone ?? none}</span> },
    ...(resume.email ? [{ key: 'email', label: t('applications:resume.email'), children: resume.email }] : []),
    { key: 'region', label: t('applications:resume.region'), children: regionLabel(resume.regionCode, language) ?? none },
    { key: 'education', label: t('applications:resume.education'), children: educationName(resume.education, domainKey) ?? none },
    { key: 'experience', label: t('applications:resume.experience'), children: experienceName(resume.experience, domainKey) ?? none },
    { key: 'occupation', label: t('applications:resume.intendedOccupation'), children: occupationName(resume.intendedOccupation, domainKey) ?? none },
    ...(resume.intendedRegionCode !== undefined
      ? [{ key: 'intendedRegion', label: t('applications:resume.intendedRegion'), children: regionLabel(resume.intendedRegionCode, language) ?? none }]
      : []),
    ...(resume.introduction !== undefined
      ? [{ key: 'introduction', label: t('applications:resume.introduction'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{resume.introduction ?? none}</span> }]
      : []),
  ];
  return <Descriptions size="small" column={1} items={items} data-testid={testId} />;
}
