import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Select, Space, Statistic, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ApplicationFieldsFragment, ApplicationStatus, FunnelFieldsFragment } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { APPLICATIONS_PAGE_SIZE, useApplicantPostings, useMoveApplication, usePostingApplicants } from '../hooks/use-applications.js';
import { educationName, experienceName } from '../utils/application-labels.js';
import { ApplicantDrawer } from './ApplicantDrawer.js';
import { ApplicationStatusTag } from './ApplicationStatusTag.js';
import { RejectApplicationModal } from './RejectApplicationModal.js';

const FUNNEL_KEYS = ['submitted', 'viewed', 'interview', 'offer', 'hired'] as const;
const STATUSES: ApplicationStatus[] = ['SUBMITTED', 'VIEWED', 'INTERVIEW', 'OFFER', 'HIRED', 'REJECTED', 'WITHDRAWN'];

/** 应聘者: the employer's postings with their application counts, then one posting's applicants. */
export function EmployerApplicantsPage() {
  const { postingId } = useParams();
  return postingId ? <PostingApplicants postingId={postingId} /> : <ApplicantPostingsList />;
}

function ApplicantPostingsList() {
  const { t } = useTranslation(['core', 'applications', 'postings']);
  const [page, setPage] = useState(1);
  const { postings, total, loading, error } = useApplicantPostings(page);
  const { describe } = useApiError();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('applications:applicants.title')} subtitle={t('applications:applicants.subtitle')} />
      {error && <Alert type="error" showIcon title={describe(error)} style={{ marginBottom: 12 }} />}
      <Card variant="borderless" title={t('applications:applicants.postings')}>
        <Table
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={postings}
          locale={{ emptyText: t('applications:applicants.noPostings') }}
          pagination={{ current: page, total, pageSize: APPLICATIONS_PAGE_SIZE, onChange: setPage, hideOnSinglePage: true }}
          onRow={(p) => ({ onClick: () => navigate(p.id), style: { cursor: 'pointer' }, 'data-testid': 'applicant-posting', 'data-title': p.title } as never)}
          scroll={{ x: 640 }}
          columns={[
            { key: 'title', title: t('applications:applicants.posting'), render: (_, p) => <Link to={p.id}>{p.title}</Link> },
            { key: 'status', title: t('applications:applicants.postingStatus'), render: (_, p) => <Tag>{t(`postings:status.${p.status}`, { defaultValue: p.status })}</Tag> },
            ...FUNNEL_KEYS.map((k) => ({
              key: k,
              title: t(`applications:funnel.${k}`),
              align: 'right' as const,
              render: (_: unknown, p: (typeof postings)[number]) => p.applicationFunnel?.[k] ?? 0,
            })),
          ]}
        />
      </Card>
    </>
  );
}

function FunnelStats({ funnel }: { funnel: FunnelFieldsFragment }) {
  const { t } = useTranslation(['core', 'applications', 'postings']);
  return (
    <Flex gap={24} wrap data-testid="posting-funnel">
      {[...FUNNEL_KEYS, 'rejected' as const].map((k) => (
        <Statistic key={k} title={t(`applications:funnel.${k}`)} value={funnel[k]} />
      ))}
    </Flex>
  );
}

function PostingApplicants({ postingId }: { postingId: string }) {
  const { t } = useTranslation(['core', 'applications', 'postings']);
  const { domainKey } = useLanguage();
  const { message } = App.useApp();
  const { describe, show } = useApiError();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<ApplicationStatus | undefined>();
  const [page, setPage] = useState(1);
  const { items, total, funnel, loading, error } = usePostingApplicants(postingId, status, page);
  const { move, moving } = useMoveApplication();
  const [rejecting, setRejecting] = useState<ApplicationFieldsFragment | null>(null);
  const openId = params.get('application');

  const doMove = async (a: ApplicationFieldsFragment, to: ApplicationStatus, reason?: string | null) => {
    try {
      const moved = await move(a.id, to, reason);
      void message.success(t('applications:applicants.moved', { status: t(`applications:status.${to}`) }));
      return moved ?? null;
    } catch (e) {
      show(e);
      return null;
    }
  };
  const openDrawer = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id) next.set('application', id);
    else next.delete('application');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={funnel?.postingTitle ?? t('applications:applicants.title')}
        subtitle={t('applications:applicants.subtitle')}
        extra={
          <Link to="..">
            <Button icon={<ArrowLeftOutlined />}>{t('applications:applicants.back')}</Button>
          </Link>
        }
      />
      {error && <Alert type="error" showIcon title={describe(error)} style={{ marginBottom: 12 }} />}
      {funnel && (
        <Card variant="borderless" style={{ marginBottom: 12 }}>
          <FunnelStats funnel={funnel.funnel} />
        </Card>
      )}
      <Card
        variant="borderless"
        extra={
          <Select<ApplicationStatus | undefined>
            allowClear
            placeholder={t('applications:applicants.filterAll')}
            style={{ width: 160 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={STATUSES.map((s) => ({ value: s, label: t(`applications:status.${s}`) }))}
          />
        }
      >
        <Table
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={items}
          locale={{ emptyText: t('applications:applicants.empty') }}
          pagination={{ current: page, total, pageSize: APPLICATIONS_PAGE_SIZE, onChange: setPage, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          onRow={(a) => ({ 'data-testid': 'applicant-row', 'data-name': a.applicant.name, 'data-status': a.status } as never)}
          columns={[
            {
              key: 'name',
              title: t('applications:applicants.name'),
              render: (_, a) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => openDrawer(a.id)} data-testid="open-applicant">
                  {a.applicant.name}
                </Button>
              ),
            },
            { key: 'phone', title: t('applications:applicants.phone'), render: (_, a) => <span data-testid="masked-phone">{a.applicant.phone ?? a.applicant.email}</span> },
            { key: 'education', title: t('applications:applicants.education'), render: (_, a) => educationName(a.applicant.education, domainKey) ?? '—' },
            { key: 'experience', title: t('applications:applicants.experience'), render: (_, a) => experienceName(a.applicant.experience, domainKey) ?? '—' },
            { key: 'source', title: t('applications:applicants.source'), render: (_, a) => <Tag>{a.fair ? a.fair.title : t(`applications:source.${a.source}`)}</Tag> },
            { key: 'submittedAt', title: t('applications:applicants.submittedAt'), render: (_, a) => dayjs(a.submittedAt).format('MM-DD HH:mm') },
            { key: 'status', title: t('applications:applicants.status'), render: (_, a) => <ApplicationStatusTag status={a.status} /> },
            {
              key: 'actions',
              title: t('applications:applicants.actions'),
              render: (_, a) => (
                <Space size={4} wrap>
                  {a.viewerCan.moveTo
                    .filter((s) => s !== 'VIEWED')
                    .map((s) =>
                      s === 'REJECTED' ? (
                        <Button key={s} size="small" danger onClick={() => setRejecting(a)} data-testid="move-REJECTED">
                          {t('applications:move.REJECTED')}
                        </Button>
                      ) : (
                        <Button key={s} size="small" loading={moving} onClick={() => void doMove(a, s)} data-testid={`move-${s}`}>
                          {t(`applications:move.${s}`)}
                        </Button>
                      ),
                    )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {openId && <ApplicantDrawer id={openId} onClose={() => openDrawer(null)} onMove={doMove} onReject={setRejecting} />}
      {rejecting && (
        <RejectApplicationModal
          application={rejecting}
          onCancel={() => setRejecting(null)}
          onReject={async (reason) => {
            if (await doMove(rejecting, 'REJECTED', reason)) {
              setRejecting(null);
              openDrawer(null);
            }
          }}
        />
      )}
    </>
  );
}
