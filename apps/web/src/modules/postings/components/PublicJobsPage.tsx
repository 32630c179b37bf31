import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Select, Skeleton, Spin, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isOccupationCode } from '@leye/domain';
import { PublicPostingsDocument, type PublicPostingFilter } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { PublicLayout } from '../../public-events/components/PublicLayout.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { LINYI_REGIONS } from '@leye/domain';
import { occupationOptions } from '../utils/posting-labels.js';
import { PostingCard } from './PostingCard.js';

const PAGE = 20;

/** `/jobs` (`/events/jobs`): approved, valid postings for everyone, phone first, with filters in the address. */
export function PublicJobsPage() {
  const { t } = useTranslation(['core', 'postings']);
  const { domainKey } = useLanguage();
  const { describe } = useApiError();
  const [params, setParams] = useSearchParams();
  const region = params.get('region');
  const occupation = params.get('occupation');
  const filter: PublicPostingFilter = {
    regionCode: region && LINYI_REGIONS.some((r) => r.code === region) ? region : undefined,
    occupationCode: isOccupationCode(occupation) ? occupation : undefined,
    urgentOnly: params.get('urgent') === '1' || undefined,
    search: params.get('q')?.trim() || undefined,
  };
  const [text, setText] = useState(filter.search ?? '');
  useEffect(() => setText(filter.search ?? ''), [filter.search]);
  const { data, loading, error, fetchMore } = useQuery(PublicPostingsDocument, {
    variables: { filter, take: PAGE, skip: 0 },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const items = data?.publicPostings.items ?? [];
  const total = data?.publicPostings.total ?? 0;
  const firstLoad = loading && !data;

  const set = (key: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  return (
    <PublicLayout>
      <section className="public-hero">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('postings:public.jobsTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('postings:public.jobsSubtitle')}
        </Typography.Paragraph>
      </section>
      <Card variant="borderless" className="public-filters">
        <Row gutter={[8, 8]} align="middle">
          <Col xs={24} sm={12} md={6}>
            <RegionSelect allowClear value={filter.regionCode} onChange={(v) => set('region', v)} placeholder={t('postings:public.allRegions')} style={{ width: '100%' }} data-testid="jobs-region" />
          </Col>
          <Col xs={24} sm={12} md={7}>
            <Select
              allowClear
              value={filter.occupationCode}
              onChange={(v) => set('occupation', v)}
              placeholder={t('postings:public.allOccupations')}
              options={occupationOptions(domainKey)}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%' }}
              data-testid="jobs-occupation"
            />
          </Col>
          <Col xs={24} md={7}>
            <Input.Search allowClear value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => set('q', v.trim())} placeholder={t('postings:public.search')} data-testid="jobs-search" />
          </Col>
          <Col xs={24} md={4}>
            <label>
              <Switch size="small" checked={!!filter.urgentOnly} onChange={(on) => set('urgent', on ? '1' : null)} data-testid="jobs-urgent" />{' '}
              {t('postings:public.urgentOnly')}
            </label>
          </Col>
        </Row>
      </Card>
      {error && <Alert type="error" showIcon title={describe(error)} style={{ margin: '12px 0' }} />}
      <Flex justify="space-between" align="center" style={{ margin: '12px 2px' }}>
        <Typography.Text type="secondary" data-testid="jobs-count">
          {firstLoad ? t('common.loading') : t('postings:public.total', { count: total })}
        </Typography.Text>
        {loading && !firstLoad && <Spin size="small" />}
      </Flex>
      {firstLoad ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : items.length === 0 ? (
        <Card variant="borderless">
          <Empty description={t('postings:public.empty')} />
        </Card>
      ) : (
        <div className="posting-list" data-testid="jobs-list">
          {items.map((p) => (
            <PostingCard key={p.id} posting={p} />
          ))}
        </div>
      )}
      {items.length < total && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button
            loading={loading}
            onClick={() =>
              void fetchMore({
                variables: { skip: items.length },
                updateQuery: (prev, { fetchMoreResult }) => ({
                  ...prev,
                  publicPostings: { ...fetchMoreResult.publicPostings, items: [...prev.publicPostings.items, ...fetchMoreResult.publicPostings.items] },
                }),
              })
            }
            data-testid="jobs-more"
          >
            {t('postings:public.loadMore')}
          </Button>
        </Flex>
      )}
    </PublicLayout>
  );
}
