import { KeyOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { ROLES, type Role } from '@leye/domain';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUserFieldsFragment, UserFilter } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { ReasonModal } from '../../layout/components/ReasonModal.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { USER_PAGE_SIZE, useAdminUsers, useUserAdminActions } from '../hooks/use-admin-users.js';

interface SearchValues {
  search?: string;
  role?: Role;
  regionCode?: string;
  state?: 'active' | 'disabled';
}

const toFilter = (v: SearchValues): UserFilter => ({
  search: v.search?.trim() || undefined,
  role: v.role,
  regionCode: v.regionCode,
  disabled: v.state === undefined ? undefined : v.state === 'disabled',
});

/** 用户管理: contact is masked by the API; deactivation and reactivation need a reason (audit log). */
export function UsersAdminPage() {
  const { t } = useTranslation(['core', 'usersAdmin']);
  const { language } = useLanguage();
  const { message, modal } = App.useApp();
  const { describe, show } = useApiError();
  const [form] = Form.useForm<SearchValues>();
  const [filter, setFilter] = useState<UserFilter>({});
  const [page, setPage] = useState(1);
  const { users, total, loading, error, refetch } = useAdminUsers(filter, page);
  const actions = useUserAdminActions();
  const [pending, setPending] = useState<{ user: AdminUserFieldsFragment; kind: 'deactivate' | 'reactivate' } | null>(null);

  const onReason = async (reason: string) => {
    if (!pending) return;
    const { user, kind } = pending;
    try {
      if (kind === 'deactivate') await actions.deactivate(user.id, reason);
      else await actions.reactivate(user.id, reason);
      setPending(null);
      void message.success(t(`usersAdmin:${kind}d`, { name: user.displayName }));
    } catch (e) {
      show(e);
    }
  };

  const onIssueCode = (user: AdminUserFieldsFragment) =>
    modal.confirm({
      title: t('usersAdmin:issueCode'),
      content: t('usersAdmin:issueCodeConfirm', { name: user.displayName }),
      okButtonProps: { 'data-testid': 'issue-code-confirm' },
      onOk: async () => {
        try {
          const issued = await actions.issueResetCode(user.id);
          if (!issued) return;
          modal.info({
            title: t('usersAdmin:codeTitle'),
            width: 460,
            content: (
              <Space direction="vertical">
                <Typography.Text copyable code style={{ fontSize: 22, whiteSpace: 'nowrap' }} data-testid="reset-code-value">
                  {issued.code}
                </Typography.Text>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                  {t('usersAdmin:codeHint', { time: formatShanghai(issued.expiresAt) })}
                </Typography.Paragraph>
              </Space>
            ),
          });
        } catch (e) {
          show(e);
        }
      },
    });

  const columns: TableColumnsType<AdminUserFieldsFragment> = [
    { key: 'name', title: t('usersAdmin:fields.name'), dataIndex: 'displayName' },
    {
      key: 'contact',
      title: t('usersAdmin:fields.contact'),
      render: (_, u) => (
        <Space direction="vertical" size={0}>
          {u.phone && <Typography.Text style={{ whiteSpace: 'nowrap' }}>{u.phone}</Typography.Text>}
          {u.email && <Typography.Text type="secondary">{u.email}</Typography.Text>}
        </Space>
      ),
    },
    { key: 'role', title: t('usersAdmin:fields.role'), dataIndex: 'role', render: (r: Role) => t(`roles.${r}`) },
    { key: 'region', title: t('usersAdmin:fields.region'), responsive: ['md'], render: (_, u) => (u.region ? regionLabel(u.region, language) : '—') },
    {
      key: 'state',
      title: t('usersAdmin:fields.state'),
      render: (_, u) =>
        u.disabledAt ? (
          <Space direction="vertical" size={0}>
            <Tag color="red">{t('usersAdmin:stateDisabled')}</Tag>
            {u.disabledReason && <Typography.Text type="secondary">{u.disabledReason}</Typography.Text>}
          </Space>
        ) : (
          <Tag color="green">{t('usersAdmin:stateActive')}</Tag>
        ),
    },
    { key: 'createdAt', title: t('usersAdmin:fields.createdAt'), dataIndex: 'createdAt', responsive: ['lg'], render: (v: string) => formatShanghai(v) },
    {
      key: 'actions',
      title: t('usersAdmin:fields.actions'),
      render: (_, u) => (
        <Space wrap>
          {u.disabledAt ? (
            <Button size="small" onClick={() => setPending({ user: u, kind: 'reactivate' })} data-testid="reactivate-user">
              {t('usersAdmin:reactivate')}
            </Button>
          ) : (
            <>
              <Button size="small" danger onClick={() => setPending({ user: u, kind: 'deactivate' })} data-testid="deactivate-user">
                {t('usersAdmin:deactivate')}
              </Button>
              <Button size="small" icon={<KeyOutlined />} onClick={() => onIssueCode(u)} data-testid="issue-reset-code">
                {t('usersAdmin:issueCode')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  const onFinish = (values: SearchValues) => {
    setPage(1);
    setFilter(toFilter(values));
  };

  return (
    <>
      <PageHeader
        title={t('usersAdmin:title')}
        subtitle={t('usersAdmin:subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()} loading={loading}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card variant="borderless">
        <Form<SearchValues> form={form} layout="inline" onFinish={onFinish} style={{ rowGap: 12, marginBottom: 16 }} data-testid="users-search">
          <Form.Item name="search">
            <Input allowClear prefix={<SearchOutlined />} placeholder={t('usersAdmin:searchPlaceholder')} maxLength={100} style={{ width: 220 }} data-testid="users-search-input" />
          </Form.Item>
          <Form.Item name="role" label={t('usersAdmin:role')}>
            <Select allowClear style={{ width: 140 }} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('usersAdmin:region')}>
            <RegionSelect allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="state" label={t('usersAdmin:state')}>
            <Select
              allowClear
              style={{ width: 120 }}
              options={[
                { value: 'active', label: t('usersAdmin:stateActive') },
                { value: 'disabled', label: t('usersAdmin:stateDisabled') },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="users-search-submit">
              {t('usersAdmin:search')}
            </Button>
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={describe(error)} style={{ marginBottom: 16 }} />}
        <Table<AdminUserFieldsFragment>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={users}
          loading={loading}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: USER_PAGE_SIZE, total, showSizeChanger: false, onChange: setPage, showTotal: (n) => t('usersAdmin:total', { count: n }) }}
          locale={{ emptyText: t('usersAdmin:empty') }}
          data-testid="users-table"
        />
      </Card>
      {pending && (
        <ReasonModal
          open
          title={`${t(`usersAdmin:${pending.kind}Title`)} · ${pending.user.displayName}`}
          okText={t(`usersAdmin:${pending.kind}`)}
          cancelText={t('common.cancel')}
          label={t('usersAdmin:reasonLabel')}
          placeholder={t('usersAdmin:reasonPlaceholder')}
          requiredMessage={t('usersAdmin:reasonRequired')}
          confirming={actions.busy}
          testIds={{ confirm: 'user-reason-confirm', reason: 'user-reason' }}
          onCancel={() => setPending(null)}
          onConfirm={(reason) => void onReason(reason)}
        />
      )}
    </>
  );
}
