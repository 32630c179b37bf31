import { TeamOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePortalBase } from '../../events/hooks/use-portal-base.js';

/** On the organizer's event page: the way to the event's check-in and figures (published and completed events). */
export function AttendanceLinkCard({ eventId, status }: { eventId: string; status: string }) {
  const { t } = useTranslation(['core', 'attendance']);
  const base = usePortalBase();
  if (status !== 'PUBLISHED' && status !== 'COMPLETED') return null;
  return (
    <Card variant="borderless" style={{ marginTop: 16 }}>
      <Link to={`${base}/attendance/${eventId}`}>
        <Button icon={<TeamOutlined />} block data-testid="open-attendance">
          {t('attendance:organizer.open')}
        </Button>
      </Link>
    </Card>
  );
}
