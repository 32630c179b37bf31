import { PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { useCancelRegistration, useMyRegistrations } from '../hooks/use-attendance.js';
import { TicketQr } from './TicketQr.js';

const STATUS_COLOR = { REGISTERED: 'green', WAITLISTED: 'gold', CANCELLED: 'default' } as const;

/**
 * "我的报名": every registration with its state; a confirmed one shows its entry ticket as a QR code, big
 * on a phone and printable (the print style sheet prints the tickets only, one per page).
 */
export function MyRegistrationsPage() {
  const { t } = useTranslation(['core', 'attendance']);
  const { message } = App.useApp();
  const { describe } = useApiError();
  const { registrations, loading, error } = useMyRegistrations();
  const { cancel } = useCancelRegistration();

  const onCancel = async (id: string) => {
    try {
      await cancel(id);
      void message.success(t('attendance:registrations.cancelled'));
    } catch (e) {
      void message.error(describe(e));
    }
  };

  return (
    <div className="my-registrations">
      <style>{`@media print {
        .role-shell-header, .ant-layout-sider, .page-header, .no-print { display: none !important; }
        .registration-card { break-inside: avoid; page-break-after: always; box-shadow: none !important; }
      }`}</style>
      <PageHeader
        title={t('attendance:registrations.title')}
        subtitle={t('attendance:registrations.subtitle')}
        extra={
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print" data-testid="print-tickets">
            {t('attendance:registrations.print')}
          </Button>
        }
      />
      {error && <Alert type="error" showIcon title={describe(error)} />}
      {loading ? (
        <Skeleton active />
      ) : registrations.length === 0 ? (
        <Empty description={t('attendance:registrations.empty')}>
          <Link to="/events">{t('attendance:registrations.browse')}</Link>
        </Empty>
      ) : (
        <Flex vertical gap={16}>
          {registrations.map((r) => (
            <Card key={r.id} className="registration-card" variant="borderless" data-testid="registration" data-status={r.status}>
              <Flex justify="space-between" align="flex-start" gap={8} wrap>
                <div>
                  <Typography.Title level={4} style={{ margin: 0 }}>
                    {r.title}
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    {r.startsAt ? formatShanghai(r.startsAt) : ''}
                    {r.venueName ? ` · ${r.venueName}` : ''}
                  </Typography.Text>
                </div>
                <Tag color={STATUS_COLOR[r.status]}>
                  {r.status === 'WAITLISTED' ? t('attendance:register.onWaitlist', { position: r.waitlistPosition ?? '' }) : t(`attendance:status.${r.status}`)}
                </Tag>
              </Flex>
              {r.seriesId && r.attendedSessions > 0 && <Typography.Paragraph>{t('attendance:registrations.sessions', { count: r.attendedSessions })}</Typography.Paragraph>}
              {r.status === 'REGISTERED' && r.ticketCode && (
                <div style={{ marginTop: 16 }}>
                  <Typography.Text strong>
                    <QrcodeOutlined /> {t('attendance:registrations.ticket')}
                  </Typography.Text>
                  <TicketQr registrationId={r.id} code={r.ticketCode} />
                  <Typography.Paragraph type="secondary" copyable={{ text: r.ticketCode }} style={{ fontSize: 11, wordBreak: 'break-all', marginTop: 8 }}>
                    {t('attendance:registrations.code')}
                  </Typography.Paragraph>
                </div>
              )}
              {r.status !== 'CANCELLED' && (
                <Popconfirm title={t('attendance:registrations.cancelConfirm')} onConfirm={() => onCancel(r.id)}>
                  <Button danger className="no-print" data-testid="cancel-registration">
                    {t('attendance:registrations.cancel')}
                  </Button>
                </Popconfirm>
              )}
            </Card>
          ))}
        </Flex>
      )}
    </div>
  );
}
