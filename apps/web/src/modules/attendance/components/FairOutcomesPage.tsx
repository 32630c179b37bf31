import { App, Button, Card, Empty, Flex, Form, InputNumber, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { useMyFairOutcomes, useRecordFairOutcome } from '../hooks/use-attendance.js';

interface OutcomeValues {
  resumesReceived: number;
  interviews: number;
  hiringIntents: number;
}

/** 招聘会成果: the employer's confirmed bookings, its check-in (or no-show), and the outcome it records after the fair. */
export function FairOutcomesPage() {
  const { t } = useTranslation(['core', 'attendance']);
  const { message } = App.useApp();
  const { describe } = useApiError();
  const { bookings, loading } = useMyFairOutcomes();
  const { record, saving } = useRecordFairOutcome();

  const onSave = async (bookingId: string, v: OutcomeValues) => {
    try {
      await record(bookingId, { resumesReceived: v.resumesReceived ?? 0, interviews: v.interviews ?? 0, hiringIntents: v.hiringIntents ?? 0 });
      void message.success(t('attendance:outcomes.saved'));
    } catch (e) {
      void message.error(describe(e));
    }
  };

  return (
    <>
      <PageHeader title={t('attendance:outcomes.title')} subtitle={t('attendance:outcomes.subtitle')} />
      {loading ? (
        <Skeleton active />
      ) : bookings.length === 0 ? (
        <Empty description={t('attendance:outcomes.empty')} />
      ) : (
        <Flex vertical gap={16}>
          {bookings.map((b) => (
            <Card key={b.bookingId} variant="borderless" data-testid="fair-outcome">
              <Flex justify="space-between" wrap gap={8}>
                <div>
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {b.eventTitle}
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    {formatShanghai(b.eventStartsAt)}
                    {b.boothCode ? ` · ${b.boothCode}` : ''}
                  </Typography.Text>
                </div>
                {b.checkedInAt ? (
                  <Tag color="green">{t('attendance:organizer.checkedIn', { time: formatShanghai(b.checkedInAt, 'HH:mm') })}</Tag>
                ) : b.noShow ? (
                  <Tag color="red">{t('attendance:organizer.noShow')}</Tag>
                ) : null}
              </Flex>
              {new Date(b.eventStartsAt).getTime() <= Date.now() && (
                <Form<OutcomeValues>
                  layout="inline"
                  style={{ marginTop: 12, rowGap: 8 }}
                  initialValues={{ resumesReceived: b.resumesReceived ?? 0, interviews: b.interviews ?? 0, hiringIntents: b.hiringIntents ?? 0 }}
                  onFinish={(v) => onSave(b.bookingId, v)}
                >
                  <Form.Item name="resumesReceived" label={t('attendance:organizer.resumes')}>
                    <InputNumber min={0} max={100000} />
                  </Form.Item>
                  <Form.Item name="interviews" label={t('attendance:organizer.interviews')}>
                    <InputNumber min={0} max={100000} />
                  </Form.Item>
                  <Form.Item name="hiringIntents" label={t('attendance:organizer.intents')}>
                    <InputNumber min={0} max={100000} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={saving}>
                    {t('attendance:outcomes.save')}
                  </Button>
                </Form>
              )}
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
}
