import { Card, Col, Flex, Progress, Row, Skeleton, Statistic, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMentorStats } from '../hooks/use-mentors.js';

/** Pool size against the ≥100 target, follow-ups, confirmed sessions and a small per-month bar chart. */
export function MentorStatsPanel() {
  const { t } = useTranslation(['core', 'mentors']);
  const { stats, loading } = useMentorStats();
  if (loading || !stats) return <Skeleton active />;
  const max = Math.max(1, ...stats.sessionsByMonth.map((m) => m.value));
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="mentor-stats">
      <Col xs={24} md={8}>
        <Card variant="borderless" size="small">
          <div data-testid="stat-pool" data-value={stats.poolSize}>
            <Statistic title={t('mentors:stats.pool')} value={stats.poolSize} suffix={`/ ${stats.poolTarget}`} />
          </div>
          <Progress percent={Math.min(100, Math.round((stats.poolSize / stats.poolTarget) * 100))} status={stats.poolSize >= stats.poolTarget ? 'success' : 'active'} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('mentors:stats.poolHint', { waiting: stats.applicationsWaiting })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} md={4}>
        <Card variant="borderless" size="small">
          <div data-testid="stat-confirmed" data-value={stats.confirmedSessions}>
            <Statistic title={t('mentors:stats.confirmed')} value={stats.confirmedSessions} />
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('mentors:stats.unconfirmed', { n: stats.unconfirmedSessions })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} md={4}>
        <Card variant="borderless" size="small">
          <Statistic title={t('mentors:stats.followUps')} value={stats.activeFollowUps} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('mentors:stats.quiet', { n: stats.quietProjects.length })}
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card variant="borderless" size="small" title={t('mentors:stats.byMonth')}>
          <Flex align="flex-end" gap={4} style={{ height: 72 }} data-testid="sessions-by-month">
            {stats.sessionsByMonth.map((m) => (
              <Tooltip key={m.month} title={`${m.month}: ${m.value}`}>
                <div style={{ flex: 1, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'flex-end', height: '100%' }}>
                  <div style={{ width: '100%', background: '#1677ff', borderRadius: 2, height: `${(m.value / max) * 56}px`, minHeight: m.value ? 3 : 1, opacity: m.value ? 1 : 0.2 }} />
                  <span style={{ fontSize: 9, color: '#999' }}>{m.month.slice(5)}</span>
                </div>
              </Tooltip>
            ))}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
