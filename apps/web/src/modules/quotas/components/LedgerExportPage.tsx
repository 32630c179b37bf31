import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, List, Progress, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuotaLedgerExportFieldsFragment } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { downloadExport } from '../../auth/utils/download-export.js';
import { useCoveredRegionCodes } from '../../regions/hooks/use-covered-regions.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { useLedgerExport, useLedgerExports } from '../hooks/use-quotas.js';

/** 台账导出: the ledger is built on the server's job queue; this page follows its progress and offers the file. */
export function LedgerExportPage() {
  const { t } = useTranslation(['core', 'quotas']);
  const { language } = useLanguage();
  const { message } = App.useApp();
  const { show } = useApiError();
  const covered = useCoveredRegionCodes() ?? [];
  const { exports, request, requesting, refetch } = useLedgerExports();
  const [current, setCurrent] = useState<string | null>(null);
  const followed = useLedgerExport(current);
  const year = dayjs().year();

  const submit = async (v: { regionCode: string; period: [Dayjs, Dayjs] }) => {
    try {
      const res = await request({ variables: { input: { regionCode: v.regionCode, from: v.period[0].format('YYYY-MM-DD'), to: v.period[1].format('YYYY-MM-DD') } } });
      setCurrent(res.data!.requestQuotaLedger.id);
      void refetch();
    } catch (error) {
      show(error);
    }
  };
  const download = async (e: QuotaLedgerExportFieldsFragment) => {
    try {
      await downloadExport(e.downloadUrl!, e.filename ?? 'ledger.xlsx');
    } catch (error) {
      message.error(String(error));
    }
  };
  const state = (e: QuotaLedgerExportFieldsFragment) =>
    e.status === 'DONE'
      ? t('quotas:ledger.done')
      : e.status === 'FAILED'
        ? t('quotas:ledger.failed', { error: e.error ?? '' })
        : e.status === 'RUNNING'
          ? t('quotas:ledger.running', { progress: e.progress })
          : t('quotas:ledger.queued');
  return (
    <>
      <PageHeader title={t('quotas:ledger.title')} subtitle={t('quotas:ledger.subtitle')} />
      <Card size="small">
        {covered.length > 0 && (
          <Form layout="inline" onFinish={submit} initialValues={{ regionCode: covered[0], period: [dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)] }}>
            <Form.Item name="regionCode" label={t('quotas:ledger.region')}>
              <Select style={{ width: 200 }} options={covered.map((c) => ({ value: c, label: regionLabel(c, language) }))} />
            </Form.Item>
            <Form.Item name="period" label={t('quotas:ledger.period')}>
              <DatePicker.RangePicker allowClear={false} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={requesting} data-testid="ledger-request">
              {t('quotas:ledger.request')}
            </Button>
          </Form>
        )}
        {followed && (
          <Flex vertical gap={8} style={{ marginTop: 16, maxWidth: 560 }} data-testid="ledger-progress">
            <Typography.Text>{state(followed)}</Typography.Text>
            <Progress percent={followed.progress} status={followed.status === 'FAILED' ? 'exception' : followed.status === 'DONE' ? 'success' : 'active'} />
            {followed.status === 'DONE' && (
              <Button icon={<DownloadOutlined />} onClick={() => download(followed)} data-testid="ledger-download">
                {t('quotas:ledger.download')} {followed.filename}
              </Button>
            )}
          </Flex>
        )}
      </Card>
      <Card size="small" title={t('quotas:ledger.recent')} style={{ marginTop: 16 }}>
        <List
          dataSource={exports}
          renderItem={(e) => (
            <List.Item actions={e.status === 'DONE' ? [<Button key="d" size="small" icon={<DownloadOutlined />} onClick={() => download(e)}>{t('quotas:ledger.download')}</Button>] : []}>
              <List.Item.Meta title={`${regionLabel(e.regionCode, language)} · ${e.from} – ${e.to}`} description={state(e)} />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
