import { EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { salaryText } from '../utils/format.js';

/** The fields of a job card both the socket (`LiveCard`) and GraphQL (`BroadcastCard`) carry. */
export interface CardLike {
  id: string;
  title: string;
  employerName: string;
  salaryMin: number | null;
  salaryMax: number | null;
  headcount: number | null;
  regionCode: string | null;
  shortUrl: string;
}

/** A job card: title, employer, salary and openings; `extra` holds the action (apply, push). */
export function JobCardView({ card, badge, extra, compact }: { card: CardLike; badge?: ReactNode; extra?: ReactNode; compact?: boolean }) {
  const { t } = useTranslation(['core', 'livestream']);
  const { language } = useLanguage();
  return (
    <div className={compact ? 'live-card live-card-compact' : 'live-card'} data-testid="job-card" data-card-id={card.id} data-title={card.title}>
      <Flex justify="space-between" align="start" gap={8}>
        <div style={{ minWidth: 0 }}>
          {badge}
          <Typography.Title level={compact ? 5 : 4} style={{ margin: 0 }} ellipsis={{ rows: 2 }}>
            {card.title}
          </Typography.Title>
          <Typography.Text type="secondary">{card.employerName}</Typography.Text>
        </div>
        {compact && extra}
      </Flex>
      <Flex gap={8} wrap align="center" style={{ marginTop: compact ? 4 : 8 }}>
        <Typography.Text strong className="live-salary">
          {salaryText(t, card.salaryMin, card.salaryMax)}
        </Typography.Text>
        {card.headcount != null && (
          <Tag icon={<TeamOutlined />} bordered={false}>
            {t('livestream:card.headcount', { count: card.headcount })}
          </Tag>
        )}
        {card.regionCode && !compact && (
          <Tag icon={<EnvironmentOutlined />} bordered={false}>
            {regionLabel(card.regionCode, language) ?? card.regionCode}
          </Tag>
        )}
      </Flex>
      {!compact && extra && <div style={{ marginTop: 12 }}>{extra}</div>}
    </div>
  );
}
