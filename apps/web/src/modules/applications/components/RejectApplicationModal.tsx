import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_LIMITS } from '@leye/domain';
import type { ApplicationFieldsFragment } from '../../../generated/graphql.js';

/** "不合适" with an optional reason the applicant sees. */
export function RejectApplicationModal({
  application,
  onCancel,
  onReject,
}: {
  application: ApplicationFieldsFragment;
  onCancel: () => void;
  onReject: (reason: string | null) => Promise<void>;
}) {
  const { t } = useTranslation(['core', 'applications']);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={t('applications:applicants.rejectTitle')}
      onCancel={onCancel}
      okButtonProps={{ danger: true, loading: busy, ...({ 'data-testid': 'reject-confirm' } as object) }}
      okText={t('applications:move.REJECTED')}
      onOk={async () => {
        setBusy(true);
        try {
          await onReject(reason.trim() || null);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Typography.Paragraph strong>{application.applicant.name}</Typography.Paragraph>
      <Typography.Text>{t('applications:applicants.rejectReason')}</Typography.Text>
      <Input.TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={APPLICATION_LIMITS.rejectionReasonMax}
        showCount
        placeholder={t('applications:applicants.rejectReasonPlaceholder')}
        data-testid="reject-reason"
      />
    </Modal>
  );
}
