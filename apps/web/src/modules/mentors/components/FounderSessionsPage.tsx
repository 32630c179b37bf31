import { Alert, App, Empty, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { useConfirmSession, useFounderSessions } from '../hooks/use-mentors.js';
import { SessionCard } from './SessionCard.js';

/** 创业辅导 (seeker portal): the founder sees the sessions mentors logged for their projects and confirms that they happened. */
export function FounderSessionsPage() {
  const { t } = useTranslation(['core', 'mentors']);
  const { sessions, loading, error } = useFounderSessions();
  const { confirm, confirming } = useConfirmSession();
  const { describe, show } = useApiError();
  const { message } = App.useApp();
  return (
    <>
      <PageHeader title={t('mentors:founder.title')} subtitle={t('mentors:founder.subtitle')} />
      {error && <Alert type="error" showIcon title={describe(error)} />}
      {loading ? (
        <Skeleton active />
      ) : !sessions.length ? (
        <Empty description={t('mentors:founder.empty')} />
      ) : (
        <Flex vertical gap={10} data-testid="founder-sessions">
          {sessions.map((s) => (
            <SessionCard
              key={s.id}
              session={s}
              confirming={confirming}
              onConfirm={() => confirm(s.id).then(() => message.success(t('mentors:founder.confirmed')), show)}
            />
          ))}
        </Flex>
      )}
    </>
  );
}
