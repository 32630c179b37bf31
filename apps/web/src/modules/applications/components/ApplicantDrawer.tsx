import { Alert, Button, Card, Descriptions, Drawer, Flex, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationFieldsFragment, ApplicationStatus } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useOpenApplication } from '../hooks/use-applications.js';
import { ApplicationStatusTag } from './ApplicationStatusTag.js';
import { ResumeSummary } from './ResumeSummary.js';

/**
 * One applicant, opened by the employer: full contact and the résumé as sent. Opening it is
 * `openApplication`, which marks a new application VIEWED (the seeker is told).
 */
export function ApplicantDrawer({
  id,
  onClose,
  onMove,
  onReject,
}: {
  id: string;
  onClose: () => void;
  onMove: (a: ApplicationFieldsFragment, to: ApplicationStatus) => Promise<ApplicationFieldsFragment | null>;
  onReject: (a: ApplicationFieldsFragment) => void;
}) {
  const { t } = useTranslation(['core', 'applications']);
  const { describe } = useApiError();
  const { open } = useOpenApplication();
  const [application, setApplication] = useState<ApplicationFieldsFragment | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setApplication(null);
    setError(null);
    open(id)
      .then((a) => live && setApplication(a ?? null))
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
    };
  }, [id]);

  const a = application;
  const times: Array<[ApplicationStatus, string | null | undefined]> = a
    ? [
        ['SUBMITTED', a.submittedAt],
        ['VIEWED', a.viewedAt],
        ['INTERVIEW', a.interviewAt],
        ['OFFER', a.offerAt],
        ['HIRED', a.hiredAt],
        ['REJECTED', a.rejectedAt],
        ['WITHDRAWN', a.withdrawnAt],
      ]
    : [];
  return (
    <Drawer open onClose={onClose} title={t('applications:detail.title')} size={520} data-testid="applicant-drawer">
      {error ? (
        <Alert type="error" showIcon title={describe(error)} />
      ) : !a ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          <Flex justify="space-between" align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {a.applicant.name}
            </Typography.Title>
            <ApplicationStatusTag status={a.status} testId="drawer-status" />
          </Flex>
          <Typography.Text type="secondary">
            {a.posting.title} · <Tag>{a.fair ? a.fair.title : t(`applications:source.${a.source}`)}</Tag>
          </Typography.Text>
          <Card size="small" title={t('applications:detail.resume')}>
            <ResumeSummary testId="applicant-resume" resume={{ ...a.applicant }} />
          </Card>
          {a.coverNote && (
            <Card size="small" title={t('applications:detail.coverNote')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{a.coverNote}</Typography.Paragraph>
            </Card>
          )}
          <Card size="small" title={t('applications:detail.timeline')}>
            <Timeline
              items={times
                .filter(([, at]) => !!at)
                .map(([s, at]) => ({ key: s, content: `${t(`applications:status.${s}`)} · ${dayjs(at).format('YYYY-MM-DD HH:mm')}` }))}
            />
            {a.rejectionReason && <Descriptions size="small" items={[{ key: 'r', label: t('applications:move.REJECTED'), children: a.rejectionReason }]} />}
          </Card>
          <Space wrap>
            {a.viewerCan.moveTo
              .filter((s) => s !== 'VIEWED')
              .map((s) => (
                <Button
                  key={s}
                  danger={s === 'REJECTED'}
                  type={s === 'REJECTED' ? 'default' : 'primary'}
                  data-testid={`drawer-move-${s}`}
                  onClick={async () => {
                    if (s === 'REJECTED') return onReject(a);
                    const moved = await onMove(a, s);
                    if (moved) setApplication(moved);
                  }}
                >
                  {t(`applications:move.${s}`)}
                </Button>
              ))}
          </Space>
        </Flex>
      )}
    </Drawer>
  );
}
