import { maskPhone } from '@leye/domain';
import { Alert, Descriptions, Grid, Typography, type DescriptionsProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { EmployerFieldsFragment } from '../../../generated/graphql.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { EmployerStatusTag } from './EmployerStatusTag.js';

/** An employer's registration facts, as reviewers and the employer itself see them. */
export function EmployerDetails({
  employer,
  columns = 1,
  revealPhone = false,
}: {
  employer: EmployerFieldsFragment;
  columns?: DescriptionsProps['column'];
  revealPhone?: boolean;
}) {
  const { t } = useTranslation(['core', 'employers']);
  const { language } = useLanguage();
  const time = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : t('common.empty'));
  const items = [
    { key: 'name', label: t('employers:fields.name'), children: employer.name },
    {
      key: 'creditCode',
      label: t('employers:fields.creditCode'),
      children: (
        <>
          {/* Never broken mid-code on a phone: the code wraps as one piece. */}
          <Typography.Text copyable code data-testid="employer-credit-code" style={{ whiteSpace: 'nowrap' }}>
            {employer.creditCode}
          </Typography.Text>
          {employer.creditCodeRegionMismatch && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={t(`employers:mismatch.${employer.creditCodeRegionMismatch as 'OUTSIDE_REGION' | 'OUTSIDE_LINYI'}`)}
              data-testid="credit-code-mismatch"
            />
          )}
        </>
      ),
    },
    { key: 'region', label: t('employers:fields.region'), children: regionLabel(employer.region, language) },
    { key: 'status', label: t('employers:fields.status'), children: <EmployerStatusTag status={employer.status} /> },
    ...(employer.status === 'REJECTED' && employer.rejectionReason
      ? [{ key: 'reason', label: t('employers:fields.rejectionReason'), children: employer.rejectionReason }]
      : []),
    { key: 'contactName', label: t('employers:fields.contactName'), children: employer.contactName ?? t('common.empty') },
    {
      key: 'contactPhone',
      label: t('employers:fields.contactPhone'),
      children: (revealPhone ? employer.contactPhone : maskPhone(employer.contactPhone)) ?? t('common.empty'),
    },
    { key: 'createdAt', label: t('employers:fields.createdAt'), children: time(employer.createdAt) },
    { key: 'reviewedAt', label: t('employers:fields.reviewedAt'), children: time(employer.reviewedAt) },
  ];
  // On a phone the labels go above their values: a label column a few characters wide wraps every word.
  const narrow = !Grid.useBreakpoint().sm;
  return <Descriptions column={columns} items={items} size="middle" bordered layout={narrow ? 'vertical' : 'horizontal'} />;
}
