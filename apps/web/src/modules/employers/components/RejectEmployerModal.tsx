import { useTranslation } from 'react-i18next';
import { ReasonModal } from '../../layout/components/ReasonModal.js';

/** Asks why; the reason is stored and sent to the employer, so it is required. */
export function RejectEmployerModal({
  employerName,
  ...props
}: {
  open: boolean;
  employerName: string;
  confirming: boolean;
  onCancel(): void;
  onConfirm(reason: string): void;
}) {
  const { t } = useTranslation(['core', 'employers']);
  return (
    <ReasonModal
      {...props}
      title={`${t('employers:detail.rejectTitle')} · ${employerName}`}
      okText={t('employers:detail.reject')}
      cancelText={t('common.cancel')}
      label={t('employers:detail.rejectReason')}
      placeholder={t('employers:detail.rejectReasonPlaceholder')}
      requiredMessage={t('employers:detail.rejectReasonRequired')}
      testIds={{ confirm: 'reject-confirm', reason: 'reject-reason' }}
    />
  );
}
