import { App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Select, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuotaReportedFiguresQuery } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { shanghaiToday } from '../../events/utils/shanghai-time.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { useQuotaDefinitions, useReportedFigures, useReportFigure } from '../hooks/use-quotas.js';
import { formatFigure } from '../utils/quota-format.js';

type Figure = QuotaReportedFiguresQuery['quotaReportedFigures'][number];
interface Values {
  month: Dayjs;
  value: number;
  source: string;
  note?: string;
}

/** 上报数据: organizers of the region enter the figures the platform does not hold, month by month, with their source. */
export function ReportedFiguresPage() {
  const { t } = useTranslation(['core', 'quotas']);
  const { language } = useLanguage();
  const { message } = App.useApp();
  const { show, showOnForm } = useApiError();
  const year = Number(shanghaiToday().slice(0, 4));
  const { definitions } = useQuotaDefinitions(year, null);
  const reported = definitions.filter((d) => d.kind === 'REPORTED');
  const [quotaId, setQuotaId] = useState<string | null>(null);
  const chosen = reported.find((d) => d.id === quotaId) ?? reported[0];
  const { figures, refetch } = useReportedFigures(chosen?.id ?? null);
  const { report, saving } = useReportFigure();
  const [form] = Form.useForm<Values>();

  const save = async (v: Values) => {
    if (!chosen) return;
    const month = v.month.format('YYYY-MM');
    try {
      await report({ variables: { input: { quotaId: chosen.id, month, value: v.value, source: v.source, note: v.note ?? '' } } });
      message.success(t('quotas:figures.saved', { month }));
      await refetch();
    } catch (error) {
      if (!showOnForm(form, error, ['month', 'value', 'source', 'note'])) show(error);
    }
  };
  const columns: TableColumnsType<Figure> = [
    { key: 'month', title: t('quotas:figures.month'), dataIndex: 'month', width: 100 },
    { key: 'value', title: t('quotas:figures.value'), align: 'right', render: (_, f) => `${formatFigure(f.value)} ${language === 'en' ? chosen?.unitEn : chosen?.unit}` },
    { key: 'source', title: t('quotas:figures.source'), dataIndex: 'source' },
    { key: 'note', title: t('quotas:figures.note'), dataIndex: 'note', responsive: ['md'] },
    { key: 'by', title: t('quotas:figures.enteredBy'), dataIndex: 'enteredByName', responsive: ['md'] },
    { key: 'at', title: t('quotas:figures.enteredAt'), render: (_, f) => dayjs(f.enteredAt).format('YYYY-MM-DD HH:mm'), responsive: ['lg'] },
  ];
  return (
    <>
      <PageHeader title={t('quotas:figures.title')} subtitle={t('quotas:figures.subtitle')} />
      {!reported.length && <Empty description={t('quotas:figures.none')} />}
      {chosen && (
        <>
          <Card size="small">
            <Form form={form} layout="vertical" onFinish={save} initialValues={{ month: dayjs().subtract(1, 'month') }} style={{ maxWidth: 560 }}>
              <Form.Item label={t('quotas:figures.quota')}>
                <Select
                  value={chosen.id}
                  onChange={setQuotaId}
                  options={reported.map((d) => ({ value: d.id, label: `${language === 'en' ? d.nameEn : d.name} · ${regionLabel(d.regionCode, language)}` }))}
                />
              </Form.Item>
              <Form.Item name="month" label={t('quotas:figures.month')} rules={[{ required: true, message: t('errors.fields.REQUIRED') }]}>
                <DatePicker picker="month" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="value" label={`${t('quotas:figures.value')} (${language === 'en' ? chosen.unitEn : chosen.unit})`} rules={[{ required: true, message: t('errors.fields.REQUIRED') }]}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="source" label={t('quotas:figures.source')} rules={[{ required: true, min: 2, message: t('errors.fields.REQUIRED') }]}>
                <Input placeholder={t('quotas:figures.sourcePlaceholder')} maxLength={200} />
              </Form.Item>
              <Form.Item name="note" label={t('quotas:figures.note')}>
                <Input.TextArea maxLength={500} rows={2} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('quotas:figures.save')}
              </Button>
            </Form>
          </Card>
          <Card size="small" style={{ marginTop: 16 }} title={<>{t('quotas:figures.history')} <Tag color="purple">{t('quotas:card.reported')}</Tag></>}>
            <Table<Figure> rowKey="id" size="small" columns={columns} dataSource={figures} pagination={false} scroll={{ x: 'max-content' }} />
          </Card>
        </>
      )}
    </>
  );
}
