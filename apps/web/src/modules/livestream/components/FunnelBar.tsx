import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface FunnelCounts {
  impressions: number;
  applications: number;
  interviews: number;
  hires: number;
}

/** impressions → applications → interviews → hires, compact (one row). */
export function FunnelBar({ funnel, testId }: { funnel: FunnelCounts; testId?: string }) {
  const { t } = useTranslation(['core', 'livestream']);
  const steps: [keyof FunnelCounts, number][] = [
    ['impressions', funnel.impressions],
    ['applications', funnel.applications],
    ['interviews', funnel.interviews],
    ['hires', funnel.hires],
  ];
  return (
    <Flex gap={4} align="center" wrap data-testid={testId} data-applications={funnel.applications}>
      {steps.map(([key, value], i) => (
        <Flex key={key} gap={4} align="center">
          {i > 0 && <Typography.Text type="secondary">→</Typography.Text>}
          <Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`livestream:organizer.${key}`)}
            </Typography.Text>{' '}
            <b>{value}</b>
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
