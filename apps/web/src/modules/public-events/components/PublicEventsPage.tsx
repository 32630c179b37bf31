import type { EventType } from '@leye/domain';
import { Alert, Card, Col, DatePicker, Empty, Flex, Input, Pagination, Row, Select, Skeleton, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { EventCard } from '../../events/components/EventCard.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { usePublicEvents } from '../hooks/use-public-events.js';
import { PUBLIC_PAGE_SIZE, publicFilter, readPublicParams, writePublicParams, type PublicParams } from '../utils/public-params.js';
import { FeedSubscribe } from './FeedSubscribe.js';
import { PublicLayout } from './PublicLayout.js';
import { eventTypeSelectOptions } from '../../events/components/event-type-select-options.js';

/** `/events`: upcoming published events for everyone, phone first. */
export function PublicEventsPage() {
  const { t } = useTranslation(['core', 'publicEvents']);
  const { domainKey } = useLanguage();
  const { describe } = useApiError();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readPublicParams(searchParams);
  // "Upcoming" is fixed when the page opens, so the query does not change on every render.
  const [now] = useState(() => new Date());
  const { events, total, loading, firstLoad, error } = usePublicEvents(publicFilter(params, now), params.page);
  const [text, setText] = useState(params.text);
  useEffect(() => setText(params.text), [params.text]);

  const update = (patch: Partial<PublicParams>) => setSearchParams(writePublicParams({ ...params, page: 1, ...patch }));

  return (
    <PublicLayout>
      <section className="public-hero">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('publicEvents:title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('publicEvents:subtitle')}
        </Typography.Paragraph>
      </section>
      <Card variant="borderless" className="public-filters">
        <Row gutter={[8, 8]}>
          <Col xs={24} sm={12} md={6}>
            <Select<EventType>
              allowClear
              value={params.type ?? undefined}
              onChange={(type) => update({ type: type ?? null })}
              placeholder={t('publicEvents:allTypes')}
              options={eventTypeSelectOptions(domainKey)}
              style={{ width: '100%' }}
              data-testid="public-type-filter"
            />
          </Col>
          <Col xs={24} sm={12} md={6}>
            <RegionSelect
              allowClear
              value={params.regionCode ?? undefined}
              onChange={(v) => update({ regionCode: v ?? null })}
              placeholder={t('publicEvents:allRegions')}
              style={{ width: '100%' }}
              data-testid="public-region-filter"
            />
          </Col>
          <Col xs={12} md={3}>
            <DatePicker
              value={params.from ? dayjs(params.from) : null}
              onChange={(d) => update({ from: d ? d.format('YYYY-MM-DD') : null })}
              placeholder={t('publicEvents:from')}
              style={{ width: '100%' }}
              inputReadOnly
            />
          </Col>
          <Col xs={12} md={3}>
            <DatePicker
              value={params.to ? dayjs(params.to) : null}
              onChange={(d) => update({ to: d ? d.format('YYYY-MM-DD') : null })}
              placeholder={t('publicEvents:to')}
              style={{ width: '100%' }}
              inputReadOnly
            />
          </Col>
          <Col xs={24} md={6}>
            <Input.Search
              allowClear
              value={text}
              onChange={(e) => setText(e.target.value)}
              onSearch={(v) => update({ text: v.trim() })}
              placeholder={t('publicEvents:search')}
              data-testid="public-search"
            />
          </Col>
        </Row>
      </Card>
      {error && <Alert type="error" showIcon title={describe(error)} style={{ margin: '12px 0' }} />}
      <Flex justify="space-between" align="center" style={{ margin: '12px 2px' }}>
        <Typography.Text type="secondary" data-testid="public-count">
          {firstLoad ? t('common.loading') : t('publicEvents:count', { count: total })}
        </Typography.Text>
        {loading && !firstLoad && <Spin size="small" />}
      </Flex>
      {firstLoad ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : events.length === 0 ? (
        <Card variant="borderless">
          <Empty description={t('publicEvents:empty')} />
        </Card>
      ) : (
        <div className="public-event-list" data-testid="public-event-list">
          {events.map((e) => (
            <EventCard key={e.id} event={e} to={`/events/${e.id}`} showDate showStatus="cancelled" />
          ))}
        </div>
      )}
      {total > PUBLIC_PAGE_SIZE && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Pagination
            current={params.page}
            pageSize={PUBLIC_PAGE_SIZE}
            total={total}
            showSizeChanger={false}
            simple
            onChange={(page) => setSearchParams(writePublicParams({ ...params, page }))}
            data-testid="public-pagination"
          />
        </Flex>
      )}
      <Card variant="borderless" title={t('publicEvents:subscribeTitle')} style={{ marginTop: 24 }}>
        <FeedSubscribe regionCode={params.regionCode} type={params.type} hint={t('publicEvents:subscribeHint')} />
      </Card>
    </PublicLayout>
  );
}
