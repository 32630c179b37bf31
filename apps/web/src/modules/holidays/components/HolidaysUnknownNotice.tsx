import { Alert, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HolidaysDocument } from '../../../generated/graphql.js';
import { useAuth } from '../../auth/hooks/use-auth.js';

/**
 * Says plainly that the holidays of these years are unknown (nothing built in, nothing entered), so
 * dates do not avoid them; the organizer may go on knowingly. Admins get a link to enter the year,
 * organizers whom to ask. Shown to staff only.
 */
export function HolidaysUnknownNotice({ years, compact = false }: { years: readonly number[]; compact?: boolean }) {
  const { t } = useTranslation(['core', 'holidays']);
  const { user } = useAuth();
  if (!years.length || !user || (user.role !== 'ORGANIZER' && user.role !== 'ADMIN')) return null;
  const sorted = [...years].sort();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ margin: compact ? '4px 0 0' : '12px 0' }}
      title={t('holidays:unknown.title', { years: sorted.join('、') })}
      description={
        <>
          {!compact && <div>{t('holidays:unknown.body')}</div>}
          {user.role === 'ADMIN' ? (
            sorted.map((year) => (
              <Link key={year} to={`/admin/holidays?year=${year}`} style={{ marginRight: 12 }} data-testid="holidays-enter-link">
                {t('holidays:unknown.adminLink', { year })}
              </Link>
            ))
          ) : (
            <Typography.Text type="secondary">{t('holidays:unknown.askAdmin')}</Typography.Text>
          )}
        </>
      }
      data-testid="holidays-unknown"
      data-years={sorted.join(',')}
    />
  );
}

/** The notice for one date (the event form, an event's series): asks whether that year's holidays are known. */
export function HolidayYearNotice({ date, compact }: { date: string | null | undefined; compact?: boolean }) {
  const { user } = useAuth();
  const staff = user?.role === 'ORGANIZER' || user?.role === 'ADMIN';
  const year = date ? Number(date.slice(0, 4)) : NaN;
  const { data } = useQuery(HolidaysDocument, { variables: { year }, skip: !staff || !Number.isInteger(year), fetchPolicy: 'cache-first' });
  if (!data || data.holidays.isKnown) return null;
  return <HolidaysUnknownNotice years={[year]} compact={compact} />;
}
