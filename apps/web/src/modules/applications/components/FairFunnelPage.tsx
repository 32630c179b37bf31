import { ArrowLeftOutlined, FunnelPlotOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Col, Empty, Flex, Progress, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FairApplicationFunnelDocument, type FunnelFieldsFragment } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { usePortalBase } from '../../events/hooks/use-portal-base.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { conversion, FUNNEL_STAGES } from '../utils/funnel.js';

/**
 * 投递漏斗 of one fair, for organizers covering its region: applications made from the fair's page, in total and
 * per posting, through applied → viewed → interview → offer → hired (an application counts in every stage it
 * reached), with the share of applications that got that far. Counts only: résumés stay with the employers.
 */
export function FairFunnelPage() {
  const { eventId } = useParams();
  const { t } = useTranslation(['core', 'applications']);
  const base = usePortalBase();
  const { describe } = useApiError();
  const { data, loading, error } = useQuery(FairApplicationFunnelDocument, { variables: { eventId: eventId ?? '' }, skip: !eventId, fetchPolicy: 'cache-and-network' });

  const back = (
    <Link to={`${base}/events/${eventId}`}>
      <Button icon={<ArrowLeftOutlined />}>{t('applications:fairFunnel.back')}</Button>
    </Link>
  );
  if (loading && !data) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (error || !data) {
    return (
      <>
        <PageHeader title={t('applications:fairFunnel.title')} extra={back} />
        <Alert type="error" showIcon title={describe(error)} data-testid="fair-funnel-error" />
      </>
    );
  }
  const { fairApplicationFunnel: f, event } = data;
  return (
    <>
      <PageHeader
        title={t('applications:fairFunnel.title')}
        subtitle={event ? t('applications:fairFunnel.subtitle', { title: event.title, time: formatShanghai(event.startsAt) }) : undefined}
        extra={back}
      />
      <Card variant="borderless" title={<><FunnelPlotOutlined /> {t('applications:fairFunnel.total')}</>} style={{ marginBottom: 16 }} data-testid="fair-funnel-total">
        {f.total.submitted === 0 ? (
          <Empty description={t('applications:fairFunnel.none')} />
        ) : (
          <FunnelBars funnel={f.total} />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('applications:fairFunnel.note')}
        </Typography.Paragraph>
      </Card>
      <Card variant="borderless" title={t('applications:fairFunnel.perPosting')}>
        <Table
          rowKey="postingId"
          size="middle"
          dataSource={f.postings}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('applications:fairFunnel.none') }}
          data-testid="fair-funnel-postings"
          expandable={{ expandedRowRender: (p) => <FunnelBars funnel={p.funnel} compact />, rowExpandable: (p) => p.funnel.submitted > 0 }}
          columns={[
            { title: t('applications:fairFunnel.employer'), dataIndex: 'employerName' },
            { title: t('applications:fairFunnel.posting'), dataIndex: 'postingTitle' },
            ...FUNNEL_STAGES.map((k) => ({
              title: t(`applications:funnel.${k}`),
              key: k,
              align: 'right' as const,
              render: (_: unknown, p: (typeof f.postings)[number]) => p.funnel[k],
            })),
            {
              title: t('applications:fairFunnel.hiredRate'),
              key: 'rate',
              align: 'right' as const,
              render: (_: unknown, p: (typeof f.postings)[number]) => `${conversion(p.funnel, 'hired')}%`,
            },
          ]}
        />
      </Card>
    </>
  );
}

/** One bar per stage, as wide as the share of applications that reached it; rejected and withdrawn beside. */
function FunnelBars({ funnel, compact = false }: { funnel: FunnelFieldsFragment; compact?: boolean }) {
  const { t } = useTranslation(['core', 'applications']);
  return (
    <Row gutter={[24, 12]}>
      <Col xs={24} md={compact ? 24 : 16}>
        <Flex vertical gap={6}>
          {FUNNEL_STAGES.map((k) => (
            <Flex key={k} align="center" gap={8} data-testid={`funnel-${k}`}>
              <Typography.Text style={{ width: 72, flex: 'none' }}>{t(`applications:funnel.${k}`)}</Typography.Text>
              <Progress percent={conversion(funnel, k)} showInfo={false} strokeColor="#1677ff" style={{ flex: 1, margin: 0 }} aria-label={t(`applications:funnel.${k}`)} />
              <Typography.Text strong style={{ width: 96, flex: 'none', textAlign: 'right' }}>
                {funnel[k]} · {conversion(funnel, k)}%
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      </Col>
      {!compact && (
        <Col xs={24} md={8}>
          <Flex gap={24} wrap>
            <Statistic title={t('applications:funnel.rejected')} value={funnel.rejected} />
            <Statistic title={t('applications:funnel.withdrawn')} value={funnel.withdrawn} />
          </Flex>
        </Col>
      )}
    </Row>
  );
}
