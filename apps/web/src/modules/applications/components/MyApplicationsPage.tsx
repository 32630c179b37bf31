import { Alert, App, Button, Card, Empty, Flex, Pagination, Popconfirm, Segmented, Skeleton, Steps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApplicationFieldsFragment, ApplicationStatus } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { APPLICATIONS_PAGE_SIZE, useMyApplications, useWithdrawApplication } from '../hooks/use-applications.js';
import { ApplicationStatusTag } from './ApplicationStatusTag.js';

const FILTERS: Array<ApplicationStatus | 'ALL'> = ['ALL', 'SUBMITTED', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED'];
const STEPS = ['SUBMITTED', 'VIEWED', 'INTERVIEW', 'OFFER', 'HIRED'] as const;

/** 我的投递: each application with its progress; phone-first cards. */
export function MyApplicationsPage() {
  const { t } = useTranslation(['core', 'applications']);
  const [filter, setFilter] = useState<ApplicationStatus | 'ALL'>('ALL');
  const [page, setPage] = useState(1);
  const { items, total, loading, error } = useMyApplications(filter === 'ALL' ? undefined : filter, page);
  const { describe } = useApiError();

  return (
    <>
      <PageHeader title={t('applications:mine.title')} subtitle={t('applications:mine.subtitle')} />
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={filter}
          onChange={(v) => {
            setFilter(v as ApplicationStatus | 'ALL');
            setPage(1);
          }}
          options={FILTERS.map((f) => ({ value: f, label: f === 'ALL' ? t('applications:mine.filterAll') : t(`applications:status.${f}`) }))}
        />
      </div>
      {error && <Alert type="error" showIcon title={describe(error)} style={{ marginBottom: 12 }} />}
      {loading && !items.length ? (
        <Skeleton active />
      ) : !items.length ? (
        <Card variant="borderless">
          <Empty description={t('applications:mine.empty')}>
            <Link to="/seeker">
              <Button type="primary">{t('applications:mine.browse')}</Button>
            </Link>
          </Empty>
        </Card>
      ) : (
        <Flex vertical gap={12} data-testid="my-applications">
          {items.map((a) => (
            <MyApplicationCard key={a.id} application={a} />
          ))}
          {total > APPLICATIONS_PAGE_SIZE && <Pagination current={page} total={total} pageSize={APPLICATIONS_PAGE_SIZE} onChange={setPage} simple />}
        </Flex>
      )}
    </>
  );
}

function MyApplicationCard({ application: a }: { application: ApplicationFieldsFragment }) {
  const { t } = useTranslation(['core', 'applications']);
  const { message } = App.useApp();
  const { show } = useApiError();
  const { withdraw, withdrawing } = useWithdrawApplication();
  const closed = a.status === 'REJECTED' || a.status === 'WITHDRAWN';
  const current = STEPS.indexOf(a.status as (typeof STEPS)[number]);
  return (
    <Card variant="borderless" size="small" data-testid="my-application" data-title={a.posting.title} data-status={a.status}>
      <Flex justify="space-between" align="start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {a.posting.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {a.posting.employerName}
          </Typography.Text>
        </div>
        <ApplicationStatusTag status={a.status} />
      </Flex>
      <Flex gap={4} wrap style={{ marginTop: 6 }}>
        <Tag>{a.fair ? a.fair.title : t(`applications:source.${a.source}`)}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('applications:mine.submittedAt', { time: dayjs(a.submittedAt).format('YYYY-MM-DD HH:mm') })}
        </Typography.Text>
      </Flex>
      {!closed && (
        <Steps
          size="small"
          type="dot"
          titlePlacement="vertical"
          responsive={false}
          current={current}
          style={{ marginTop: 12 }}
          className="application-steps"
          items={STEPS.map((s) => ({ title: t(`applications:status.${s}`) }))}
        />
      )}
      {a.status === 'REJECTED' && a.rejectionReason && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('applications:mine.reason', { reason: a.rejectionReason })}
        </Typography.Paragraph>
      )}
      {a.viewerCan.withdraw && (
        <Flex justify="end" style={{ marginTop: 8 }}>
          <Popconfirm
            title={t('applications:mine.withdrawConfirm')}
            onConfirm={async () => {
              try {
                await withdraw(a.id);
                void message.success(t('applications:mine.withdrawn'));
              } catch (e) {
                show(e);
              }
            }}
          >
            <Button size="small" loading={withdrawing} data-testid="withdraw-application">
              {t('applications:mine.withdraw')}
            </Button>
          </Popconfirm>
        </Flex>
      )}
    </Card>
  );
}
