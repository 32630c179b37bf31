import { BankOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useNotificationListener } from '../../notifications/hooks/notifications-context.js';
import { useMyEmployer } from '../hooks/use-employers.js';
import { EmployerDetails } from './EmployerDetails.js';
import { EmployerStatusTag } from './EmployerStatusTag.js';
import { ResubmitEmployerModal } from './ResubmitEmployerModal.js';

/** Review outcomes arrive as notifications of these kinds; the card then reloads its status. */
const REVIEW_KINDS = ['EMPLOYER_VERIFIED', 'EMPLOYER_REJECTED', 'EMPLOYER_REVOKED'] as const;

export function MyOrganisationCard() {
  const { t } = useTranslation(['core', 'employers']);
  const { describe } = useApiError();
  const { employer, loading, error, refetch } = useMyEmployer();
  const [resubmitOpen, setResubmitOpen] = useState(false);
  useNotificationListener(REVIEW_KINDS, () => void refetch());

  if (loading) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (error && !employer) return <Alert type="error" showIcon title={describe(error)} />;
  if (!employer) {
    return (
      <Card>
        <Empty description={t('employers:mine.none')} />
      </Card>
    );
  }

  const hint = {
    PENDING: { type: 'info' as const, text: t('employers:mine.pendingHint') },
    VERIFIED: { type: 'success' as const, text: t('employers:mine.verifiedHint') },
    REJECTED: { type: 'error' as const, text: t('employers:mine.rejectedHint') },
  }[employer.status];

  return (
    <Card
      data-testid="organisation-card"
      title={
        <Flex align="center" gap={10} wrap>
          <BankOutlined />
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="organisation-name">
            {employer.name}
          </Typography.Text>
          <EmployerStatusTag status={employer.status} large testId="organisation-status" />
        </Flex>
      }
    >
      <Alert
        type={hint.type}
        showIcon
        title={hint.text}
        description={employer.status === 'REJECTED' && employer.rejectionReason ? employer.rejectionReason : undefined}
        action={
          employer.viewerCan.resubmit ? (
            <Button type="primary" onClick={() => setResubmitOpen(true)} data-testid="resubmit-employer">
              {t('employers:mine.resubmit')}
            </Button>
          ) : undefined
        }
        style={{ marginBottom: 16 }}
        data-testid="organisation-status-hint"
      />
      {employer.viewerCan.resubmit && <ResubmitEmployerModal employer={employer} open={resubmitOpen} onClose={() => setResubmitOpen(false)} />}
      <EmployerDetails employer={employer} columns={{ xs: 1, sm: 1, md: 2 }} revealPhone />
    </Card>
  );
}
