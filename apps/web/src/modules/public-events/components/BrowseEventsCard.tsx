import { ArrowRightOutlined, CalendarOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The job seeker's way in to the public event list. */
export function BrowseEventsCard() {
  const { t } = useTranslation(['core', 'home', 'publicEvents']);
  return (
    <Card variant="borderless" data-testid="browse-events-card">
      <Flex gap={16} align="center" wrap justify="space-between">
        <Flex gap={12} align="center" style={{ minWidth: 0, flex: '1 1 260px' }}>
          <div className="coming-soon-icon">
            <CalendarOutlined />
          </div>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('home:seeker.events')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('home:seeker.eventsDesc')}</Typography.Text>
          </div>
        </Flex>
        <Link to="/events">
          <Button type="primary" icon={<ArrowRightOutlined />} iconPlacement="end" data-testid="browse-events">
            {t('publicEvents:browse')}
          </Button>
        </Link>
      </Flex>
    </Card>
  );
}
