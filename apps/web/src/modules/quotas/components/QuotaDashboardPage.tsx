import { Alert, Button, Card, Col, Empty, Flex, Progress, Row, Select, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { QuotaCardFieldsFragment } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { shanghaiToday } from '../../events/utils/shanghai-time.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { useQuotaCharts, useQuotaDashboard, type EventsNarrowing } from '../hooks/use-quotas.js';
import { formatFigure, STATUS_COLORS } from '../utils/quota-format.js';
import { CadenceHeatmap } from './CadenceHeatmap.js';
import { CountyComparisonChart } from './CountyComparisonChart.js';
import { QuotaEventsDrawer } from './QuotaEventsDrawer.js';
import { QuotaTrendChart } from './QuotaTrendChart.js';

type Quota = QuotaCardFieldsFragment;

/** 指标看板: the organizer's first page. One card per programme, then the charts of the chosen quota. */
export function QuotaDashboardPage() {
  const { t } = useTranslation(['core', 'quotas']);
  const { language } = useLanguage();
  const { describe } = useApiError();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const region = params.get('region') ?? undefined;
  const { dashboard, loading, error } = useQuotaDashboard(year, region);
  const [chosen, setChosen] = useState<string | null>(null);
  const [events, setEvents] = useState<(EventsNarrowing & { title: string }) | null>(null);

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const quotas = dashboard?.quotas ?? [];
  const byProgramme = useMemo(() => {
    const groups = new Map<string, Quota[]>();
    for (const q of quotas) groups.set(q.definition.programme, [...(groups.get(q.definition.programme) ?? []), q]);
    return [...groups];
  }, [quotas]);
  const chartable = quotas.filter((q) => !q.cadence);
  const charted =
    chartable.find((q) => q.definition.id === chosen) ??
    chartable.find((q) => q.hasEvents && q.target !== null) ??
    // A county without targets: the first quota with something to show, not an empty chart.
    chartable.find((q) => q.hasEvents && q.actual > 0) ??
    chartable.find((q) => q.hasEvents) ??
    chartable[0];
  const cadenceCard = quotas.find((q) => q.cadence);
  // The charts' series of the charted quota and the cadence only (a second, smaller request).
  const chartIds = [charted?.definition.id, cadenceCard?.definition.id].filter((id): id is string => !!id);
  const charts = useQuotaCharts(year, dashboard?.regionCode ?? region, chartIds);
  const chartedSeries = charts.quotas.find((q) => q.definition.id === charted?.definition.id);
  const cadence = charts.quotas.find((q) => q.definition.id === cadenceCard?.definition.id);
  const name = (q: Quota) => (language === 'en' ? q.definition.nameEn : q.definition.name);
  const unit = (q: Quota) => (language === 'en' ? q.definition.unitEn : q.definition.unit);
  const open = (q: Quota, narrow: Omit<EventsNarrowing, 'quotaId'> = {}) => {
    if (!q.hasEvents) return;
    const suffix = narrow.month ? ` · ${narrow.month}` : narrow.date ? ` · ${narrow.date}` : narrow.regionCode ? ` · ${regionLabel(narrow.regionCode, language)}` : '';
    setEvents({ quotaId: q.definition.id, regionCode: narrow.regionCode ?? dashboard?.regionCode ?? null, month: narrow.month ?? null, date: narrow.date ?? null, title: `${name(q)}${suffix}` });
  };
  const regionChoices = dashboard ? [dashboard.regionCode, ...dashboard.drillDownRegions.filter((c) => c !== dashboard.regionCode)] : [];

  return (
    <div className="quota-dashboard">
      <PageHeader
        title={t('quotas:dashboard.title')}
        subtitle={t('quotas:dashboard.subtitle')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('quotas:dashboard.year')}
              value={year}
              style={{ width: 110 }}
              options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
              onChange={(y) => set('year', String(y))}
            />
            {regionChoices.length > 1 && (
              <Select
                aria-label={t('quotas:dashboard.region')}
                data-testid="quota-region"
                value={dashboard?.regionCode}
                style={{ width: 200 }}
                showSearch={{ optionFilterProp: 'label' }}
                options={regionChoices.map((c) => ({ value: c, label: regionLabel(c, language) }))}
                onChange={(c) => set('region', c)}
              />
            )}
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={describe(error)} />}
      {loading && <Skeleton active />}
      {dashboard && (
        <>
          <Flex gap={16} wrap style={{ marginBottom: 12 }}>
            <Typography.Text strong>{regionLabel(dashboard.regionCode, language)}</Typography.Text>
            <Typography.Text type="secondary">{t('quotas:dashboard.elapsed', { percent: dashboard.elapsedPercent })}</Typography.Text>
            <Typography.Text type="secondary">{t('quotas:dashboard.asOf', { time: new Date(dashboard.asOf).toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN') })}</Typography.Text>
          </Flex>
          {quotas.some((q) => q.inherited) && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('quotas:dashboard.inheritedNote')} />}
          {!quotas.length && <Empty description={t('quotas:dashboard.empty')} />}
          <Row gutter={[16, 16]}>
            {byProgramme.map(([programme, list]) => (
              <Col key={programme} xs={24} md={12} xl={8}>
                <Card title={t(`quotas:programme.${programme}`)} size="small" className="quota-card" data-testid={`quota-card-${programme}`}>
                  <Space direction="vertical" style={{ width: '100%' }} size={14}>
                    {list.map((q) => (
                      <QuotaLine key={q.definition.id} q={q} name={name(q)} unit={unit(q)} onOpen={() => open(q)} onChart={() => setChosen(q.definition.id)} />
                    ))}
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
          {charted && (
            <Card
              style={{ marginTop: 16 }}
              size="small"
              title={t('quotas:charts.trend')}
              extra={
                <Select
                  aria-label={t('quotas:dashboard.chooseQuota')}
                  data-testid="quota-chart-quota"
                  value={charted.definition.id}
                  style={{ width: 240 }}
                  options={chartable.map((q) => ({ value: q.definition.id, label: name(q) }))}
                  onChange={setChosen}
                />
              }
            >
              <Typography.Text type="secondary">{t('quotas:charts.clickHint')}</Typography.Text>
              {chartedSeries ? <QuotaTrendChart quota={chartedSeries} onMonth={(month) => open(charted, { month })} /> : <Skeleton active />}
            </Card>
          )}
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            {cadence?.cadence && (
              <Col xs={24} xl={14}>
                <Card size="small" title={t('quotas:charts.heatmap')}>
                  <CadenceHeatmap year={year} cadence={cadence.cadence} onDay={(date) => open(cadence, { date })} />
                </Card>
              </Col>
            )}
            {charted && chartedSeries && chartedSeries.byRegion.length > 1 && (
              <Col xs={24} xl={cadence ? 10 : 24}>
                <Card size="small" title={`${t('quotas:charts.comparison')} · ${name(charted)}`}>
                  <CountyComparisonChart quota={chartedSeries} onRegion={(regionCode) => open(charted, { regionCode })} />
                </Card>
              </Col>
            )}
          </Row>
        </>
      )}
      <QuotaEventsDrawer narrowing={events} onClose={() => setEvents(null)} />
    </div>
  );
}

function QuotaLine({ q, name, unit, onOpen, onChart }: { q: Quota; name: string; unit: string; onOpen: () => void; onChart: () => void }) {
  const { t } = useTranslation(['core', 'quotas']);
  const percent = q.percent === null ? null : Math.min(100, q.percent);
  return (
    <div className="quota-line" data-testid={`quota-${q.definition.id}`}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong style={{ cursor: 'pointer' }} onClick={onChart}>
          {name}
        </Typography.Text>
        <Space size={4}>
          {q.reported && <Tag color="purple">{t('quotas:card.reported')}</Tag>}
          {q.inherited && (
            <Tag color="default" data-testid="quota-inherited">
              {t('quotas:card.cityQuota')} · {t('quotas:card.noCountyTarget')}
            </Tag>
          )}
          <Tag color={STATUS_COLORS[q.status]} data-testid="quota-status">
            {t(`quotas:status.${q.status}`)}
          </Tag>
        </Space>
      </Flex>
      <Flex align="baseline" gap={8} wrap>
        {q.hasEvents ? (
          <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={onOpen} data-testid="quota-actual" aria-label={`${t('quotas:card.viewEvents')} ${name}`}>
            <Statistic value={formatFigure(q.actual)} valueStyle={{ fontSize: 24, color: '#1554ad' }} />
          </Button>
        ) : (
          <Statistic value={formatFigure(q.actual)} valueStyle={{ fontSize: 24 }} />
        )}
        <Typography.Text type="secondary">
          / {q.target === null ? t('quotas:card.noTarget') : `${formatFigure(q.target)} ${q.definition.kind === 'CADENCE' ? '' : unit}`}
        </Typography.Text>
      </Flex>
      {percent !== null && <Progress percent={percent} format={() => `${q.percent}%`} size="small" status={q.status === 'BEHIND' ? 'exception' : q.status === 'ON_TRACK' && q.percent! >= 100 ? 'success' : 'normal'} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {q.definition.kind === 'CADENCE' && q.cadence && q.inherited
          ? t('quotas:card.cadenceContribution', { count: q.actual })
          : q.definition.kind === 'CADENCE' && q.cadence
          ? [
              q.cadence.missedPeakWeeks.length ? t('quotas:card.missedWeeks', { weeks: q.cadence.missedPeakWeeks.join('、') }) : null,
              q.cadence.missedOffSeasonMonths.length ? t('quotas:card.missedMonths', { months: q.cadence.missedOffSeasonMonths.join('、') }) : null,
            ].filter(Boolean).join('；') || t('quotas:card.noneMissed')
          : [
              q.paceNeededPerMonth === 0 ? t('quotas:card.paceMet') : q.paceNeededPerMonth !== null ? t('quotas:card.pace', { pace: formatFigure(q.paceNeededPerMonth) }) : null,
              q.target !== null && q.additive ? t('quotas:card.projection', { value: formatFigure(q.projection) }) : null,
            ].filter(Boolean).join(' · ')}
      </Typography.Text>
      {q.cityShare && (
        <div data-testid="quota-city-share">
          <Typography.Text style={{ fontSize: 12 }}>
            {q.cityShare.percentOfCityActual === null
              ? t('quotas:card.cityShareNone')
              : t('quotas:card.cityShare', { percent: q.cityShare.percentOfCityActual, city: formatFigure(q.cityShare.cityActual) })}
            {q.cityShare.cityTarget !== null && q.cityShare.percentOfCityTarget !== null
              ? ` · ${t('quotas:card.cityTargetShare', { percent: q.cityShare.percentOfCityTarget, target: formatFigure(q.cityShare.cityTarget) })}`
              : ''}
          </Typography.Text>
        </div>
      )}
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('quotas:card.clause', { clause: q.definition.clause })}
          {!q.provided && ` · ${t('quotas:card.notProvided')}`}
        </Typography.Text>
      </div>
    </div>
  );
}

