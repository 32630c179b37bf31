import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Flex, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MyEmployerDocument, MyPostingsDocument, WithdrawPostingDocument, type PostingFieldsFragment, type PostingStatus } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { useNotificationListener } from '../../notifications/hooks/notifications-context.js';
import { occupationLabel, POSTING_STATUSES, salaryText } from '../utils/posting-labels.js';
import { PostingDetails } from './PostingDetails.js';
import { PostingFlags } from './PostingFlags.js';
import { PostingFormModal } from './PostingFormModal.js';
import { PostingStatusTag } from './PostingStatusTag.js';

const PAGE = 20;
/** Review decisions and expiry arrive as notifications: the list follows them without a reload. */
const LIVE_KINDS = ['POSTING_APPROVED', 'POSTING_REJECTED', 'POSTINGS_EXPIRED'] as const;

/** 用人单位 → 我的岗位: status, review reason and hints per posting; create, edit (back to review), withdraw. */
export function MyPostingsPage() {
  const { t } = useTranslation(['core', 'postings']);
  const { domainKey } = useLanguage();
  const { message } = App.useApp();
  const { describe, show } = useApiError();
  const [status, setStatus] = useState<PostingStatus | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<PostingFieldsFragment | null | 'new'>(null);
  const employer = useQuery(MyEmployerDocument, { fetchPolicy: 'cache-first' });
  const { data, loading, error, refetch } = useQuery(MyPostingsDocument, {
    variables: { status, take: PAGE, skip: (page - 1) * PAGE },
    fetchPolicy: 'cache-and-network',
  });
  useNotificationListener(LIVE_KINDS, () => void refetch());
  const [withdraw] = useMutation(WithdrawPostingDocument, { refetchQueries: ['MyPostings'] });
  const verified = employer.data?.myEmployer?.status === 'VERIFIED';

  return (
    <Flex vertical gap={12}>
      <Card variant="borderless">
        <Flex justify="space-between" align="start" wrap gap={12}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('postings:mine.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('postings:mine.subtitle')}</Typography.Text>
          </div>
          <Space wrap>
            <Select<PostingStatus>
              allowClear
              placeholder={t('postings:fields.status')}
              value={status}
              onChange={(v) => {
                setStatus(v);
                setPage(1);
              }}
              options={POSTING_STATUSES.map((s) => ({ value: s, label: t(`postings:status.${s}`) }))}
              style={{ width: 140 }}
            />
            <Button type="primary" icon={<PlusOutlined />} disabled={!verified} onClick={() => setEditing('new')} data-testid="posting-create">
              {t('postings:mine.create')}
            </Button>
          </Space>
        </Flex>
        {employer.data && !verified && <Alert type="info" showIcon title={t('postings:mine.notVerified')} style={{ marginTop: 12 }} />}
      </Card>
      {error && <Alert type="error" showIcon title={describe(error)} />}
      <Card variant="borderless">
        <Table<PostingFieldsFragment>
          rowKey="id"
          loading={loading}
          dataSource={data?.myPostings.items ?? []}
          locale={{ emptyText: t('postings:mine.empty') }}
          scroll={{ x: 720 }}
          pagination={{ current: page, pageSize: PAGE, total: data?.myPostings.total ?? 0, onChange: setPage, showSizeChanger: false }}
          expandable={{
            expandedRowRender: (p) => (
              <Flex vertical gap={12}>
                <PostingFlags flags={p.flags} />
                <PostingDetails posting={p} highlight={(p.flags ?? []).map((f) => f.matched ?? '').filter(Boolean)} />
              </Flex>
            ),
          }}
          onRow={(p) => ({ 'data-testid': 'my-posting-row', 'data-title': p.title }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('postings:fields.title'),
              key: 'title',
              render: (_, p) => (
                <Flex vertical gap={2}>
                  <Typography.Text strong>{p.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {occupationLabel(p.occupationCode, domainKey)} · {salaryText(t, p.salaryMin, p.salaryMax)}
                  </Typography.Text>
                  <PostingFlags flags={p.flags} compact />
                </Flex>
              ),
            },
            {
              title: t('postings:fields.status'),
              key: 'status',
              width: 260,
              render: (_, p) => (
                <Flex vertical gap={4}>
                  <span>
                    <PostingStatusTag status={p.status} />
                  </span>
                  {p.status === 'REJECTED' && p.rejectionReason && (
                    <Typography.Text type="danger" data-testid="posting-rejection-reason">
                      {t('postings:fields.rejectionReason')}：{p.rejectionReason}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            },
            { title: t('postings:fields.validUntil'), dataIndex: 'validUntil', width: 120 },
            {
              title: t('postings:review.actions'),
              key: 'actions',
              width: 160,
              render: (_, p) => (
                <Space>
                  {p.viewerCan.edit && (
                    <Button size="small" onClick={() => setEditing(p)} data-testid="posting-edit">
                      {t('postings:mine.edit')}
                    </Button>
                  )}
                  {p.viewerCan.withdraw && (
                    <Popconfirm
                      title={t('postings:mine.withdrawConfirm')}
                      okText={t('postings:mine.withdraw')}
                      cancelText={t('common.cancel')}
                      onConfirm={async () => {
                        try {
                          await withdraw({ variables: { id: p.id } });
                          void message.success(t('postings:mine.withdrawn'));
                        } catch (e) {
                          show(e);
                        }
                      }}
                    >
                      <Button size="small" danger>
                        {t('postings:mine.withdraw')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <PostingFormModal
        open={editing !== null}
        posting={editing === 'new' ? null : editing}
        defaults={{ contactName: employer.data?.myEmployer?.contactName ?? undefined, contactPhone: employer.data?.myEmployer?.contactPhone ?? undefined, regionCode: employer.data?.myEmployer?.region.code }}
        onClose={() => setEditing(null)}
      />
    </Flex>
  );
}
