import { CheckOutlined, CloseOutlined, ExperimentOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Col, Flex, Input, InputNumber, List, Progress, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shanghaiToday } from '@leye/domain';
import {
  DrawPostingSpotCheckDocument,
  PostingSpotChecksDocument,
  PostingValidityRatesDocument,
  RecordPostingSpotCheckDocument,
  type SpotCheckFieldsFragment,
  type SpotCheckResult,
  type ValidityPeriod,
} from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { useCoveredRegionCodes } from '../../regions/hooks/use-covered-regions.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { PostingStatusTag } from './PostingStatusTag.js';

/** 组织方 → 岗位信息有效率抽查: draw a random sample, mark each valid or not, read the rate per period. */
export function SpotChecksPage() {
  const { t } = useTranslation(['core', 'postings']);
  const { language } = useLanguage();
  const { message } = App.useApp();
  const { show, describe } = useApiError();
  const covered = useCoveredRegionCodes();
  const [size, setSize] = useState<number | null>(10);
  const [region, setRegion] = useState<string | undefined>();
  const [selected, setSelected] = useState<string | null>(null);
  const checks = useQuery(PostingSpotChecksDocument, { variables: { take: 20, skip: 0 }, fetchPolicy: 'cache-and-network' });
  const [draw, drawing] = useMutation(DrawPostingSpotCheckDocument, { refetchQueries: ['PostingSpotChecks'] });
  const list = checks.data?.postingSpotChecks.items ?? [];
  const current = list.find((c) => c.id === selected) ?? list[0] ?? null;

  return (
    <Flex vertical gap={12}>
      <Card variant="borderless">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('postings:spot.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 12px' }} data-testid="spot-definition">
          {t('postings:spot.definition')}
        </Typography.Paragraph>
        <Space wrap>
          <span>{t('postings:spot.sampleSize')}</span>
          <InputNumber min={1} max={200} precision={0} value={size} onChange={setSize} data-testid="spot-size" />
          <RegionSelect allowClear placeholder={t('postings:spot.allRegions')} value={region} onChange={(v) => setRegion(v ?? undefined)} onlyCodes={covered ?? null} style={{ width: 200 }} />
          <Button
            type="primary"
            icon={<ExperimentOutlined />}
            loading={drawing.loading}
            disabled={!size}
            data-testid="spot-draw"
            onClick={async () => {
              try {
                const res = await draw({ variables: { sampleSize: size!, regionCode: region } });
                setSelected(res.data!.drawPostingSpotCheck.id);
                void message.success(t('postings:spot.drawn', { count: res.data!.drawPostingSpotCheck.sampleSize }));
              } catch (e) {
                show(e);
              }
            }}
          >
            {t('postings:spot.draw')}
          </Button>
        </Space>
      </Card>
      {checks.error && <Alert type="error" showIcon title={describe(checks.error)} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={8}>
          <Card variant="borderless" title={t('postings:spot.history')} loading={checks.loading && !checks.data}>
            <List
              dataSource={list}
              locale={{ emptyText: t('postings:spot.empty') }}
              renderItem={(c) => (
                <List.Item
                  onClick={() => setSelected(c.id)}
                  style={{ cursor: 'pointer', background: c.id === current?.id ? 'var(--ant-color-primary-bg, #e6f4ff)' : undefined, paddingInline: 8 }}
                  data-testid="spot-history-item"
                >
                  <Flex vertical style={{ width: '100%' }}>
                    <Typography.Text>{formatShanghai(c.drawnAt)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.scopeRegionCode ? regionLabel(c.scopeRegionCode, language) : t('postings:spot.allRegions')} ·{' '}
                      {t('postings:spot.progress', { checked: c.checked, total: c.sampleSize })}
                    </Typography.Text>
                    <Progress percent={Math.round((c.checked / c.sampleSize) * 100)} size="small" showInfo={false} />
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card variant="borderless" title={t('postings:spot.current')}>
            {current ? <SampleItems check={current} /> : <Typography.Text type="secondary">{t('postings:spot.pick')}</Typography.Text>}
          </Card>
        </Col>
      </Row>
      <ValidityRates />
    </Flex>
  );
}

function SampleItems({ check }: { check: SpotCheckFieldsFragment }) {
  const { t } = useTranslation(['core', 'postings']);
  const { message } = App.useApp();
  const { show } = useApiError();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [record] = useMutation(RecordPostingSpotCheckDocument, { refetchQueries: ['PostingSpotChecks', 'PostingValidityRates'] });
  // Per item, so marking one does not block the next.
  const [saving, setSaving] = useState<string | null>(null);
  const mark = async (itemId: string, result: SpotCheckResult) => {
    const note = notes[itemId]?.trim();
    if (result === 'INVALID' && !note) {
      void message.warning(t('postings:spot.noteRequired'));
      return;
    }
    setSaving(`${itemId}:${result}`);
    try {
      await record({ variables: { itemId, result, note: note || undefined } });
    } catch (e) {
      show(e);
    } finally {
      setSaving(null);
    }
  };
  return (
    <List
      dataSource={check.items}
      renderItem={(item) => (
        <List.Item data-testid="spot-item" data-result={item.result ?? ''}>
          <Flex vertical gap={6} style={{ width: '100%' }}>
            <Flex justify="space-between" wrap gap={8}>
              <Space wrap>
                <Typography.Text strong>{item.posting.title}</Typography.Text>
                <Typography.Text type="secondary">{item.posting.employer.name}</Typography.Text>
                <PostingStatusTag status={item.posting.status} />
              </Space>
              {item.result && <Tag color={item.result === 'VALID' ? 'green' : 'red'}>{t(`postings:spot.${item.result === 'VALID' ? 'valid' : 'invalid'}`)}</Tag>}
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.posting.contactName} · {item.posting.contactPhone} · {t('postings:fields.validUntil')} {item.posting.validUntil}
            </Typography.Text>
            <Flex gap={8} wrap>
              <Input
                size="small"
                style={{ flex: '1 1 220px' }}
                placeholder={t('postings:spot.notePlaceholder')}
                maxLength={500}
                value={notes[item.id] ?? item.note ?? ''}
                onChange={(e) => setNotes({ ...notes, [item.id]: e.target.value })}
                data-testid="spot-note"
              />
              <Button size="small" icon={<CheckOutlined />} loading={saving === `${item.id}:VALID`} onClick={() => void mark(item.id, 'VALID')} data-testid="spot-valid">
                {t('postings:spot.valid')}
              </Button>
              <Button size="small" danger icon={<CloseOutlined />} loading={saving === `${item.id}:INVALID`} onClick={() => void mark(item.id, 'INVALID')} data-testid="spot-invalid">
                {t('postings:spot.invalid')}
              </Button>
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}

function ValidityRates() {
  const { t } = useTranslation(['core', 'postings']);
  const { describe } = useApiError();
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const [period, setPeriod] = useState<ValidityPeriod>('MONTH');
  const [year, setYear] = useState(thisYear);
  const { data, loading, error } = useQuery(PostingValidityRatesDocument, { variables: { period, year }, fetchPolicy: 'cache-and-network' });
  return (
    <Card
      variant="borderless"
      title={t('postings:spot.rates')}
      extra={
        <Space wrap>
          <Segmented<ValidityPeriod>
            value={period}
            onChange={setPeriod}
            options={(['MONTH', 'QUARTER', 'YEAR'] as const).map((p) => ({ value: p, label: t(`postings:spot.period.${p}`) }))}
            data-testid="rate-period"
          />
          <Select value={year} onChange={setYear} options={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: y, label: String(y) }))} style={{ width: 90 }} />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={describe(error)} />}
      <Table
        rowKey="period"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.postingValidityRates ?? []}
        scroll={{ x: 400 }}
        columns={[
          { title: t(`postings:spot.period.${period}`), dataIndex: 'period' },
          { title: t('postings:spot.checked'), dataIndex: 'checked', align: 'right' },
          { title: t('postings:spot.validCount'), dataIndex: 'valid', align: 'right' },
          {
            title: t('postings:spot.rate'),
            key: 'rate',
            align: 'right',
            render: (_, r) => (r.rate == null ? '—' : <span data-testid="rate-value">{(r.rate * 100).toFixed(1)}%</span>),
          },
        ]}
      />
    </Card>
  );
}
