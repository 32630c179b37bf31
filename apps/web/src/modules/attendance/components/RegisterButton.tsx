import { CheckCircleOutlined, FormOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useAuth } from '../../auth/hooks/use-auth.js';
import { useMyRegistrations, useRegister } from '../hooks/use-attendance.js';

export interface RegisterTarget {
  id: string;
  type: string;
  status: string;
  capacity: number;
  registeredCount: number;
  series: { id: string } | null;
}

/**
 * 报名 on a public event page: a seeker registers (a class session registers for the whole class) and is
 * sent to the ticket; once registered it shows the state. Anonymous visitors are asked to sign in;
 * other roles see only the seat count.
 */
export function RegisterButton({ event }: { event: RegisterTarget }) {
  const { t } = useTranslation(['core', 'attendance']);
  const { message } = App.useApp();
  const { describe } = useApiError();
  const navigate = useNavigate();
  const { status, user } = useAuth();
  const seeker = user?.role === 'SEEKER';
  const { registrations } = useMyRegistrations(!seeker);
  const { register, registering } = useRegister();
  const isClass = event.type === 'TRAINING' && !!event.series;
  const target = isClass ? { seriesId: event.series!.id } : { eventId: event.id };
  const mine = registrations.find((r) => r.status !== 'CANCELLED' && (isClass ? r.seriesId === event.series!.id : r.eventId === event.id));

  if (event.status !== 'PUBLISHED' || status === 'starting') return null;
  const onRegister = async () => {
    try {
      const r = await register(target);
      if (r?.status === 'WAITLISTED') void message.info(t('attendance:register.waitlisted', { position: r.waitlistPosition ?? '' }));
      else {
        void message.success(t('attendance:register.done'));
        navigate('/seeker/registrations');
      }
    } catch (e) {
      void message.error(describe(e));
    }
  };
  return (
    <Flex align="center" gap={12} wrap data-testid="register-box">
      {!user ? (
        <Button type="primary" size="large" icon={<FormOutlined />} onClick={() => navigate(`/login?next=${encodeURIComponent(window.location.pathname)}`)} data-testid="register-sign-in">
          {t('attendance:register.signIn')}
        </Button>
      ) : !seeker ? null : mine ? (
        <>
          <Tag color={mine.status === 'REGISTERED' ? 'green' : 'gold'} icon={<CheckCircleOutlined />} data-testid="registered-tag">
            {mine.status === 'REGISTERED' ? t('attendance:register.registered') : t('attendance:register.onWaitlist', { position: mine.waitlistPosition ?? '' })}
          </Tag>
          {mine.status === 'REGISTERED' && (
            <Button onClick={() => navigate('/seeker/registrations')} data-testid="see-ticket">
              {t('attendance:register.seeTicket')}
            </Button>
          )}
        </>
      ) : (
        <Button type="primary" size="large" icon={<FormOutlined />} loading={registering} onClick={onRegister} data-testid="register-button">
          {isClass ? t('attendance:register.classButton') : t('attendance:register.button')}
        </Button>
      )}
      <Typography.Text type="secondary">{t('attendance:register.seats', { count: event.registeredCount, capacity: event.capacity })}</Typography.Text>
    </Flex>
  );
}
