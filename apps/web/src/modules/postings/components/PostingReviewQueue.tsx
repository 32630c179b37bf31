import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Drawer, Flex, Grid, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { shanghaiToday } from '@leye/domain';
import { ApprovePostingDocument, JobPostingDocument, PostingReviewQueueDocument, RejectPostingDocument, type PostingFieldsFragment, type PostingStatus } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { useNotificationListener } from '../../notifications/hooks/notifications-context.js';
import { ReasonModal } from '../../layout/components/ReasonModal.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { useCoveredRegionCodes } from '../../regions/hooks/use-covered-regions.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { downloadExport } from '../../auth/utils/download-export.js';
import { occupationLabel, POSTING_STATUSES, salaryText } from '../utils/posting-labels.js';
import { PostingDetails } from './PostingDetails.js';
import { PostingFlags } from './PostingFlags.js';
import { PostingStatusTag } from './PostingStatusTag.js';

const PAGE = 20;
const LIVE_KINDS = ['POSTING_AWAITING_REVIEW'] as const;

/** 组织方 → 岗位审核: the queue of the employer regions the organizer covers, hints highlighted, approve/reject, board exports. */
export function PostingReviewQueue() {
  const { t } = useTranslation(['core', 'postings']);
  const { language, domainKey } = useLanguage();
  const { message } = App.useApp();
  const { describe, show } = useApiError();
  const screens = Grid.useBreakpoint();
  const covered = useCoveredRegionCodes();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as PostingStatus | null) ?? 'PENDING_REVIEW';
  const regionCode = params.get('region') ?? undefined;
  const openId = params.get('posting') ?? undefined;
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState(false);
  const [exporting, setExporting] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(PostingReviewQueueDocument, {
    variables: { status, regionCode, take: PAGE, skip: (page - 1) * PAGE },
    fetchPolicy: 'cache-and-network',
  });
  // New and edited postings arrive as notifications: the queue follows them without a reload.
  useNotificationListener(LIVE_KINDS, () => void refetch());
  const [approve, approving] = useMutation(ApprovePostingDocument, { refetchQueries: ['PostingReviewQueue', 'JobPosting'] });
  const [reject, rejectingCall] = useMutation(RejectPostingDocument, { refetchQueries: ['PostingReviewQueue', 'JobPosting'] });
  const items = data?.postingReviewQueue.items ?? [];
  // The open posting is read on its own, so a link from a notification opens it whatever page the list is on.
  const one = useQuery(JobPostingDocument, { variables: { id: openId ?? '' }, skip: !openId, fetchPolicy: 'cache-and-network' });
  const open = openId ? (one.data?.jobPosting ?? items.find((p) => p.id === openId) ?? null) : null;

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  const exportFile = async (kind: 'csv' | 'xlsx') => {
    setExporting(kind);
    try {
      const query = regionCode ? `?region=${regionCode}` : '';
      await downloadExport(`/exports/postings.${kind}${query}`, `postings-${shanghaiToday()}.${kind}`);
    } catch {
      void message.error(t('postings:review.exportFailed'));
    } finally {
      setExporting(null);
    }
  };

  const doApprove = async (p: PostingFieldsFragment) => {
    try {
      await approve({ variables: { id: p.id, revision: p.revision } });
      void message.success(t('postings:review.approved'));
      set({ posting: undefined });
    } catch (e) {
      show(e);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Card variant="borderless">
        <Flex justify="space-between" wrap gap={12}>
          <div style={{ maxWidth: 720 }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('postings:review.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('postings:review.subtitle')}</Typography.Text>
          </div>
          <Tooltip title={t('postings:review.exportHint')}>
            <Space wrap>
              <Button icon={<DownloadOutlined />} loading={exporting === 'csv'} onClick={() => void exportFile('csv')} data-testid="export-csv">
                {t('postings:review.exportCsv')}
              </Button>
              <Button icon={<FileExcelOutlined />} loading={exporting === 'xlsx'} onClick={() => void exportFile('xlsx')} data-testid="export-xlsx">
                {t('postings:review.exportExcel')}
              </Button>
            </Space>
          </Tooltip>
        </Flex>
        <Space wrap style={{ marginTop: 12 }}>
          <Select<PostingStatus>
            value={status}
            onChange={(v) => {
              setPage(1);
              set({ status: v });
            }}
            options={POSTING_STATUSES.map((s) => ({ value: s, label: t(`postings:status.${s}`) }))}
            style={{ width: 150 }}
            data-testid="review-status-filter"
          />
          <RegionSelect
            allowClear
            placeholder={t('postings:review.regionFilter')}
            value={regionCode}
            onlyCodes={covered ?? null}
            onChange={(v) => {
              setPage(1);
              set({ region: v ?? undefined });
            }}
            style={{ width: 200 }}
          />
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={describe(error)} />}
      <Card variant="borderless">
        <Table<PostingFieldsFragment>
          rowKey="id"
          loading={loading}
          dataSource={items}
          locale={{ emptyText: t('postings:review.empty') }}
          scroll={{ x: 760 }}
          pagination={{ current: page, pageSize: PAGE, total: data?.postingReviewQueue.total ?? 0, onChange: setPage, showSizeChanger: false }}
          onRow={(p) =>
            ({
              onClick: () => set({ posting: p.id }),
              style: { cursor: 'pointer' },
              'data-testid': 'review-row',
              'data-title': p.title,
              'data-flags': String(p.flags?.length ?? 0),
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('postings:fields.title'),
              key: 'title',
              render: (_, p) => (
                <Flex vertical gap={2}>
                  <Typography.Link>{p.title}</Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.employer.name} · {occupationLabel(p.occupationCode, domainKey)}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t('postings:fields.flags'), key: 'flags', width: 150, render: (_, p) => <PostingFlags flags={p.flags} compact /> },
            { title: t('postings:fields.salary'), key: 'salary', width: 170, render: (_, p) => salaryText(t, p.salaryMin, p.salaryMax) },
            { title: t('postings:fields.region'), key: 'region', width: 120, render: (_, p) => regionLabel(p.regionCode, language) },
            { title: t('postings:fields.submittedAt'), key: 'submittedAt', width: 150, render: (_, p) => formatShanghai(p.submittedAt) },
            { title: t('postings:fields.status'), key: 'status', width: 110, render: (_, p) => <PostingStatusTag status={p.status} /> },
          ]}
        />
      </Card>
      <Drawer
        open={!!open}
        size={screens.md ? 720 : '100%'}
        title={
          open && (
            <Space>
              {t('postings:review.detail')}
              <PostingStatusTag status={open.status} />
              <Typography.Text type="secondary">{t('postings:review.revision', { revision: open.revision })}</Typography.Text>
            </Space>
          )
        }
        onClose={() => set({ posting: undefined })}
        extra={
          open && (
            <Space>
              {open.viewerCan.reject && (
                <Button danger onClick={() => setRejecting(true)} data-testid="posting-reject">
                  {t('postings:review.reject')}
                </Button>
              )}
              {open.viewerCan.approve && (
                <Button type="primary" loading={approving.loading} onClick={() => void doApprove(open)} data-testid="posting-approve">
                  {t('postings:review.approve')}
                </Button>
              )}
            </Space>
          )
        }
      >
        {open && (
          <Flex vertical gap={12} data-testid="review-drawer">
            {open.status === 'REJECTED' && open.rejectionReason && (
              <Alert type="error" showIcon title={`${t('postings:fields.rejectionReason')}：${open.rejectionReason}`} />
            )}
            <PostingFlags flags={open.flags} />
            <PostingDetails posting={open} highlight={(open.flags ?? []).map((f) => f.matched ?? '').filter(Boolean)} />
          </Flex>
        )}
      </Drawer>
      {open && (
        <ReasonModal
          open={rejecting}
          title={`${t('postings:review.rejectTitle')} · ${open.title}`}
          okText={t('postings:review.reject')}
          cancelText={t('common.cancel')}
          label={t('postings:review.rejectReason')}
          placeholder={t('postings:review.rejectReasonPlaceholder')}
          requiredMessage={t('postings:review.rejectReasonRequired')}
          confirming={rejectingCall.loading}
          testIds={{ confirm: 'posting-reject-confirm', reason: 'posting-reject-reason' }}
          onCancel={() => setRejecting(false)}
          onConfirm={async (reason) => {
            try {
              await reject({ variables: { id: open.id, reason, revision: open.revision } });
              void message.success(t('postings:review.rejected'));
              setRejecting(false);
              set({ posting: undefined });
            } catch (e) {
              show(e);
            }
          }}
        />
      )}
    </Flex>
  );
}
