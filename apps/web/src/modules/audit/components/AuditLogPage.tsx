import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditLogQuery } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { AUDIT_PAGE_SIZE, useAuditLog, type AuditSearch } from '../hooks/use-audit-log.js';
import { AUDIT_ACTIONS, AUDIT_RESOURCE_TYPES, auditKey } from '../utils/audit-vocabulary.js';

type AuditEntry = AuditLogQuery['auditLog']['items'][number];

/** Actions the log records today; the filter also accepts a family such as "event.". */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface SearchValues {
  action?: string;
  resourceType?: string;
  resourceId?: string;
  actorId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toSearch(v: SearchValues): AuditSearch {
  return {
    action: v.action || undefined,
    resourceType: v.resourceType || undefined,
    resourceId: v.resourceId?.trim() || undefined,
    actorId: v.actorId?.trim() || undefined,
    from: v.range?.[0]?.startOf('day').toISOString(),
    to: v.range?.[1]?.endOf('day').toISOString(),
  };
}

/** 审计日志: who did what, to which record, when and from where (admins only). */
export function AuditLogPage() {
  const { t } = useTranslation(['core', 'audit']);
  const { describe } = useApiError();
  const [form] = Form.useForm<SearchValues>();
  const [search, setSearch] = useState<AuditSearch>({});
  const [page, setPage] = useState(1);
  const { entries, total, loading, error, refetch } = useAuditLog(search, page);

  const label = (key: 'action' | 'resourceType', value: string) => t(`audit:${key}s.${auditKey(value)}`, { defaultValue: value });
  const columns: TableColumnsType<AuditEntry> = [
    { key: 'occurredAt', title: t('audit:fields.occurredAt'), dataIndex: 'occurredAt', width: 150, render: (v: string) => formatShanghai(v, 'YYYY-MM-DD HH:mm:ss') },
    {
      key: 'actor',
      title: t('audit:fields.actor'),
      render: (_, e) =>
        e.actorId ? (
          <Space direction="vertical" size={0}>
            <Typography.Text>{e.actorName ?? e.actorId}</Typography.Text>
            {e.actorRole && <Typography.Text type="secondary">{t(`roles.${e.actorRole}`, { defaultValue: e.actorRole })}</Typography.Text>}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('audit:system')}</Typography.Text>
        ),
    },
    { key: 'action', title: t('audit:fields.action'), dataIndex: 'action', render: (a: string) => <Tag>{label('action', a)}</Tag> },
    {
      key: 'resource',
      title: t('audit:fields.resource'),
      responsive: ['md'],
      render: (_, e) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{label('resourceType', e.resourceType)}</Typography.Text>
          {e.resourceId && <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>{e.resourceId}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'region', title: t('audit:fields.region'), dataIndex: 'regionCode', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { key: 'ip', title: t('audit:fields.ipAddress'), dataIndex: 'ipAddress', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
  ];

  const onFinish = (values: SearchValues) => {
    setPage(1);
    setSearch(toSearch(values));
  };

  return (
    <>
      <PageHeader
        title={t('audit:title')}
        subtitle={t('audit:subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={loading}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Form<SearchValues> form={form} layout="inline" onFinish={onFinish} style={{ rowGap: 12, marginBottom: 16 }} data-testid="audit-search">
          <Form.Item name="action" label={t('audit:fields.action')}>
            <Select
              allowClear
              style={{ width: 180 }}
              options={[
                ...AUDIT_ACTIONS.map((a) => ({ value: a, label: label('action', a) })),
                { value: 'event.', label: t('audit:allEventActions') },
                { value: 'employer.', label: t('audit:allEmployerActions') },
              ]}
            />
          </Form.Item>
          <Form.Item name="resourceType" label={t('audit:fields.resource')}>
            <Select allowClear style={{ width: 140 }} options={AUDIT_RESOURCE_TYPES.map((r) => ({ value: r, label: label('resourceType', r) }))} />
          </Form.Item>
          <Form.Item name="resourceId" label={t('audit:fields.resourceId')}>
            <Input allowClear style={{ width: 200 }} maxLength={64} />
          </Form.Item>
          <Form.Item name="actorId" label={t('audit:fields.actorId')} rules={[{ pattern: UUID, message: t('audit:badActorId') }]}>
            <Input allowClear style={{ width: 200 }} maxLength={36} />
          </Form.Item>
          <Form.Item name="range" label={t('audit:fields.range')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('audit:search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  onFinish({});
                }}
              >
                {t('audit:reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon message={describe(error)} style={{ marginBottom: 16 }} />}
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={entries}
          loading={loading}
          expandable={{ expandedRowRender: (e) => <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(JSON.parse(e.details), null, 2)}</pre> }}
          pagination={{ current: page, pageSize: AUDIT_PAGE_SIZE, total, showSizeChanger: false, onChange: setPage, showTotal: (n) => t('audit:total', { count: n }) }}
          locale={{ emptyText: t('audit:empty') }}
          data-testid="audit-table"
        />
      </Card>
    </>
  );
}
