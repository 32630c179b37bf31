import { EnvironmentOutlined, FireOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PostingPublicFieldsFragment } from '../../../generated/graphql.js';
import { ApplyButton } from '../../applications/components/ApplyButton.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { educationLabel, experienceLabel, occupationLabel, salaryText } from '../utils/posting-labels.js';

/** One posting in a public list: title, pay, employer, where, requirements — readable on a phone. */
export function PostingCard({
  posting,
  showEmployer = true,
  fair,
}: {
  posting: PostingPublicFieldsFragment;
  showEmployer?: boolean;
  /** On a fair's page: applications from the card record the fair as their source. */
  fair?: { id: string; title?: string };
}) {
  const { t } = useTranslation(['core', 'postings']);
  const { language, domainKey } = useLanguage();
  return (
    <Link to={`/events/jobs/${posting.id}`} className="posting-card-link" data-testid="public-posting" data-title={posting.title}>
      <Card variant="borderless" size="small" hoverable className="posting-card">
        <Flex justify="space-between" align="start" gap={8}>
          <Typography.Text strong style={{ fontSize: 16 }} className="posting-card-title">
            {posting.title}
          </Typography.Text>
          <Typography.Text strong className="posting-salary" style={{ whiteSpace: 'nowrap' }}>
            {salaryText(t, posting.salaryMin, posting.salaryMax)}
          </Typography.Text>
        </Flex>
        {showEmployer && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 2 }}>
            {posting.employer.name}
          </Typography.Text>
        )}
        <Flex gap={4} wrap style={{ marginTop: 8 }}>
          {posting.urgentShortage && (
            <Tag color="red" icon={<FireOutlined />} data-testid="urgent-tag">
              {t('postings:public.urgentTag')}
            </Tag>
          )}
          <Tag>{occupationLabel(posting.occupationCode, domainKey)}</Tag>
          <Tag icon={<EnvironmentOutlined />}>{regionLabel(posting.regionCode, language)}</Tag>
          <Tag icon={<TeamOutlined />}>{t('postings:public.headcount', { count: posting.headcount })}</Tag>
          <Tag>{educationLabel(posting.education, domainKey)}</Tag>
          <Tag>{experienceLabel(posting.experience, domainKey)}</Tag>
        </Flex>
        <Flex justify="end" style={{ marginTop: 8 }}>
          <ApplyButton posting={{ id: posting.id, title: posting.title, employerName: posting.employer.name }} fair={fair} />
        </Flex>
      </Card>
    </Link>
  );
}
