import { Alert, App, Button, Card, Checkbox, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { useActionDone, useMentorDesk, useRespondToFollowUp } from '../hooks/use-mentors.js';
import { LogSessionModal } from './LogSessionModal.js';
import { SessionCard } from './SessionCard.js';

/** 我的护航 (mentor portal, phone first): offers to accept, the projects followed with a one-tap "log a session", open actions, recent sessions. */
export function MentorDeskPage() {
  const { t } = useTranslation(['core', 'mentors']);
  const { desk, loading, error } = useMentorDesk();
  const { describe, show } = useApiError();
  const { message } = App.useApp();
  const { respond, responding } = useRespondToFollowUp();
  const setDone = useActionDone();
  const [logFor, setLogFor] = useState<string | null>(null);

  if (loading) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={describe(error)} />;
  if (!desk?.profile) return <Empty description={t('mentors:desk.noProfile')} />;
  const active = desk.followUps.filter((f) => f.status === 'ACTIVE');
  const offered = desk.followUps.filter((f) => f.status === 'OFFERED');
  const projects = active.map((f) => ({ id: f.projectId, name: f.projectName }));

  return (
    <>
      <PageHeader
        title={t('mentors:desk.title')}
        subtitle={t('mentors:desk.subtitle', { load: desk.profile.load, capacity: desk.profile.capacity })}
        extra={
          projects.length > 0 && (
            <Button type="primary" size="large" onClick={() => setLogFor(projects[0]!.id)} data-testid="log-session-open">
              {t('mentors:desk.logSession')}
            </Button>
          )
        }
      />
      {offered.length > 0 && (
        <Card variant="borderless" size="small" title={t('mentors:desk.offers')} style={{ marginBottom: 12 }}>
          {offered.map((f) => (
            <Flex key={f.id} justify="space-between" align="center" gap={8} wrap data-testid="offer" style={{ padding: '6px 0' }}>
              <div>
                <Typography.Text strong>{f.projectName}</Typography.Text>
                {f.goals && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{f.goals}</Typography.Paragraph>}
              </div>
              <Flex gap={8}>
                <Button onClick={() => respond(f.id, false).catch(show)} loading={responding}>
                  {t('mentors:desk.decline')}
                </Button>
                <Button type="primary" onClick={() => respond(f.id, true).then(() => message.success(t('mentors:desk.accepted')), show)} loading={responding}>
                  {t('mentors:desk.accept')}
                </Button>
              </Flex>
            </Flex>
          ))}
        </Card>
      )}
      <Card variant="borderless" size="small" title={t('mentors:desk.projects')} style={{ marginBottom: 12 }}>
        {!active.length ? (
          <Empty description={t('mentors:desk.noProjects')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List
            dataSource={active}
            renderItem={(f) => (
              <List.Item
                data-testid="my-project"
                data-name={f.projectName}
                actions={[
                  <Button key="log" type="link" onClick={() => setLogFor(f.projectId)} data-testid="log-for-project">
                    {t('mentors:desk.log')}
                  </Button>,
                ]}
              >
                <List.Item.Meta title={f.projectName} description={[t('mentors:desk.since', { date: f.startsOn }), f.goals].filter(Boolean).join(' · ')} />
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card variant="borderless" size="small" title={t('mentors:desk.actions')} style={{ marginBottom: 12 }}>
        {!desk.openActions.length ? (
          <Typography.Text type="secondary">{t('mentors:desk.noActions')}</Typography.Text>
        ) : (
          desk.openActions.map((a) => (
            <Flex key={a.id} gap={8} align="center" style={{ padding: '4px 0' }} data-testid="open-action">
              <Checkbox onChange={(e) => void setDone(a.id, e.target.checked).catch(show)} />
              <div style={{ minWidth: 0, flex: 1 }}>
                <Typography.Text>{a.text}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {a.projectName}
                </Typography.Text>
              </div>
              {a.dueOn && <Tag color={dayjs(a.dueOn).isBefore(dayjs(), 'day') ? 'red' : 'blue'}>{t('mentors:desk.due', { date: a.dueOn })}</Tag>}
            </Flex>
          ))
        )}
      </Card>
      <Typography.Title level={5}>{t('mentors:desk.recent')}</Typography.Title>
      <Flex vertical gap={8} data-testid="recent-sessions">
        {desk.recentSessions.map((s) => (
          <SessionCard key={s.id} session={s} showMentor={false} />
        ))}
        {!desk.recentSessions.length && <Typography.Text type="secondary">{t('mentors:desk.noSessions')}</Typography.Text>}
      </Flex>
      {logFor && <LogSessionModal open onClose={() => setLogFor(null)} projects={projects} projectId={logFor} />}
    </>
  );
}
