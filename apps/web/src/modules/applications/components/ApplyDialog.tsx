import { Alert, App, Button, Card, Flex, Input, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { APPLICATION_LIMITS } from '@leye/domain';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useCurrentUser } from '../../auth/hooks/use-auth.js';
import { useApply, useMyResume } from '../hooks/use-applications.js';
import type { ApplyTarget } from './ApplyButton.js';
import { ResumeSummary } from './ResumeSummary.js';

/** Shows the profile that goes as the résumé, takes an optional note, and applies. */
export function ApplyDialog({ posting, fair, onClose }: { posting: ApplyTarget; fair: { id: string; title?: string } | null; onClose: () => void }) {
  const { t } = useTranslation(['core', 'applications']);
  const { message } = App.useApp();
  const { describe } = useApiError();
  const user = useCurrentUser();
  const { resume, loading } = useMyResume();
  const { apply, applying } = useApply();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const incomplete = !!resume && (!resume.education || !resume.experience);

  const submit = async () => {
    setError(null);
    try {
      await apply({ postingId: posting.id, coverNote: note.trim() || null, ...(fair ? { source: 'FAIR', eventId: fair.id } : { source: 'ONLINE' }) });
      void message.success(t('applications:apply.done'));
      onClose();
    } catch (e) {
      setError(describe(e));
    }
  };

  return (
    <Modal
      open
      title={t('applications:apply.title', { title: posting.title })}
      onCancel={onClose}
      width={520}
      destroyOnHidden
      footer={
        <Button type="primary" loading={applying} disabled={loading} onClick={submit} data-testid="apply-submit">
          {t('applications:apply.submit')}
        </Button>
      }
    >
      <Flex vertical gap={12} data-testid="apply-dialog">
        <Typography.Text type="secondary">
          {t('applications:apply.employer', { name: posting.employerName })}
          {fair?.title && <> · {t('applications:apply.fromFair', { title: fair.title })}</>}
        </Typography.Text>
        {error && <Alert type="error" showIcon title={error} data-testid="apply-error" />}
        <Card
          size="small"
          title={t('applications:apply.resumeTitle')}
          extra={
            <Link to="/seeker/profile" data-testid="complete-resume">
              {t('applications:apply.completeResume')}
            </Link>
          }
        >
          {loading || !resume ? (
            <Skeleton active paragraph={{ rows: 4 }} />
          ) : (
            <ResumeSummary
              testId="apply-resume"
              resume={{
                name: user.displayName,
                phone: user.phone,
                email: user.phone ? null : user.email,
                regionCode: user.region?.code ?? null,
                education: resume.education,
                experience: resume.experience,
                intendedOccupation: resume.intendedOccupation,
              }}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
            {t('applications:apply.resumeHint')}
          </Typography.Paragraph>
        </Card>
        {incomplete && <Alert type="info" showIcon title={t('applications:apply.resumeIncomplete')} />}
        <div>
          <Typography.Text>{t('applications:apply.coverNote')}</Typography.Text>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={APPLICATION_LIMITS.coverNoteMax}
            showCount
            autoSize={{ minRows: 2, maxRows: 5 }}
            placeholder={t('applications:apply.coverNotePlaceholder')}
            data-testid="apply-note"
          />
        </div>
      </Flex>
    </Modal>
  );
}
