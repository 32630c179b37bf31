import { RedoOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailedJobsQuery } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { FAILED_JOBS_PAGE_SIZE, useFailedJobs } from '../hooks/use-failed-jobs.js';

type FailedJob = FailedJobsQuery['failedJobs']['items'][number];

/** 后台任务: jobs that failed after every retry, with a button to run one again. */
export function BackgroundJobsPage() {
  const { t } = useTranslation(['core', 'jobs']);
  const { message } = App.useApp();
  const { describe } = useApiError();
  const [page, setPage] = useState(1);
  const [retryingId, setRetryingId] = useState<string | null>(null);
  const { jobs, total, loading, error, refetch, retry } = useFailedJobs(page);

  const onRetry = async (job: FailedJob) => {
    setRetryingId(job.id);
    try {
      await retry(job.id);
      void message.success(t('jobs:retried'));
    } catch (e) {
      void message.error(describe(e));
    } finally {
      setRetryingId(null);
    }
  };

  const columns: TableColumnsType<FailedJob> = [
    { key: 'name', title: t('jobs:fields.name'), dataIndex: 'name', render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
    {
      key: 'error',
      title: t('jobs:fields.error'),
      dataIndex: 'error',
      render: (e: string) => (
        <Typography.Paragraph type="danger" ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
          {e}
        </Typography.Paragraph>
      ),
    },
    { key: 'attempts', title: t('jobs:fields.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
    { key: 'failedAt', title: t('jobs:fields.failedAt'), dataIndex: 'failedAt', responsive: ['md'], render: (v: string | null) => (v ? formatShanghai(v, 'YYYY-MM-DD HH:mm:ss') : '—') },
    {
      key: 'actions',
      title: t('jobs:fields.actions'),
      align: 'right',
      render: (_, job) => (
        <Button size="small" icon={<RedoOutlined />} loading={retryingId === job.id} onClick={() => void onRetry(job)} data-testid={`retry-job-${job.id}`}>
          {t('jobs:retry')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('jobs:title')}
        subtitle={t('jobs:subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={loading}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card variant="borderless">
        {error && <Alert type="error" showIcon message={describe(error)} style={{ marginBottom: 16 }} />}
        <Table<FailedJob>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={jobs}
          loading={loading}
          pagination={{ current: page, pageSize: FAILED_JOBS_PAGE_SIZE, total, showSizeChanger: false, onChange: setPage }}
          locale={{ emptyText: t('jobs:empty') }}
          data-testid="failed-jobs-table"
        />
      </Card>
    </>
  );
}
