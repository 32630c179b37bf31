import { ProfileOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MyPostingsDocument } from '../../../generated/graphql.js';

/** Employer home: how many postings are published and awaiting review, and the way to them. */
export function MyPostingsCard() {
  const { t } = useTranslation(['core', 'postings']);
  const approved = useQuery(MyPostingsDocument, { variables: { status: 'APPROVED', take: 1, skip: 0 }, fetchPolicy: 'cache-and-network' });
  const pending = useQuery(MyPostingsDocument, { variables: { status: 'PENDING_REVIEW', take: 1, skip: 0 }, fetchPolicy: 'cache-and-network' });
  return (
    <Card
      title={
        <span>
          <ProfileOutlined /> {t('postings:mine.title')}
        </span>
      }
      extra={
        <Link to="/employer/postings">
          <Button type="link">{t('postings:mine.open')}</Button>
        </Link>
      }
      data-testid="my-postings-card"
    >
      <Flex gap={32} wrap>
        <Statistic title={t('postings:status.APPROVED')} value={approved.data?.myPostings.total ?? '—'} loading={approved.loading && !approved.data} />
        <Statistic title={t('postings:status.PENDING_REVIEW')} value={pending.data?.myPostings.total ?? '—'} loading={pending.loading && !pending.data} />
      </Flex>
    </Card>
  );
}
