import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, DatePicker, Drawer, Empty, Flex, Form, Input, Modal, Segmented, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MENTOR_INDUSTRIES, PROJECT_QUIET_DAYS, PROJECT_SOURCES, PROJECT_STAGES } from '@leye/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AssignMentorDocument,
  CreateStartupProjectDocument,
  EndFollowUpDocument,
  MentorStatsDocument,
  MentorSuggestionsDocument,
  ProjectDetailDocument,
  StartupProjectsDocument,
  type FollowUpOutcome,
  type MentorIndustry,
  type ProjectFieldsFragment,
  type ProjectSource,
  type ProjectStage,
} from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { useCoveredRegionCodes } from '../../regions/hooks/use-covered-regions.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { useExpertiseTags, useMentorStats } from '../hooks/use-mentors.js';
import { industryLabel } from '../utils/labels.js';
import { SessionCard } from './SessionCard.js';

const PAGE = 20;
const OUTCOMES: FollowUpOutcome[] = ['REGISTERED_BUSINESS', 'FUNDED', 'GROWING', 'PAUSED', 'CLOSED', 'OTHER'];

/** 创业项目与护航 (organizers): projects, those with no session in 60 days, suggestions with reasons, assigning mentors. */
export function ProjectsPage() {
  const { t } = useTranslation(['core', 'mentors']);
  const [view, setView] = useState<'all' | 'unfollowed' | 'quiet'>('all');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery(StartupProjectsDocument, { variables: { unfollowed: view === 'unfollowed' || undefined, take: PAGE, skip: (page - 1) * PAGE }, fetchPolicy: 'cache-and-network', skip: view === 'quiet' });
  const { stats } = useMentorStats();
  const rows = view === 'quiet' ? (stats?.quietProjects ?? []) : (list.data?.startupProjects.items ?? []);
  return (
    <>
      <PageHeader title={t('mentors:projects.title')} subtitle={t('mentors:projects.subtitle')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('mentors:projects.create')}</Button>} />
      <Segmented
        style={{ marginBottom: 12 }}
        value={view}
        onChange={(v) => {
          setView(v as typeof view);
          setPage(1);
        }}
        options={[
          { value: 'all', label: t('mentors:projects.all') },
          { value: 'unfollowed', label: t('mentors:projects.unfollowed') },
          { value: 'quiet', label: t('mentors:projects.quiet', { days: PROJECT_QUIET_DAYS, n: stats?.quietProjects.length ?? 0 }) },
        ]}
        data-testid="project-view"
      />
      <ProjectTable rows={rows} loading={view !== 'quiet' && list.loading} onOpen={setOpen} pagination={view === 'quiet' ? false : { current: page, pageSize: PAGE, total: list.data?.startupProjects.total ?? 0, onChange: setPage }} />
      {open && <ProjectDrawer projectId={open} onClose={() => setOpen(null)} />}
      {creating && <ProjectForm onClose={() => setCreating(false)} />}
    </>
  );
}

function ProjectTable({ rows, loading, onOpen, pagination }: { rows: ProjectFieldsFragment[]; loading: boolean; onOpen: (id: string) => void; pagination: false | { current: number; pageSize: number; total: number; onChange: (p: number) => void } }) {
  const { t } = useTranslation(['core', 'mentors']);
  const { language } = useLanguage();
  return (
    <Card variant="borderless">
      <Table<ProjectFieldsFragment>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        scroll={{ x: 800 }}
        pagination={pagination}
        onRow={(p) => ({ onClick: () => onOpen(p.id), style: { cursor: 'pointer' }, 'data-testid': 'project-row', 'data-name': p.name }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('mentors:projects.name'), render: (_, p) => <Typography.Text strong>{p.name}</Typography.Text> },
          { title: t('mentors:projects.founders'), render: (_, p) => p.founders.map((f) => f.name).join('、') },
          { title: t('mentors:field.industries'), render: (_, p) => industryLabel(p.industry, language) },
          { title: t('mentors:projects.stage'), render: (_, p) => t(`mentors:stage.${p.stage}`) },
          { title: t('mentors:field.region'), render: (_, p) => regionLabel(p.regionCode, language) },
          { title: t('mentors:projects.mentors'), render: (_, p) => (p.mentorNames.length ? p.mentorNames.join('、') : <Tag color="red">{t('mentors:projects.nobody')}</Tag>) },
          { title: t('mentors:projects.lastSession'), render: (_, p) => (p.lastSessionAt ? dayjs(p.lastSessionAt).format('YYYY-MM-DD') : t('mentors:projects.never')) },
        ]}
      />
    </Card>
  );
}

function ProjectDrawer({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation(['core', 'mentors']);
  const { name } = useExpertiseTags();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const { show } = useApiError();
  const detail = useQuery(ProjectDetailDocument, { variables: { projectId }, fetchPolicy: 'cache-and-network' });
  const suggestions = useQuery(MentorSuggestionsDocument, { variables: { projectId }, fetchPolicy: 'cache-and-network' });
  const refetchQueries = [ProjectDetailDocument, MentorSuggestionsDocument, StartupProjectsDocument, MentorStatsDocument];
  const [assign] = useMutation(AssignMentorDocument, { refetchQueries });
  const [end] = useMutation(EndFollowUpDocument, { refetchQueries });
  const [assigning, setAssigning] = useState<{ id: string; name: string } | null>(null);
  const [form] = Form.useForm<{ goals?: string; startsOn: Dayjs; offer: boolean }>();
  const p = detail.data?.startupProject;
  const reason = (r: { code: string; tags?: string[] | null; free?: number | null; points: number }) =>
    `${t(`mentors:reason.${r.code}`, { tags: (r.tags ?? []).map(name).join('、'), free: r.free ?? 0 })} +${r.points}`;
  return (
    <Drawer open onClose={onClose} size="large" title={p?.name ?? ''} data-testid="project-drawer">
      {!p ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <div>
            <Space wrap>
              <Tag>{industryLabel(p.industry, language)}</Tag>
              <Tag>{t(`mentors:stage.${p.stage}`)}</Tag>
              <Tag>{regionLabel(p.regionCode, language)}</Tag>
              <Tag>{t(`mentors:source.${p.source}`)}</Tag>
              {p.needTags.map((n) => (
                <Tag color="blue" key={n}>
                  {name(n)}
                </Tag>
              ))}
            </Space>
            {p.needs && <Typography.Paragraph style={{ marginTop: 8 }}>{p.needs}</Typography.Paragraph>}
            <Typography.Text type="secondary">{t('mentors:projects.foundersAre', { names: p.founders.map((f) => f.name).join('、') })}</Typography.Text>
          </div>
          <div>
            <Typography.Title level={5}>{t('mentors:projects.followUps')}</Typography.Title>
            {(detail.data?.projectFollowUps ?? []).map((f) => (
              <Flex key={f.id} justify="space-between" align="center" style={{ padding: '4px 0' }} wrap gap={8}>
                <span>
                  {f.mentor.name} · {t(`mentors:followUp.${f.status}`)} · {t('mentors:desk.since', { date: f.startsOn })}
                  {f.outcome ? ` · ${t(`mentors:outcome.${f.outcome}`)}` : ''}
                </span>
                {f.status === 'ACTIVE' && (
                  <Select<FollowUpOutcome>
                    placeholder={t('mentors:projects.end')}
                    size="small"
                    style={{ width: 160 }}
                    options={OUTCOMES.map((o) => ({ value: o, label: t(`mentors:outcome.${o}`) }))}
                    onChange={(outcome) => end({ variables: { id: f.id, outcome } }).then(() => message.success(t('mentors:form.saved')), show)}
                  />
                )}
              </Flex>
            ))}
            {!detail.data?.projectFollowUps.length && <Typography.Text type="secondary">{t('mentors:projects.nobody')}</Typography.Text>}
          </div>
          <div>
            <Typography.Title level={5}>{t('mentors:projects.suggestions')}</Typography.Title>
            {suggestions.loading && !suggestions.data ? (
              <Skeleton active />
            ) : (
              <Flex vertical gap={8} data-testid="suggestions">
                {(suggestions.data?.mentorSuggestions ?? []).map((s, i) => (
                  <Card key={s.mentor.id} size="small" data-testid="suggestion" data-name={s.mentor.name}>
                    <Flex justify="space-between" align="start" gap={8}>
                      <div style={{ minWidth: 0 }}>
                        <Typography.Text strong>
                          {i + 1}. {s.mentor.name}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {[s.mentor.organisation, regionLabel(s.mentor.regionCode, language), `${s.mentor.load}/${s.mentor.capacity}`].filter(Boolean).join(' · ')}
                        </Typography.Text>
                        <Flex gap={4} wrap style={{ marginTop: 4 }}>
                          {s.reasons.map((r) => (
                            <Tag key={r.code} color={r.code === 'FULL' ? 'red' : 'geekblue'}>
                              {reason(r)}
                            </Tag>
                          ))}
                        </Flex>
                      </div>
                      <Flex vertical align="end" gap={4}>
                        <Typography.Text strong style={{ fontSize: 18 }}>
                          {s.score}
                        </Typography.Text>
                        <Button size="small" type="primary" disabled={!s.available} onClick={() => setAssigning({ id: s.mentor.id, name: s.mentor.name })}>
                          {t('mentors:projects.assign')}
                        </Button>
                      </Flex>
                    </Flex>
                  </Card>
                ))}
                {!suggestions.data?.mentorSuggestions.length && <Empty description={t('mentors:projects.noSuggestions')} />}
              </Flex>
            )}
          </div>
          <div>
            <Typography.Title level={5}>{t('mentors:projects.sessions')}</Typography.Title>
            <Flex vertical gap={8}>
              {(detail.data?.projectSessions ?? []).map((s) => (
                <SessionCard key={s.id} session={s} />
              ))}
              {!detail.data?.projectSessions.length && <Typography.Text type="secondary">{t('mentors:desk.noSessions')}</Typography.Text>}
            </Flex>
          </div>
        </Flex>
      )}
      <Modal
        open={!!assigning}
        title={t('mentors:projects.assignTitle', { name: assigning?.name })}
        onCancel={() => setAssigning(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ startsOn: dayjs(), offer: false }}
          onFinish={async (v) => {
            try {
              await assign({ variables: { projectId, mentorId: assigning!.id, goals: v.goals || null, startsOn: v.startsOn.format('YYYY-MM-DD'), offer: v.offer } });
              void message.success(t('mentors:form.saved'));
              setAssigning(null);
            } catch (e) {
              show(e);
            }
          }}
        >
          <Form.Item name="goals" label={t('mentors:projects.goals')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="startsOn" label={t('mentors:projects.startsOn')}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="offer" label={t('mentors:projects.how')}>
            <Segmented
              options={[
                { value: false, label: t('mentors:projects.assignNow') },
                { value: true, label: t('mentors:projects.offer') },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

interface ProjectValues {
  name: string;
  founders: string;
  founderAccount?: string;
  industry: MentorIndustry;
  stage: ProjectStage;
  regionCode: string;
  source: ProjectSource;
  sourceNote?: string;
  needs?: string;
  needTags: string[];
}

function ProjectForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['core', 'mentors']);
  const { language } = useLanguage();
  const { tags, name } = useExpertiseTags();
  const covered = useCoveredRegionCodes();
  const { message } = App.useApp();
  const { show, showOnForm } = useApiError();
  const [create, state] = useMutation(CreateStartupProjectDocument, { refetchQueries: [StartupProjectsDocument, MentorStatsDocument] });
  const [form] = Form.useForm<ProjectValues>();
  return (
    <Drawer open onClose={onClose} title={t('mentors:projects.create')} size="large">
      <Form<ProjectValues>
        form={form}
        layout="vertical"
        initialValues={{ stage: 'IDEA', source: 'CONTEST', needTags: [], regionCode: covered?.[0] }}
        onFinish={async (v) => {
          const names = v.founders.split(/[、,，\s]+/).filter(Boolean);
          try {
            await create({
              variables: {
                input: {
                  name: v.name,
                  founders: names.map((n, i) => ({ name: n, account: i === 0 && v.founderAccount ? v.founderAccount.trim() : null })),
                  industry: v.industry,
                  stage: v.stage,
                  regionCode: v.regionCode,
                  source: v.source,
                  sourceNote: v.sourceNote || null,
                  needs: v.needs || null,
                  needTags: v.needTags,
                },
              },
            });
            void message.success(t('mentors:form.saved'));
            onClose();
          } catch (e) {
            if (!showOnForm(form, e, ['name', 'founders', 'industry', 'regionCode', 'needTags'])) show(e);
          }
        }}
      >
        <Form.Item name="name" label={t('mentors:projects.name')} rules={[{ required: true, message: t('core:errors.fields.REQUIRED') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="founders" label={t('mentors:projects.founders')} extra={t('mentors:projects.foundersHint')} rules={[{ required: true, message: t('core:errors.fields.REQUIRED') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="founderAccount" label={t('mentors:projects.founderAccount')} extra={t('mentors:projects.founderAccountHint')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="industry" label={t('mentors:field.industries')} rules={[{ required: true, message: t('core:errors.fields.REQUIRED') }]}>
          <Select options={MENTOR_INDUSTRIES.map((i) => ({ value: i, label: industryLabel(i, language) }))} />
        </Form.Item>
        <Form.Item name="stage" label={t('mentors:projects.stage')}>
          <Select options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`mentors:stage.${s}`) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('mentors:field.region')} rules={[{ required: true, message: t('core:errors.fields.REQUIRED') }]}>
          <RegionSelect onlyCodes={covered ?? null} />
        </Form.Item>
        <Form.Item name="source" label={t('mentors:projects.source')}>
          <Select options={PROJECT_SOURCES.map((s) => ({ value: s, label: t(`mentors:source.${s}`) }))} />
        </Form.Item>
        <Form.Item name="sourceNote" label={t('mentors:projects.sourceNote')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="needTags" label={t('mentors:projects.needTags')}>
          <Select mode="multiple" options={tags.map((tag) => ({ value: tag.code, label: name(tag.code) }))} />
        </Form.Item>
        <Form.Item name="needs" label={t('mentors:projects.needs')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={state.loading}>
          {t('core:common.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
