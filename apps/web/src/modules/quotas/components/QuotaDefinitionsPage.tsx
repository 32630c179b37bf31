import { PlusOutlined } from '@ant-design/icons';
import { EVENT_TYPE_LABELS, EVENT_TYPES, QUOTA_PROGRAMMES } from '@leye/domain';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventType, QuotaDefinitionFieldsFragment, QuotaKind, QuotaProgramme } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { regionOptions } from '../../regions/utils/region-label.js';
import { useQuotaDefinitionMutations, useQuotaDefinitions } from '../hooks/use-quotas.js';
import { formatFigure } from '../utils/quota-format.js';

type Definition = QuotaDefinitionFieldsFragment;
const MEASURES = ['events.completed', 'attendance.unique', 'attendance.participations', 'mentors.pool', 'mentors.confirmedSessions', 'broadcasts.count', 'broadcasts.viewers'];
interface Values {
  programme: QuotaProgramme;
  name: string;
  nameEn: string;
  regionCode: string;
  period: [Dayjs, Dayjs];
  target?: number | null;
  unit: string;
  unitEn: string;
  clause: string;
  clauseText?: string;
  kind: QuotaKind;
  measureKey?: string | null;
  eventTypes?: EventType[];
  aggregation?: string | null;
  sortOrder?: number;
}

/** 指标定义 (admins): yearly targets, their clause and how they are measured; every change is audited. */
export function QuotaDefinitionsPage() {
  const { t } = useTranslation(['core', 'quotas']);
  const { language } = useLanguage();
  const { message } = App.useApp();
  const { show, showOnForm } = useApiError();
  const [year, setYear] = useState(dayjs().year());
  const [region, setRegion] = useState('371300');
  const { definitions, loading, refetch } = useQuotaDefinitions(year, region);
  const { create, update, remove, saving } = useQuotaDefinitionMutations();
  const [editing, setEditing] = useState<Definition | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);

  const openForm = (d: Definition | 'new') => {
    setEditing(d);
    form.resetFields();
    if (d === 'new') form.setFieldsValue({ regionCode: region, period: [dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)], kind: 'MEASURE', sortOrder: 0, eventTypes: [] });
    else form.setFieldsValue({ ...d, period: [dayjs(d.periodStart), dayjs(d.periodEnd)], clauseText: d.clauseText, eventTypes: d.eventTypes });
  };
  const submit = async (v: Values) => {
    const input = {
      programme: v.programme, name: v.name, nameEn: v.nameEn, regionCode: v.regionCode, periodStart: v.period[0].format('YYYY-MM-DD'), periodEnd: v.period[1].format('YYYY-MM-DD'),
      target: v.target ?? null, unit: v.unit, unitEn: v.unitEn, clause: v.clause, clauseText: v.clauseText ?? '', kind: v.kind,
      measureKey: v.kind === 'MEASURE' ? (v.measureKey ?? null) : null, eventTypes: v.eventTypes ?? [], aggregation: v.kind === 'REPORTED' ? (v.aggregation ?? 'SUM') : null, sortOrder: v.sortOrder ?? 0,
    };
    try {
      if (editing === 'new') await create({ variables: { input } });
      else if (editing) await update({ variables: { id: editing.id, version: editing.version, input } });
      message.success(t('quotas:definitions.saved'));
      setEditing(null);
      await refetch();
    } catch (error) {
      if (!showOnForm(form, error, ['programme', 'name', 'nameEn', 'regionCode', 'target', 'unit', 'unitEn', 'clause', 'measureKey'], { periodStart: 'period', periodEnd: 'period' })) show(error);
    }
  };
  const columns: TableColumnsType<Definition> = [
    { key: 'programme', title: t('quotas:definitions.programme'), render: (_, d) => t(`quotas:programme.${d.programme}`), width: 140 },
    { key: 'name', title: t('quotas:definitions.name'), render: (_, d) => (language === 'en' ? d.nameEn : d.name) },
    { key: 'target', title: t('quotas:definitions.target'), align: 'right', render: (_, d) => (d.target === null ? '—' : `${formatFigure(d.target)} ${language === 'en' ? d.unitEn : d.unit}`) },
    { key: 'clause', title: t('quotas:definitions.clause'), dataIndex: 'clause', width: 110 },
    { key: 'kind', title: t('quotas:definitions.kind'), render: (_, d) => <Tag>{t(`quotas:definitions.kinds.${d.kind}`)}</Tag>, responsive: ['md'] },
    { key: 'measure', title: t('quotas:definitions.measureKey'), render: (_, d) => [d.measureKey, ...d.eventTypes].filter(Boolean).join(' · '), responsive: ['lg'] },
    {
      key: 'actions', width: 150,
      render: (_, d) => (
        <Space>
          <Button size="small" onClick={() => openForm(d)}>{t('quotas:definitions.edit')}</Button>
          <Popconfirm title={t('quotas:definitions.deleteConfirm')} onConfirm={async () => { try { await remove({ variables: { id: d.id } }); message.success(t('quotas:definitions.deleted')); await refetch(); } catch (e) { show(e); } }}>
            <Button size="small" danger>{t('quotas:definitions.delete')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('quotas:definitions.title')}
        subtitle={t('quotas:definitions.subtitle')}
        extra={
          <Space wrap>
            <Select value={year} style={{ width: 100 }} onChange={setYear} options={[2025, 2026, 2027, 2028].map((y) => ({ value: y, label: String(y) }))} />
            <Select value={region} style={{ width: 180 }} onChange={setRegion} options={regionOptions(language)} showSearch={{ optionFilterProp: 'label' }} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm('new')}>{t('quotas:definitions.add')}</Button>
          </Space>
        }
      />
      <Table<Definition> rowKey="id" size="small" loading={loading} columns={columns} dataSource={definitions} pagination={false} scroll={{ x: 'max-content' }} />
      <Modal open={!!editing} title={editing === 'new' ? t('quotas:definitions.add') : t('quotas:definitions.edit')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={saving} width={640} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="programme" label={t('quotas:definitions.programme')} rules={[{ required: true }]}>
            <Select options={QUOTA_PROGRAMMES.map((p) => ({ value: p, label: t(`quotas:programme.${p}`) }))} />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="name" label={t('quotas:definitions.name')} rules={[{ required: true, min: 2 }]} style={{ flex: 1 }}><Input maxLength={100} /></Form.Item>
            <Form.Item name="nameEn" label={t('quotas:definitions.nameEn')} rules={[{ required: true, min: 2 }]} style={{ flex: 1 }}><Input maxLength={100} /></Form.Item>
          </Space.Compact>
          <Form.Item name="regionCode" label={t('quotas:definitions.region')} rules={[{ required: true }]}>
            <Select options={regionOptions(language)} />
          </Form.Item>
          <Form.Item name="period" label={t('quotas:definitions.period')} rules={[{ required: true }]}><DatePicker.RangePicker /></Form.Item>
          <Form.Item name="kind" label={t('quotas:definitions.kind')} rules={[{ required: true }]}>
            <Select options={(['MEASURE', 'CADENCE', 'REPORTED'] as const).map((k) => ({ value: k, label: t(`quotas:definitions.kinds.${k}`) }))} />
          </Form.Item>
          {kind === 'MEASURE' && (
            <Form.Item name="measureKey" label={t('quotas:definitions.measureKey')} rules={[{ required: true }]}>
              <Select options={MEASURES.map((m) => ({ value: m, label: m }))} />
            </Form.Item>
          )}
          {kind !== 'REPORTED' && (
            <Form.Item name="eventTypes" label={t('quotas:definitions.eventTypes')}>
              <Select mode="multiple" options={EVENT_TYPES.map((e) => ({ value: e, label: language === 'en' ? EVENT_TYPE_LABELS[e].en : EVENT_TYPE_LABELS[e].zh }))} />
            </Form.Item>
          )}
          {kind === 'REPORTED' && (
            <Form.Item name="aggregation" label={t('quotas:definitions.aggregation')} initialValue="SUM">
              <Select options={(['SUM', 'LATEST'] as const).map((a) => ({ value: a, label: t(`quotas:definitions.aggregations.${a}`) }))} />
            </Form.Item>
          )}
          <Space.Compact block>
            <Form.Item name="target" label={t('quotas:definitions.target')} style={{ flex: 1 }}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="unit" label={t('quotas:definitions.unit')} rules={[{ required: true }]} style={{ flex: 1 }}><Input maxLength={20} /></Form.Item>
            <Form.Item name="unitEn" label={t('quotas:definitions.unitEn')} rules={[{ required: true }]} style={{ flex: 1 }}><Input maxLength={20} /></Form.Item>
          </Space.Compact>
          <Form.Item name="clause" label={t('quotas:definitions.clause')} rules={[{ required: true }]}><Input maxLength={40} /></Form.Item>
          <Form.Item name="clauseText" label={t('quotas:definitions.clauseText')}><Input.TextArea maxLength={500} rows={2} /></Form.Item>
          <Form.Item name="sortOrder" label={t('quotas:definitions.sortOrder')}><InputNumber min={0} max={10000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
