import { Descriptions, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PostingPublicFieldsFragment } from '../../../generated/graphql.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { splitHighlights } from '../utils/highlight.js';
import { educationLabel, experienceLabel, occupationLabel, salaryText } from '../utils/posting-labels.js';

/** A posting's facts; `highlight` marks flagged phrases in the title and description for reviewers. */
export function PostingDetails({ posting, highlight = [] }: { posting: PostingPublicFieldsFragment; highlight?: readonly string[] }) {
  const { t } = useTranslation(['core', 'postings']);
  const { language, domainKey } = useLanguage();
  // On a phone, narrower labels leave the values more room.
  const screens = Grid.useBreakpoint();
  const marked = (text: string) =>
    splitHighlights(text, highlight).map((part, i) =>
      part.hit ? (
        <mark key={i} className="posting-flag-mark" data-testid="flag-mark">
          {part.text}
        </mark>
      ) : (
        <span key={i}>{part.text}</span>
      ),
    );
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: screens.sm === false ? 84 : 120 } }}>
      <Descriptions.Item label={t('postings:fields.title')}>{marked(posting.title)}</Descriptions.Item>
      <Descriptions.Item label={t('postings:fields.employer')}>{posting.employer.name}</Descriptions.Item>
      <Descriptions.Item label={t('postings:fields.occupation')}>{occupationLabel(posting.occupationCode, domainKey)}</Descriptions.Item>
      <Descriptions.Item label={t('postings:fields.headcount')}>{posting.headcount}</Descriptions.Item>
      <Descriptions.Item label={t('postings:fields.salary')}>{salaryText(t, posting.salaryMin, posting.salaryMax)}</Descriptions.Item>
      <Descriptions.Item label={t('postings:fields.education')}>{educationLabel(posting.education, domainKey)}</Descriptions.Item>
      <Descriptions.Item label={t('postings:fields.experience')}>{experienceLabel(posting.experience, domainKey)}</Descriptions.Item>
      <Descriptions.Item label={t('postings:fields.region')}>{regionLabel(posting.regionCode, language)}</Descriptions.Item>
      <Descriptions.Item label={t('postings:fields.validUntil')}>{posting.validUntil}</Descriptions.Item>
      <Descriptions.Item label={t('postings:fields.contactName')}>
        {posting.contactName} · {posting.contactPhone}
      </Descriptions.Item>
      <Descriptions.Item label={t('postings:fields.description')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="posting-description">
          {marked(posting.description)}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}
