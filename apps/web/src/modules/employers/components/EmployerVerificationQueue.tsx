import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Segmented, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { EmployerFieldsFragment } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { useNotificationListener } from '../../notifications/hooks/notifications-context.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { useCoveredRegionCodes } from '../../regions/hooks/use-covered-regions.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { EMPLOYER_PAGE_SIZE, useEmployerPage } from '../hooks/use-employers.js';
import { EMPLOYER_STATUSES } from '../utils/employer-status.js';
import { queueFilter, readQueueParams, writeQueueParams, type QueueParams } from '../utils/queue-params.js';
import { EmployerReviewDrawer } from './EmployerReviewDrawer.js';
import { EmployerStatusTag } from './EmployerStatusTag.js';

const AWAITING_REVIEW = ['EMPLOYER_AWAITING_REVIEW'] as const;

/** Organizer home: employers waiting for verification, filterable, with a review drawer per row. */
export function EmployerVerificationQueue({ basePath }: { basePath: string }) {
  const { t } = useTranslation(['core', 'employers']);
  const { language } = useLanguage();
  const { describe } = useApiError();
  const navigate = useNavigate();
  const { id: openId } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readQueueParams(searchParams);
  const [searchText, setSearchText] = useState(params.search);
  useEffect(() => setSearchText(params.search), [params.search]);

  const { employers, total, loading, error, refetch } = useEmployerPage(queueFilter(params), params.page);
  // Offer only the regions the viewer covers: another county would always give an empty list.
  const coveredCodes = useCoveredRegionCodes();
  // A newly registered employer in our region announces itself; show it without a manual reload.
  useNotificationListener(AWAITING_REVIEW, () => void refetch());

  const update = (patch: Partial<QueueParams>) => {
    // Any filter change starts again from page one.
    const next = { ...params, page: 1, ...patch };
    setSearchParams(writeQueueParams(next));
  };
  const query = searchParams.toString() ? `?${searchParams.toString()}` : '';
  const open = (employer: EmployerFieldsFragment) => navigate(`${basePath}/${employer.id}${query}`);

  const columns: TableColumnsType<EmployerFieldsFragment> = [
    {
      key: 'name',
      title: t('employers:fields.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Typography.Link onClick={() => open(row)} strong>
          {name}
        </Typography.Link>
      ),
    },
    {
      key: 'creditCode',
      title: t('employers:fields.creditCode'),
      dataIndex: 'creditCode',
      responsive: ['md'],
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      key: 'region',
      title: t('employers:fields.region'),
      responsive: ['sm'],
      render: (_, row) => regionLabel(row.region, language),
    },
    {
      key: 'status',
      title: t('employers:fields.status'),
      dataIndex: 'status',
      render: (status: EmployerFieldsFragment['status']) => <EmployerStatusTag status={status} />,
    },
    {
      key: 'createdAt',
      title: t('employers:fields.createdAt'),
      dataIndex: 'createdAt',
      responsive: ['lg'],
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
    {
      key: 'actions',
      title: t('employers:queue.actions'),
      align: 'right',
      // On phones the name link opens the review; the column would only push the table sideways.
      responsive: ['sm'],
      render: (_, row) => (
        <Button size="small" onClick={() => open(row)} data-testid={`open-employer-${row.id}`}>
          {t('employers:queue.open')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('employers:queue.title')}
        subtitle={t('employers:queue.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={loading}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card variant="borderless" className="queue-card">
        <Flex gap={12} wrap className="queue-filters">
          <Segmented
            value={params.status ?? 'ALL'}
            onChange={(v) => update({ status: v === 'ALL' ? null : (v as QueueParams['status']) })}
            options={[
              ...EMPLOYER_STATUSES.map((s) => ({ value: s, label: t(`employers:status.${s}`) })),
              { value: 'ALL', label: t('common.all') },
            ]}
            data-testid="status-filter"
          />
          <RegionSelect
            allowClear
            value={params.regionCode ?? undefined}
            onChange={(v) => update({ regionCode: v ?? null })}
            onlyCodes={coveredCodes ?? []}
            placeholder={t('employers:queue.regionFilter')}
            style={{ minWidth: 180 }}
            data-testid="region-filter"
          />
          <Input.Search
            allowClear
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => update({ search: v.trim() })}
            placeholder={t('employers:queue.searchPlaceholder')}
            style={{ flex: '1 1 220px', maxWidth: 360 }}
            enterButton
            data-testid="employer-search"
          />
        </Flex>
        {error && <Alert type="error" showIcon title={describe(error)} style={{ marginBottom: 16 }} />}
        <Table<EmployerFieldsFragment>
          rowKey="id"
          columns={columns}
          dataSource={employers}
          loading={loading}
          locale={{ emptyText: t('employers:queue.empty') }}
          onRow={(row) => ({ onDoubleClick: () => open(row) })}
          pagination={{
            current: params.page,
            pageSize: EMPLOYER_PAGE_SIZE,
            total,
            showSizeChanger: false,
            showTotal: (count) => t('common.total', { count }),
            onChange: (page) => setSearchParams(writeQueueParams({ ...params, page })),
          }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <EmployerReviewDrawer employerId={openId} onClose={() => navigate(`${basePath}${query}`)} />
    </>
  );
}
