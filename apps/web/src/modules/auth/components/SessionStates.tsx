import { Button, Flex, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../hooks/use-auth.js';

export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description={t('common.loading')} />
    </Flex>
  );
}

/** The API could not be reached while resuming the session: offer a retry instead of a false logout. */
export function SessionUnreachable() {
  const { t } = useTranslation();
  const { retry } = useAuth();
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Result
        status="warning"
        title={t('errors.network')}
        extra={
          <Button type="primary" onClick={retry}>
            {t('common.retry')}
          </Button>
        }
      />
    </Flex>
  );
}
