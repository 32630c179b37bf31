import { useQuery } from '@apollo/client/react';
import { Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OpenPostingsForSeekerDocument } from '../../../generated/graphql.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { payText } from '../utils/application-labels.js';
import { ApplyButton } from './ApplyButton.js';

/** The seeker's home: the newest approved postings, each with its apply button. */
export function OpenPostingsCard() {
  const { t } = useTranslation(['core', 'applications']);
  const { language } = useLanguage();
  const { data, loading } = useQuery(OpenPostingsForSeekerDocument, { variables: { take: 6 }, fetchPolicy: 'cache-and-network' });
  const items = data?.publicPostings.items ?? [];
  return (
    <Card
      variant="borderless"
      title={t('applications:openPostings.title')}
      extra={<Link to="/events/jobs">{t('applications:openPostings.more')}</Link>}
      data-testid="open-postings"
    >
      {loading && !data ? (
        <Skeleton active />
      ) : !items.length ? (
        <Empty description={t('applications:openPostings.empty')} />
      ) : (
        <Flex vertical gap={12}>
          {items.map((p) => (
            <Flex key={p.id} justify="space-between" align="center" gap={8} wrap data-testid="open-posting" data-title={p.title}>
              <div style={{ minWidth: 0, flex: '1 1 180px' }}>
                <Typography.Text strong>{p.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {p.employer.name} · {regionLabel(p.regionCode, language)} · {payText(p.salaryMin, p.salaryMax, language !== 'en')}
                </Typography.Text>
              </div>
              <ApplyButton posting={{ id: p.id, title: p.title, employerName: p.employer.name }} />
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
