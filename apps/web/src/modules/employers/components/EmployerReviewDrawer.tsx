import { App, Button, Drawer, Grid, Result, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useEmployer, useReviewEmployer } from '../hooks/use-employers.js';
import { EmployerDetails } from './EmployerDetails.js';
import { ReasonModal } from '../../layout/components/ReasonModal.js';
import { RejectEmployerModal } from './RejectEmployerModal.js';

/** One employer's details with the Verify / Reject decision (only while it is pending). */
export function EmployerReviewDrawer({ employerId, onClose }: { employerId: string | undefined; onClose(): void }) {
  const { t } = useTranslation(['core', 'employers']);
  const { message, modal } = App.useApp();
  const { show, describe } = useApiError();
  const screens = Grid.useBreakpoint();
  const { employer, loading, error } = useEmployer(employerId);
  const { verify, reject, revoke, verifying, rejecting, revoking } = useReviewEmployer();
  const [rejectOpen, setRejectOpen] = useState(false);
  const [revokeOpen, setRevokeOpen] = useState(false);

  const onRevoke = async (reason: string) => {
    if (!employer) return;
    try {
      await revoke(employer.id, reason);
      setRevokeOpen(false);
      void message.success(t('employers:detail.revoked', { name: employer.name }));
    } catch (e) {
      show(e);
    }
  };

  const onVerify = () => {
    if (!employer) return;
    modal.confirm({
      title: t('employers:detail.verify'),
      content: t('employers:detail.verifyConfirm', { name: employer.name }),
      okText: t('employers:detail.verify'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'verify-confirm' },
      onOk: async () => {
        try {
          await verify(employer.id);
          void message.success(t('employers:detail.verified', { name: employer.name }));
        } catch (e) {
          show(e);
        }
      },
    });
  };

  const onReject = async (reason: string) => {
    if (!employer) return;
    try {
      await reject(employer.id, reason);
      setRejectOpen(false);
      void message.success(t('employers:detail.rejected', { name: employer.name }));
    } catch (e) {
      show(e);
    }
  };

  return (
    <Drawer
      open={!!employerId}
      onClose={onClose}
      title={employer?.name ?? t('employers:detail.title')}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      data-testid="employer-drawer"
      footer={
        employer && (
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            {/* Only what the API says this viewer may do now (region and review state). */}
            {employer.viewerCan.revoke && (
              <Button danger loading={revoking} onClick={() => setRevokeOpen(true)} data-testid="revoke-employer">
                {t('employers:detail.revoke')}
              </Button>
            )}
            {employer.viewerCan.reject && (
              <Button danger loading={rejecting} onClick={() => setRejectOpen(true)} data-testid="reject-employer">
                {t('employers:detail.reject')}
              </Button>
            )}
            {employer.viewerCan.verify && (
              <Button type="primary" loading={verifying} onClick={onVerify} data-testid="verify-employer">
                {t('employers:detail.verify')}
              </Button>
            )}
          </Space>
        )
      }
    >
      {loading && !employer ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : error && !employer ? (
        <Result status="warning" title={describe(error)} />
      ) : employer ? (
        <EmployerDetails employer={employer} revealPhone />
      ) : null}
      {employer && (
        <ReasonModal
          open={revokeOpen}
          title={`${t('employers:detail.revokeTitle')} · ${employer.name}`}
          okText={t('employers:detail.revoke')}
          cancelText={t('common.cancel')}
          label={t('employers:detail.revokeReason')}
          placeholder={t('employers:detail.revokeReasonPlaceholder')}
          requiredMessage={t('employers:detail.revokeReasonRequired')}
          confirming={revoking}
          testIds={{ confirm: 'revoke-confirm', reason: 'revoke-reason' }}
          onCancel={() => setRevokeOpen(false)}
          onConfirm={(reason) => void onRevoke(reason)}
        />
      )}
      {employer && (
        <RejectEmployerModal
          open={rejectOpen}
          employerName={employer.name}
          confirming={rejecting}
          onCancel={() => setRejectOpen(false)}
          onConfirm={(reason) => void onReject(reason)}
        />
      )}
    </Drawer>
  );
}
