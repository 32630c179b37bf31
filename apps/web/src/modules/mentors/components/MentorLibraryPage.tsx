import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, DatePicker, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MENTOR_INDUSTRIES } from '@leye/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CertifyMentorDocument,
  CreateMentorAccountDocument,
  DecideMentorApplicationDocument,
  MentorLibraryDocument,
  MentorStatsDocument,
  MentorStudiosDocument,
  ReactivateMentorDocument,
  RetireMentorDocument,
  SaveMentorExpertiseTagDocument,
  SaveMentorStudioDocument,
  type MentorFieldsFragment,
  type MentorIndustry,
  type MentorStatus,
} from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { downloadExport } from '../../auth/utils/download-export.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { useCoveredRegionCodes } from '../../regions/hooks/use-covered-regions.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { useExpertiseTags } from '../hooks/use-mentors.js';
import { industryLabel } from '../utils/labels.js';
import { MentorFormDrawer } from './MentorFormDrawer.js';
import { MentorImportModal } from './MentorImportModal.js';
import { MentorStatsPanel } from './MentorStatsPanel.js';

const PAGE = 20;
const STATUSES: MentorStatus[] = ['ACTIVE', 'APPLIED', 'INACTIVE', 'REJECTED'];
const STATUS_COLOR: Record<MentorStatus, string> = { ACTIVE: 'green', APPLIED: 'gold', INACTIVE: 'default', REJECTED: 'red' };

interface Filters {
  search?: string;
  expertise?: string;
  industry?: MentorIndustry;
  regionCode?: string;
  status?: MentorStatus;
  studioId?: string;
}

/** 创业导师库 (organizers): statistics against the ≥100 target, the library with filters, studios, the expertise list, Excel import and export. */
export function MentorLibraryPage() {
  const { t } = useTranslation(['core', 'mentors']);
  const [tab, setTab] = useState('library');
  const [filters, setFilters] = useState<Filters>({});
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<MentorFieldsFragment | 'new' | null>(null);
  const { message } = App.useApp();
  const covered = useCoveredRegionCodes();

  return (
    <>
      <PageHeader
        title={t('mentors:library.title')}
        subtitle={t('mentors:library.subtitle')}
        extra={
          <Space wrap>
            <Button onClick={() => setImporting(true)} data-testid="open-import">
              {t('mentors:library.import')}
            </Button>
            <Button onClick={() => downloadExport('/exports/mentors.xlsx', 'mentors.xlsx').catch(() => message.error(t('mentors:library.exportFailed')))}>
              {t('mentors:library.export')}
            </Button>
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('mentors:library.create')}
            </Button>
          </Space>
        }
      />
      <MentorStatsPanel />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'library', label: t('mentors:library.tab'), children: <Library filters={filters} setFilters={setFilters} onEdit={setEditing} /> },
          {
            key: 'studios',
            label: t('mentors:studios.tab'),
            children: (
              <Studios
                onOpen={(studioId) => {
                  setFilters({ studioId });
                  setTab('library');
                }}
              />
            ),
          },
          { key: 'tags', label: t('mentors:tags.tab'), children: <Taxonomy /> },
        ]}
      />
      {importing && <MentorImportModal open onClose={() => setImporting(false)} />}
      {editing && <MentorFormDrawer mentor={editing} onClose={() => setEditing(null)} regionCodes={covered ?? null} />}
    </>
  );
}

function Library({ filters, setFilters, onEdit }: { filters: Filters; setFilters: (f: Filters) => void; onEdit: (m: MentorFieldsFragment) => void }) {
  const { t } = useTranslation(['core', 'mentors']);
  const { language } = useLanguage();
  const { tags, name } = useExpertiseTags();
  const [page, setPage] = useState(1);
  const studios = useQuery(MentorStudiosDocument).data?.mentorStudios ?? [];
  const result = useQuery(MentorLibraryDocument, { variables: { ...filters, take: PAGE, skip: (page - 1) * PAGE }, fetchPolicy: 'cache-and-network' });
  const set = (patch: Filters) => {
    setFilters({ ...filters, ...patch });
    setPage(1);
  };
  return (
    <Card variant="borderless">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('mentors:library.search')} style={{ width: 200 }} onSearch={(v) => set({ search: v || undefined })} />
        <Select allowClear placeholder={t('mentors:field.expertise')} style={{ width: 140 }} value={filters.expertise} onChange={(v) => set({ expertise: v })} options={tags.map((tag) => ({ value: tag.code, label: name(tag.code) }))} />
        <Select allowClear placeholder={t('mentors:field.industries')} style={{ width: 140 }} value={filters.industry} onChange={(v) => set({ industry: v })} options={MENTOR_INDUSTRIES.map((i) => ({ value: i, label: industryLabel(i, language) }))} />
        <RegionSelect allowClear placeholder={t('mentors:field.region')} style={{ width: 150 }} value={filters.regionCode} onChange={(v) => set({ regionCode: v })} />
        <Select allowClear placeholder={t('mentors:field.status')} style={{ width: 120 }} value={filters.status} onChange={(v) => set({ status: v })} options={STATUSES.map((s) => ({ value: s, label: t(`mentors:status.${s}`) }))} />
        <Select allowClear placeholder={t('mentors:field.studio')} style={{ width: 200 }} value={filters.studioId} onChange={(v) => set({ studioId: v })} options={studios.map((s) => ({ value: s.id, label: s.name }))} />
      </Flex>
      <Table<MentorFieldsFragment>
        rowKey="id"
        size="small"
        scroll={{ x: 900 }}
        loading={result.loading}
        dataSource={result.data?.mentors.items ?? []}
        pagination={{ current: page, pageSize: PAGE, total: result.data?.mentors.total ?? 0, onChange: setPage, showTotal: (n) => t('mentors:library.total', { n }) }}
        columns={[
          {
            title: t('mentors:field.name'),
            render: (_, m) => (
              <div>
                <Typography.Text strong>{m.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {[m.organisation, m.title].filter(Boolean).join(' · ')}
                </Typography.Text>
              </div>
            ),
          },
          { title: t('mentors:field.expertise'), render: (_, m) => m.expertise.map((e) => <Tag key={e}>{name(e)}</Tag>) },
          { title: t('mentors:field.region'), render: (_, m) => regionLabel(m.regionCode, language) },
          { title: t('mentors:field.phone'), dataIndex: 'phone' },
          { title: t('mentors:field.certificateNo'), render: (_, m) => (m.certificateNo ? `${m.certificateNo}（${m.certifiedOn}）` : <Tag>{t('mentors:library.uncertified')}</Tag>) },
          { title: t('mentors:field.studio'), dataIndex: 'studioName' },
          { title: t('mentors:library.load'), render: (_, m) => `${m.load} / ${m.capacity}` },
          { title: t('mentors:field.status'), render: (_, m) => <Tag color={STATUS_COLOR[m.status]}>{t(`mentors:status.${m.status}`)}</Tag> },
          { title: '', render: (_, m) => (m.viewerCan.manage ? <MentorActions mentor={m} onEdit={() => onEdit(m)} /> : null) },
        ]}
      />
    </Card>
  );
}

function MentorActions({ mentor: m, onEdit }: { mentor: MentorFieldsFragment; onEdit: () => void }) {
  const { t } = useTranslation(['core', 'mentors']);
  const { message } = App.useApp();
  const { show } = useApiError();
  const refetchQueries = [MentorLibraryDocument, MentorStatsDocument];
  const [decide] = useMutation(DecideMentorApplicationDocument, { refetchQueries });
  const [retire] = useMutation(RetireMentorDocument, { refetchQueries });
  const [reactivate] = useMutation(ReactivateMentorDocument, { refetchQueries });
  const [certify] = useMutation(CertifyMentorDocument, { refetchQueries });
  const [account] = useMutation(CreateMentorAccountDocument, { refetchQueries });
  const [certifying, setCertifying] = useState(false);
  const [giving, setGiving] = useState(false);
  const done = () => void message.success(t('mentors:form.saved'));
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit}>
        {t('mentors:actions.edit')}
      </Button>
      {m.status === 'APPLIED' && (
        <>
          <Button type="link" size="small" onClick={() => decide({ variables: { id: m.id, approve: true } }).then(done, show)}>
            {t('mentors:actions.approve')}
          </Button>
          <Button type="link" size="small" danger onClick={() => decide({ variables: { id: m.id, approve: false } }).then(done, show)}>
            {t('mentors:actions.reject')}
          </Button>
        </>
      )}
      {(m.status === 'ACTIVE' || m.status === 'INACTIVE') && (
        <Button type="link" size="small" onClick={() => setCertifying(true)}>
          {t('mentors:actions.certify')}
        </Button>
      )}
      {m.status === 'ACTIVE' && (
        <Popconfirm title={t('mentors:actions.retireConfirm')} onConfirm={() => retire({ variables: { id: m.id } }).then(done, show)}>
          <Button type="link" size="small" danger>
            {t('mentors:actions.retire')}
          </Button>
        </Popconfirm>
      )}
      {m.status === 'INACTIVE' && (
        <Button type="link" size="small" onClick={() => reactivate({ variables: { id: m.id } }).then(done, show)}>
          {t('mentors:actions.reactivate')}
        </Button>
      )}
      {!m.hasAccount && m.status === 'ACTIVE' && (
        <Button type="link" size="small" onClick={() => setGiving(true)}>
          {t('mentors:actions.account')}
        </Button>
      )}
      {certifying && (
        <SmallForm<{ certificateNo: string; certifiedOn: Dayjs }>
          title={t('mentors:actions.certify')}
          initial={{ certificateNo: m.certificateNo ?? '', certifiedOn: m.certifiedOn ? dayjs(m.certifiedOn) : dayjs() }}
          onClose={() => setCertifying(false)}
          onSubmit={(v) => certify({ variables: { id: m.id, certificateNo: v.certificateNo, certifiedOn: v.certifiedOn.format('YYYY-MM-DD') } }).then(done)}
          fields={[
            { name: 'certificateNo', label: t('mentors:field.certificateNo'), input: <Input maxLength={40} /> },
            { name: 'certifiedOn', label: t('mentors:field.certifiedOn'), input: <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /> },
          ]}
        />
      )}
      {giving && (
        <SmallForm<{ password: string }>
          title={t('mentors:actions.account')}
          hint={t('mentors:actions.accountHint')}
          initial={{ password: '' }}
          onClose={() => setGiving(false)}
          onSubmit={(v) => account({ variables: { id: m.id, password: v.password } }).then(done)}
          fields={[{ name: 'password', label: t('mentors:actions.password'), input: <Input.Password maxLength={128} /> }]}
        />
      )}
    </Space>
  );
}

/** A small modal form for one action (certify, give an account, a studio, a tag). */
function SmallForm<V extends object>({
  title,
  hint,
  initial,
  fields,
  onSubmit,
  onClose,
}: {
  title: string;
  hint?: string;
  initial: Partial<V>;
  fields: Array<{ name: keyof V & string; label: string; input: React.ReactNode; required?: boolean }>;
  onSubmit: (v: V) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation(['core', 'mentors']);
  const { show, showOnForm } = useApiError();
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={async (v) => {
          setSaving(true);
          try {
            await onSubmit(v);
            onClose();
          } catch (e) {
            if (!showOnForm(form, e, fields.map((f) => f.name))) show(e);
          } finally {
            setSaving(false);
          }
        }}
      >
        {fields.map((f) => (
          <Form.Item key={f.name} name={f.name as never} label={f.label} rules={f.required === false ? [] : [{ required: true, message: t('core:errors.fields.REQUIRED') }]}>
            {f.input}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function Studios({ onOpen }: { onOpen: (studioId: string) => void }) {
  const { t } = useTranslation(['core', 'mentors']);
  const { language } = useLanguage();
  const covered = useCoveredRegionCodes();
  const { message } = App.useApp();
  const studios = useQuery(MentorStudiosDocument, { fetchPolicy: 'cache-and-network' }).data?.mentorStudios ?? [];
  const [save] = useMutation(SaveMentorStudioDocument, { refetchQueries: [MentorStudiosDocument] });
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 12 }}>
        <Button onClick={() => setAdding(true)}>{t('mentors:studios.add')}</Button>
      </Flex>
      <Flex gap={12} wrap>
        {studios.map((s) => (
          <Card key={s.id} size="small" style={{ width: 280 }} hoverable onClick={() => onOpen(s.id)} data-testid="studio-card">
            <Typography.Text strong>{s.name}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
              {regionLabel(s.regionCode, language)} · {s.recognizedOn ? t('mentors:studios.recognized', { date: s.recognizedOn }) : t('mentors:studios.notRecognized')}
            </Typography.Paragraph>
            <Tag color="blue">{t('mentors:studios.members', { n: s.activeMembers })}</Tag>
          </Card>
        ))}
        {!studios.length && <Typography.Text type="secondary">{t('mentors:studios.empty')}</Typography.Text>}
      </Flex>
      {adding && (
        <SmallForm<{ name: string; regionCode: string; recognizedOn?: Dayjs; description?: string }>
          title={t('mentors:studios.add')}
          initial={{ regionCode: covered?.[0] }}
          onClose={() => setAdding(false)}
          onSubmit={(v) =>
            save({ variables: { input: { name: v.name, regionCode: v.regionCode, recognizedOn: v.recognizedOn?.format('YYYY-MM-DD') ?? null, description: v.description || null } } }).then(() =>
              message.success(t('mentors:form.saved')),
            )
          }
          fields={[
            { name: 'name', label: t('mentors:studios.name'), input: <Input maxLength={60} /> },
            { name: 'regionCode', label: t('mentors:field.region'), input: <RegionSelect onlyCodes={covered ?? null} /> },
            { name: 'recognizedOn', label: t('mentors:studios.recognizedOn'), input: <DatePicker />, required: false },
            { name: 'description', label: t('mentors:studios.description'), input: <Input.TextArea maxLength={500} />, required: false },
          ]}
        />
      )}
    </>
  );
}

function Taxonomy() {
  const { t } = useTranslation(['core', 'mentors']);
  const { tags, refetch } = useExpertiseTags(true);
  const { message } = App.useApp();
  const { show } = useApiError();
  const [save] = useMutation(SaveMentorExpertiseTagDocument);
  const [adding, setAdding] = useState(false);
  return (
    <Card variant="borderless">
      <Typography.Paragraph type="secondary">{t('mentors:tags.hint')}</Typography.Paragraph>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={tags}
        columns={[
          { title: t('mentors:tags.code'), dataIndex: 'code' },
          { title: t('mentors:tags.nameZh'), dataIndex: 'nameZh' },
          { title: t('mentors:tags.nameEn'), dataIndex: 'nameEn' },
          {
            title: '',
            render: (_, tag) => (
              <Button
                type="link"
                size="small"
                onClick={() => save({ variables: { code: tag.code, nameZh: tag.nameZh, nameEn: tag.nameEn, retired: !tag.retired } }).then(() => refetch(), show)}
              >
                {tag.retired ? t('mentors:tags.restore') : t('mentors:tags.retire')}
              </Button>
            ),
          },
        ]}
      />
      <Button style={{ marginTop: 12 }} onClick={() => setAdding(true)}>
        {t('mentors:tags.add')}
      </Button>
      {adding && (
        <SmallForm<{ code: string; nameZh: string; nameEn: string }>
          title={t('mentors:tags.add')}
          initial={{}}
          onClose={() => setAdding(false)}
          onSubmit={(v) => save({ variables: { ...v, code: v.code.toUpperCase() } }).then(() => Promise.all([refetch(), message.success(t('mentors:form.saved'))]))}
          fields={[
            { name: 'code', label: t('mentors:tags.code'), input: <Input maxLength={40} placeholder="E.G. EXPORT_TRADE" /> },
            { name: 'nameZh', label: t('mentors:tags.nameZh'), input: <Input maxLength={30} /> },
            { name: 'nameEn', label: t('mentors:tags.nameEn'), input: <Input maxLength={60} /> },
          ]}
        />
      )}
    </Card>
  );
}
