import { Card, Col, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ComingSoonItem {
  key: string;
  icon: ReactNode;
  title: string;
  description: string;
}

/** Placeholders that name what a shell will offer, so nobody mistakes an empty page for a broken one. */
export function ComingSoonGrid({ items }: { items: ComingSoonItem[] }) {
  const { t } = useTranslation(['core', 'home']);
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      {items.map((item) => (
        <Col key={item.key} xs={24} md={12} xl={8}>
          <Card className="coming-soon-card" data-testid={`coming-soon-${item.key}`}>
            <div className="coming-soon-icon">{item.icon}</div>
            <Typography.Title level={5} style={{ marginTop: 12 }}>
              {item.title} <Tag color="blue">{t('home:comingSoon')}</Tag>
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {item.description}
            </Typography.Paragraph>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
