import { Alert, App, Button, Flex, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { useHolidayClashes, useResolveHolidayClash } from '../hooks/use-holiday-clashes.js';

/**
 * On the calendar: occurrences that a holiday schedule entered later put on a holiday, each with the
 * one-click move its series' holiday policy gives (cancel, move to the next working day, or keep).
 */
export function HolidayClashesBanner({ eventPath, onResolved }: { eventPath(id: string): string; onResolved(): void }) {
  const { t } = useTranslation(['core', 'holidays']);
  const { language } = useLanguage();
  const { message } = App.useApp();
  const { show } = useApiError();
  const { clashes } = useHolidayClashes();
  const { resolve, resolving } = useResolveHolidayClash();
  if (!clashes.length) return null;
  const day = (date: string) => dayjs(date).format(language === 'en' ? 'MMM D ddd' : 'M/D ddd');

  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('holidays:clashes.title', { count: clashes.length })}
      data-testid="holiday-clashes"
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('holidays:clashes.help')}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={clashes}
            renderItem={(c) => (
              <List.Item data-testid="holiday-clash" data-event={c.eventId} data-action={c.action}>
                <Flex wrap gap={8} align="center" justify="space-between" style={{ width: '100%' }}>
                  <span>
                    <Link to={eventPath(c.eventId)}>{c.title}</Link>{' '}
                    <Typography.Text type="secondary">
                      {t('holidays:clashes.row', { date: `${day(c.date)} ${formatShanghai(c.startsAt, 'HH:mm')}`, holiday: c.holidayName })}
                    </Typography.Text>
                  </span>
                  <Button
                    size="small"
                    type={c.action === 'ACKNOWLEDGE' ? 'default' : 'primary'}
                    danger={c.action === 'CANCEL'}
                    loading={resolving}
                    data-testid="holiday-clash-resolve"
                    onClick={async () => {
                      try {
                        const done = await resolve(c.eventId, c.action === 'CANCEL' ? t('holidays:clashes.cancelReason', { holiday: c.holidayName }) : undefined);
                        void message.success(t(`holidays:clashes.done.${done}`));
                        onResolved();
                      } catch (e) {
                        show(e);
                      }
                    }}
                  >
                    {t(`holidays:clashes.actions.${c.action}`, { date: c.moveTo ? day(c.moveTo) : '' })}
                  </Button>
                </Flex>
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}
