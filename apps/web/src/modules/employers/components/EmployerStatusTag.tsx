import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EmployerStatus } from '../../../generated/graphql.js';
import { EMPLOYER_STATUS_COLOR } from '../utils/employer-status.js';

const ICONS: Record<EmployerStatus, React.ReactNode> = {
  PENDING: <ClockCircleOutlined />,
  VERIFIED: <CheckCircleOutlined />,
  REJECTED: <CloseCircleOutlined />,
};

export function EmployerStatusTag({
  status,
  large = false,
  testId = 'employer-status',
}: {
  status: EmployerStatus;
  large?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation(['core', 'employers']);
  return (
    <Tag
      color={EMPLOYER_STATUS_COLOR[status]}
      icon={ICONS[status]}
      data-testid={testId}
      data-status={status}
      style={large ? { fontSize: 14, padding: '2px 10px' } : undefined}
    >
      {t(`employers:status.${status}`)}
    </Tag>
  );
}
