import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface HomeLinkCardProps {
  icon: ReactNode;
  title: string;
  description: string;
  /** Where the button goes: relative to the portal's home (`coaching`) or absolute (`/station`). */
  to: string;
  action: string;
  testId: string;
}

/** A portal home card that leads to one of the feature's pages (the feature contributes it as a home widget). */
export function HomeLinkCard({ icon, title, description, to, action, testId }: HomeLinkCardProps) {
  return (
    <Card variant="borderless" data-testid={testId}>
      <Flex gap={16} align="center" wrap justify="space-between">
        <Flex gap={12} align="center" style={{ minWidth: 0, flex: '1 1 260px' }}>
          <div className="home-card-icon">{icon}</div>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {title}
            </Typography.Title>
            <Typography.Text type="secondary">{description}</Typography.Text>
          </div>
        </Flex>
        <Link to={to}>
          <Button type="primary" icon={<ArrowRightOutlined />} iconPlacement="end" data-testid={`${testId}-open`}>
            {action}
          </Button>
        </Link>
      </Flex>
    </Card>
  );
}
