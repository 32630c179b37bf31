import { ArrowLeftOutlined, FireOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Alert, Card, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PublicJobPostingDocument } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { hasErrorCode } from '../../apollo/utils/graphql-errors.js';
import { isEventId } from '../../events/utils/event-id.js';
import { ApplyButton } from '../../applications/components/ApplyButton.js';
import { PublicLayout } from '../../public-events/components/PublicLayout.js';
import { salaryText } from '../utils/posting-labels.js';
import { PostingDetails } from './PostingDetails.js';

/** `/jobs/:id`: one approved posting, contact masked. */
export function PublicJobDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation(['core', 'postings']);
  const { describe } = useApiError();
  const valid = isEventId(id);
  const { data, loading, error } = useQuery(PublicJobPostingDocument, { variables: { id: id ?? '' }, skip: !valid });
  const posting = data?.jobPosting;
  let body;
  if (loading && !posting) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (!posting) {
    body =
      !valid || hasErrorCode(error, 'NOT_FOUND') || !error ? (
        <Result status="404" title={t('postings:public.notFound')} extra={<Link to="/events/jobs">{t('postings:public.backToJobs')}</Link>} />
      ) : (
        <Result status="warning" title={describe(error)} />
      );
  } else {
    body = (
      <article data-testid="public-job">
        <Card variant="borderless">
          <Flex gap={6} wrap style={{ marginBottom: 8 }}>
            {posting.urgentShortage && (
              <Tag color="red" icon={<FireOutlined />}>
                {t('postings:public.urgentTag')}
              </Tag>
            )}
          </Flex>
          <Typography.Title level={2} style={{ marginTop: 0 }}>
            {posting.title}
          </Typography.Title>
          <Typography.Title level={4} type="danger" style={{ marginTop: 0 }}>
            {salaryText(t, posting.salaryMin, posting.salaryMax)}
          </Typography.Title>
          <Typography.Text type="secondary">{posting.employer.name}</Typography.Text>
          <div style={{ marginTop: 12 }}>
            <ApplyButton posting={{ id: posting.id, title: posting.title, employerName: posting.employer.name }} block />
          </div>
        </Card>
        <Card variant="borderless" style={{ marginTop: 12 }}>
          <PostingDetails posting={posting} />
          <Alert type="info" showIcon title={t('postings:public.contactHint')} style={{ marginTop: 12 }} />
        </Card>
      </article>
    );
  }
  return (
    <PublicLayout>
      <Link to="/events/jobs" className="public-back">
        <ArrowLeftOutlined /> {t('postings:public.backToJobs')}
      </Link>
      {body}
    </PublicLayout>
  );
}
