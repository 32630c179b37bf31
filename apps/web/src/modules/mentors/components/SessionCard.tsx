import { Button, Card, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SessionFieldsFragment } from '../../../generated/graphql.js';

/** One coaching session: when, how long, how, topics, advice, actions, and whether the founder confirmed it. */
export function SessionCard({ session: s, showMentor = true, onConfirm, confirming }: { session: SessionFieldsFragment; showMentor?: boolean; onConfirm?: () => void; confirming?: boolean }) {
  const { t } = useTranslation(['core', 'mentors']);
  return (
    <Card variant="borderless" size="small" data-testid="session-card" data-project={s.projectName} data-confirmed={s.confirmed ? 'yes' : 'no'}>
      <Flex justify="space-between" align="start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong>{s.projectName}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {dayjs(s.heldAt).format('YYYY-MM-DD HH:mm')} · {t('mentors:log.minutes', { n: s.durationMinutes })} · {t(`mentors:mode.${s.mode}`)}
            {showMentor ? ` · ${s.mentorName}` : ''}
          </Typography.Text>
        </div>
        {s.confirmed ? <Tag color="green">{t('mentors:session.confirmed')}</Tag> : <Tag color="orange">{t('mentors:session.unconfirmed')}</Tag>}
      </Flex>
      {s.topics.length > 0 && (
        <Flex gap={4} wrap style={{ marginTop: 6 }}>
          {s.topics.map((topic) => (
            <Tag key={topic}>{topic}</Tag>
          ))}
        </Flex>
      )}
      {s.advice && <Typography.Paragraph style={{ margin: '6px 0 0' }}>{s.advice}</Typography.Paragraph>}
      {s.actions.map((a) => (
        <Typography.Text key={a.id} type="secondary" style={{ display: 'block', fontSize: 12 }} delete={!!a.doneAt}>
          ☐ {a.text}
          {a.dueOn ? ` · ${t('mentors:desk.due', { date: a.dueOn })}` : ''}
        </Typography.Text>
      ))}
      {s.nextOn && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t('mentors:session.next', { date: s.nextOn })}
        </Typography.Text>
      )}
      {onConfirm && s.viewerCan.confirm && (
        <Button type="primary" block style={{ marginTop: 8 }} onClick={onConfirm} loading={confirming} data-testid="confirm-session">
          {t('mentors:session.confirm')}
        </Button>
      )}
    </Card>
  );
}
