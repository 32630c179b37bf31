import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Spin, Statistic, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewEventSeriesQuery } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { HolidaysUnknownNotice } from '../../holidays/components/HolidaysUnknownNotice.js';
import { adjustmentReason, groupPreviewByMonth, moveDirection, venueClashes, type PreviewOccurrence } from '../utils/preview-groups.js';

type Preview = PreviewEventSeriesQuery['previewEventSeries'];

/** Counts, cadence check and every planned date by month, as the API will create them. */
export function SeriesPreviewPanel({
  preview,
  loading,
  error,
  incomplete,
  compact = false,
}: {
  preview: Preview | null;
  loading: boolean;
  error: unknown;
  incomplete: boolean;
  /** Counts only (shown under step 2 while the organizer edits the pattern). */
  compact?: boolean;
}) {
  const { t } = useTranslation(['core', 'series']);
  const { describe } = useApiError();
  const months = useMemo(() => groupPreviewByMonth(preview?.occurrences ?? []), [preview]);
  const clashes = useMemo(() => venueClashes(preview?.occurrences ?? []), [preview]);

  if (incomplete) return <Alert type="info" showIcon title={t('series:preview.incomplete')} data-testid="preview-incomplete" />;
  if (error != null && !loading) return <Alert type="error" showIcon title={describe(error)} data-testid="preview-error" />;
  if (!preview) return <Skeleton active paragraph={{ rows: compact ? 1 : 6 }} />;

  const check = preview.cadenceCheck;
  const misses = check ? check.missedPeakWeeks.length + check.missedOffSeasonMonths.length : 0;
  const stats = (
    <Row gutter={[16, 8]} className="preview-stats" data-testid="preview-stats">
      <Col xs={12} sm={5}>
        <Statistic title={t('series:preview.count')} value={preview.count} data-testid="preview-count" />
      </Col>
      <Col xs={12} sm={5}>
        <Statistic title={t('series:preview.skipped')} value={preview.skipped} />
      </Col>
      <Col xs={12} sm={5}>
        <Statistic title={t('series:preview.movedLaterCount')} value={preview.movedLater} data-testid="preview-moved-later" />
      </Col>
      <Col xs={12} sm={4}>
        <Statistic title={t('series:preview.movedEarlierCount')} value={preview.movedEarlier} data-testid="preview-moved-earlier" />
      </Col>
      <Col xs={12} sm={5}>
        <Statistic title={t('series:preview.clashes')} value={clashes.length} styles={{ content: clashes.length ? { color: '#cf1322' } : undefined }} />
      </Col>
    </Row>
  );

  return (
    <Spin spinning={loading} description={t('series:preview.updating')}>
      <div data-testid="series-preview" data-count={preview.count} data-loading={loading ? 'true' : 'false'}>
        {stats}
        <HolidaysUnknownNotice years={preview.holidaysUnknownYears} compact={compact} />
        {!compact && (
          <>
            {check &&
              (misses === 0 ? (
                <Alert type="success" showIcon title={t('series:preview.cadenceOk')} style={{ margin: '12px 0' }} data-testid="cadence-ok" />
              ) : (
                <Alert
                  type="warning"
                  showIcon
                  style={{ margin: '12px 0' }}
                  title={t('series:preview.cadenceMisses', { count: misses })}
                  description={
                    <>
                      {check.missedPeakWeeks.length > 0 && <div>{t('series:preview.missedPeakWeeks', { weeks: check.missedPeakWeeks.join('、') })}</div>}
                      {check.missedOffSeasonMonths.length > 0 && (
                        <div>{t('series:preview.missedOffSeasonMonths', { months: check.missedOffSeasonMonths.join('、') })}</div>
                      )}
                    </>
                  }
                  data-testid="cadence-misses"
                />
              ))}
            {clashes.length > 0 && (
              <Alert type="error" showIcon style={{ margin: '12px 0' }} title={t('series:preview.clashWarning', { count: clashes.length })} />
            )}
            {months.length === 0 ? (
              <Empty description={t('series:preview.none')} />
            ) : (
              <div className="preview-months">
                {months.map((m) => (
                  <Card
                    key={m.month}
                    size="small"
                    className="preview-month"
                    title={<PreviewMonthTitle month={m.month} />}
                    extra={<Typography.Text type="secondary">{t('series:preview.monthCount', { count: m.held })}</Typography.Text>}
                    data-testid="preview-month"
                    data-month={m.month}
                  >
                    <Flex wrap gap={6}>
                      {m.occurrences.map((o) => (
                        <OccurrenceTag key={`${o.occurrenceKey}-${o.date}`} occurrence={o} />
                      ))}
                    </Flex>
                  </Card>
                ))}
              </div>
            )}
          </>
        )}
      </div>
    </Spin>
  );
}

function PreviewMonthTitle({ month }: { month: string }) {
  const { language } = useLanguage();
  return <span>{dayjs(`${month}-01`).format(language === 'en' ? 'MMMM YYYY' : 'YYYY年M月')}</span>;
}

/** One date: plain, skipped (struck through), moved (from → to), kept on a holiday, or clashing. */
function OccurrenceTag({ occurrence: o }: { occurrence: PreviewOccurrence }) {
  const { t } = useTranslation(['core', 'series']);
  const { language } = useLanguage();
  const day = (date: string) => dayjs(date).format(language === 'en' ? 'MMM D ddd' : 'M/D ddd');
  const time = formatShanghai(o.startsAt, 'HH:mm');
  const common = { 'data-testid': 'preview-occurrence', 'data-adjustment': o.adjustment, 'data-date': o.date, 'data-clash': o.venueConflict ? 'true' : 'false' };
  const why = adjustmentReason(o);
  const because = why ? t(why.key, why.values) : null;
  if (o.adjustment === 'SKIPPED') {
    return (
      <Tooltip title={because ?? t('series:preview.skippedTip', { holiday: o.holidayName ?? '' })}>
        <Tag {...common} className="occurrence-skipped">
          <span className="occurrence-struck">{day(o.occurrenceKey)}</span> {o.holidayName ?? t('series:preview.holiday')} · {t('series:preview.skippedShort')}
        </Tag>
      </Tooltip>
    );
  }
  const clash = o.venueConflict ? (
    <span className="occurrence-clash"> · {t('series:preview.clashWith', { title: o.venueConflict })}</span>
  ) : null;
  if (o.adjustment === 'MOVED') {
    return (
      <Tag {...common} color={o.venueConflict ? 'error' : 'gold'} data-direction={moveDirection(o)} data-reason={o.reason ?? ''}>
        {day(o.occurrenceKey)} → {day(o.date)} {time} ·{' '}
        {moveDirection(o) === 'LATER' ? t('series:preview.movedLater') : t('series:preview.movedEarlier')}
        {because ? `（${because}）` : o.holidayName ? ` · ${o.holidayName}` : ''}
        {clash}
      </Tag>
    );
  }
  if (o.adjustment === 'KEPT_ON_HOLIDAY') {
    return (
      <Tag {...common} color={o.venueConflict ? 'error' : 'orange'}>
        {day(o.date)} {time} · {o.holidayName ?? t('series:preview.holiday')} · {t('series:preview.keptShort')}
        {clash}
      </Tag>
    );
  }
  return (
    <Tag {...common} color={o.venueConflict ? 'error' : 'blue'}>
      {day(o.date)} {time}
      {clash}
    </Tag>
  );
}
