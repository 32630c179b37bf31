import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../layout/components/ReasonModal.js';

/** 取消活动: the reason is shown publicly and sent to everyone registered, so it is required. */
export function CancelEventModal({
  eventTitle,
  ...props
}: {
  open: boolean;
  eventTitle: string;
  confirming: boolean;
  onCancel(): void;
  onConfirm(reason: string): void;
}) {
  const { t } = useTranslation(['core', 'events']);
  return (
    <ReasonModal
      {...props}
      title={`${t('events:detail.cancelTitle')} · ${eventTitle}`}
      okText={t('events:detail.cancelConfirm')}
      cancelText={t('common.back')}
      label={t('events:fields.cancelReason')}
      placeholder={t('events:detail.cancelReasonPlaceholder')}
      requiredMessage={t('events:detail.cancelReasonRequired')}
      notice={<Alert type="warning" showIcon title={t('events:detail.cancelWarning')} style={{ marginBottom: 16 }} />}
      testIds={{ confirm: 'cancel-event-confirm', reason: 'cancel-reason' }}
    />
  );
}
