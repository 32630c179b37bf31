import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Select, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useCurrentUser } from '../../auth/hooks/use-auth.js';
import { shanghaiToday } from '../../events/utils/shanghai-time.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { regionScope } from '../../regions/utils/region-scope.js';
import { usePeakSeasons, useSetPeakSeasons } from '../hooks/use-event-series.js';
import { inputToRanges, rangeDays, rangesToInput, type PickerRange } from '../utils/peak-ranges.js';
import { PeakRangesEditor } from './PeakRangesEditor.js';
import { cadenceYears } from './SeriesWhenStep.js';

/** 用工旺季设置: the peak hiring seasons of a region and year, which drive the seasonal job-fair cadence. */
export function PeakSeasonsPage() {
  const { t } = useTranslation(['core', 'series']);
  const { message } = App.useApp();
  const { describe, showOnForm } = useApiError();
  const user = useCurrentUser();
  const scope = regionScope(user.region);
  const today = shanghaiToday();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [regionCode, setRegionCode] = useState<string>(scope?.[0] ?? user.region?.code ?? '371300');
  const { settings, loading, error } = usePeakSeasons(year, regionCode);
  const { save, saving } = useSetPeakSeasons();
  const [form] = Form.useForm<{ peakRanges: PickerRange[] }>();
  const [saveError, setSaveError] = useState<string | null>(null);
  const ranges = Form.useWatch('peakRanges', form) ?? [];

  const current = settings && settings.year === year && settings.regionCode === regionCode ? settings : null;
  useEffect(() => {
    if (current) form.setFieldsValue({ peakRanges: inputToRanges(current.ranges) });
  }, [current, form]);

  const onFinish = async ({ peakRanges }: { peakRanges: PickerRange[] }) => {
    setSaveError(null);
    try {
      await save(year, regionCode, rangesToInput(peakRanges ?? []));
      void message.success(t('series:peak.saved'));
    } catch (e) {
      if (!showOnForm(form, e, ['peakRanges'], { ranges: 'peakRanges' })) setSaveError(describe(e));
    }
  };

  return (
    <>
      <PageHeader title={t('series:peak.title')} subtitle={t('series:peak.subtitle')} />
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Select
            value={year}
            onChange={setYear}
            options={cadenceYears(today).map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 120 }}
            aria-label={t('series:when.year')}
            data-testid="peak-year"
          />
          <RegionSelect value={regionCode} onChange={setRegionCode} onlyCodes={scope} style={{ minWidth: 200 }} data-testid="peak-region" />
          {current && (
            <Tag color={current.isDefault ? 'default' : 'blue'} style={{ alignSelf: 'center' }}>
              {current.isDefault ? t('series:peak.isDefault') : t('series:peak.isSaved')}
            </Tag>
          )}
        </Flex>
        {error && <Alert type="error" showIcon title={describe(error)} style={{ marginBottom: 16 }} />}
        {loading && !current ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : (
          <Form form={form} layout="vertical" onFinish={onFinish} name="peak-seasons" style={{ maxWidth: 560 }}>
            {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 16 }} />}
            <Form.Item label={t('series:when.peakRanges')} extra={t('series:peak.help')}>
              <PeakRangesEditor year={year} />
            </Form.Item>
            <Typography.Paragraph type="secondary">
              {t('series:peak.daysTotal', { count: rangeDays(rangesToInput(ranges)) })}
            </Typography.Paragraph>
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="peak-save">
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
