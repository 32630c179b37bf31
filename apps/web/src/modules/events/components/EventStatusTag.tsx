import { CheckCircleOutlined, CloseCircleOutlined, EditOutlined, SoundOutlined } from '@ant-design/icons';
import type { EventStatus } from '@leye/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { EVENT_STATUS_COLOR } from '../utils/event-status.js';

const ICONS: Record<EventStatus, React.ReactNode> = {
  DRAFT: <EditOutlined />,
  PUBLISHED: <SoundOutlined />,
  COMPLETED: <CheckCircleOutlined />,
  CANCELLED: <CloseCircleOutlined />,
};

export function EventStatusTag({ status, large = false }: { status: EventStatus; large?: boolean }) {
  const { t } = useTranslation(['core', 'events']);
  return (
    <Tag
      color={EVENT_STATUS_COLOR[status]}
      icon={ICONS[status]}
      data-testid="event-status"
      data-status={status}
      style={large ? { fontSize: 14, padding: '2px 10px' } : undefined}
    >
      {t(`events:status.${status}`)}
    </Tag>
  );
}
