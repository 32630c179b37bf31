import { useQuery } from '@apollo/client/react';
import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PublicEventDelegationDocument, PublicFairExhibitorsDocument } from '../../../generated/graphql.js';

/**
 * On a public event page: who exhibits at a job fair (employer and booth codes) or travels with a
 * campus recruiting trip's delegation. Shows nothing for other events, or while nobody is confirmed.
 */
export function PublicExhibitors({ event }: { event: { id: string; type: string; status: string } }) {
  const { t } = useTranslation('booths');
  const fair = event.type === 'JOB_FAIR';
  const campus = event.type === 'CAMPUS_RECRUITING';
  const visible = (fair || campus) && event.status !== 'CANCELLED';
  const exhibitors = useQuery(PublicFairExhibitorsDocument, { variables: { eventId: event.id }, skip: !visible || !fair, errorPolicy: 'all' });
  const delegation = useQuery(PublicEventDelegationDocument, { variables: { eventId: event.id }, skip: !visible || !campus, errorPolicy: 'all' });
  const rows = (fair ? exhibitors.data?.fairExhibitors : delegation.data?.eventDelegation) ?? [];
  if (!visible || rows.length === 0) return null;
  return (
    <Card variant="borderless" title={t(fair ? 'booths:public.exhibitors' : 'booths:public.delegation', { count: rows.length })} style={{ marginTop: 12 }} data-testid="public-exhibitors">
      <List
        size="small"
        dataSource={rows}
        renderItem={(r) => (
          <List.Item>
            <Typography.Text>{r.employerName}</Typography.Text>
            {r.boothCodes.length > 0 && (
              <span>
                {r.boothCodes.map((c) => (
                  <Tag key={c} color="blue">
                    {c}
                  </Tag>
                ))}
              </span>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
