import { useQuery } from '@apollo/client/react';
import { Card, Collapse, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FairPostingsDocument, type PostingPublicFieldsFragment } from '../../../generated/graphql.js';
import { PostingCard } from './PostingCard.js';

/**
 * On a job fair's public page: the approved postings of the employers taking part ("who is coming and
 * what they hire"), grouped by employer. Renders nothing while loading, on error, or when there are none.
 */
export function FairPostingsSection({ eventId }: { eventId: string }) {
  const { t } = useTranslation(['core', 'postings']);
  const { data } = useQuery(FairPostingsDocument, { variables: { eventId }, fetchPolicy: 'cache-and-network' });
  const postings = data?.fairPostings ?? [];
  if (!postings.length) return null;
  const byEmployer = new Map<string, { name: string; items: PostingPublicFieldsFragment[] }>();
  for (const p of postings) {
    const group = byEmployer.get(p.employer.id) ?? { name: p.employer.name, items: [] };
    group.items.push(p);
    byEmployer.set(p.employer.id, group);
  }
  return (
    <Card
      variant="borderless"
      style={{ marginTop: 12 }}
      data-testid="fair-postings"
      title={
        <Flex vertical>
          <span>{t('postings:public.fairTitle')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 'normal' }}>
            {t('postings:public.fairSubtitle', { employers: byEmployer.size, postings: postings.length })}
          </Typography.Text>
        </Flex>
      }
    >
      <Collapse
        ghost
        defaultActiveKey={[...byEmployer.keys()].slice(0, 3)}
        items={[...byEmployer].map(([id, g]) => ({
          key: id,
          label: (
            <Typography.Text strong>
              {g.name}（{g.items.length}）
            </Typography.Text>
          ),
          children: (
            <div className="posting-list">
              {g.items.map((p) => (
                <PostingCard key={p.id} posting={p} showEmployer={false} fair={{ id: eventId }} />
              ))}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
