import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../../generated/graphql.js';
import { APPLICATION_STATUS_COLOR } from '../utils/application-labels.js';

export function ApplicationStatusTag({ status, testId = 'application-status' }: { status: ApplicationStatus; testId?: string }) {
  const { t } = useTranslation(['core', 'applications']);
  return (
    <Tag color={APPLICATION_STATUS_COLOR[status]} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`applications:status.${status}`)}
    </Tag>
  );
}
