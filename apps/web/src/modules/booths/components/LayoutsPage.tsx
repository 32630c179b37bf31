import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useCurrentUser } from '../../auth/hooks/use-auth.js';
import { VenueSelect } from '../../events/components/VenueSelect.js';
import { usePortalBase } from '../../events/hooks/use-portal-base.js';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { regionScope } from '../../regions/utils/region-scope.js';
import { useLayoutMutations, useVenueLayouts } from '../hooks/use-booths.js';

interface NewLayout {
  name: string;
  width: number;
  height: number;
}

/** 展位平面图: a venue's floor plans, to create, open in the editor, or delete while no fair uses them. */
export function LayoutsPage() {
  const { t } = useTranslation(['core', 'booths']);
  const { message } = App.useApp();
  const { show, showOnForm } = useApiError();
  const navigate = useNavigate();
  const base = usePortalBase();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const venueId = params.get('venue');
  const { layouts, loading, refetch } = useVenueLayouts(venueId);
  const { create, remove, creating } = useLayoutMutations();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<NewLayout>();
  const scope = regionScope(user.region);

  const editorPath = (id: string) => `${base}/booths/venues/${venueId}/layouts/${id}`;

  const onCreate = async (values: NewLayout) => {
    if (!venueId) return;
    try {
      const { data } = await create({ variables: { input: { venueId, name: values.name.trim(), width: values.width, height: values.height } } });
      setAdding(false);
      void refetch();
      if (data) navigate(editorPath(data.createVenueLayout.id));
    } catch (e) {
      if (!showOnForm(form, e, ['name', 'width', 'height'])) show(e);
    }
  };

  const onDelete = async (id: string) => {
    try {
      await remove({ variables: { id } });
      void message.success(t('booths:layouts.deleted'));
      void refetch();
    } catch (e) {
      show(e);
    }
  };

  return (
    <>
      <PageHeader title={t('booths:layouts.title')} subtitle={t('booths:layouts.subtitle')} />
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Space wrap style={{ width: '100%' }}>
          <span>{t('booths:layouts.venue')}</span>
          <VenueSelect
            scopeRegion={scope?.[0] ?? null}
            preferRegion={user.region?.code}
            value={venueId ?? undefined}
            onChange={(v) => setParams(v ? { venue: v } : {})}
            placeholder={t('booths:layouts.pickVenue')}
            style={{ minWidth: 280 }}
            data-testid="layout-venue"
          />
          <Button type="primary" icon={<PlusOutlined />} disabled={!venueId} onClick={() => setAdding(true)} data-testid="new-layout">
            {t('booths:layouts.new')}
          </Button>
        </Space>
      </Card>
      <Card variant="borderless">
        {!venueId ? (
          <Empty description={t('booths:layouts.pickVenue')} />
        ) : (
          <Table
            rowKey="id"
            loading={loading}
            dataSource={layouts}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('booths:layouts.none') }}
            columns={[
              {
                title: t('booths:layouts.name'),
                dataIndex: 'name',
                render: (name: string, l) => (
                  <Link to={editorPath(l.id)} data-testid={`layout-${name}`}>
                    {name}
                  </Link>
                ),
              },
              { title: t('booths:layouts.size'), key: 'size', render: (_, l) => t('booths:map.size', { width: l.width, height: l.height }) },
              { title: t('booths:layouts.booths'), key: 'booths', render: (_, l) => l.booths.length },
              {
                title: t('booths:layouts.usage'),
                key: 'inUse',
                render: (_, l) => (l.inUse ? <Tag color="blue">{t('booths:layouts.inUse')}</Tag> : <Typography.Text type="secondary">{t('booths:layouts.unused')}</Typography.Text>),
              },
              { title: t('booths:layouts.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatShanghai(v) },
              {
                title: '',
                key: 'actions',
                render: (_, l) => (
                  <Space>
                    <Link to={editorPath(l.id)}>
                      <Button size="small" icon={<EditOutlined />}>
                        {t('booths:layouts.edit')}
                      </Button>
                    </Link>
                    <Popconfirm
                      title={t('booths:layouts.deleteConfirm', { name: l.name })}
                      okText={t('booths:editor.delete')}
                      cancelText={t('core:common.cancel')}
                      onConfirm={() => onDelete(l.id)}
                      disabled={l.inUse}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />} disabled={l.inUse} aria-label={t('booths:editor.delete')} />
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={adding}
        title={t('booths:layouts.new')}
        okText={t('core:common.save')}
        cancelText={t('core:common.cancel')}
        confirmLoading={creating}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'create-layout' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void onCreate(v)} initialValues={{ width: 60, height: 40 }} preserve={false}>
          <Form.Item name="name" label={t('booths:layouts.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input maxLength={100} placeholder={t('booths:layouts.namePlaceholder')} data-testid="layout-name" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="width" label={t('booths:fields.planWidth')} rules={[{ required: true }]}>
              <InputNumber min={10} max={10000} precision={0} suffix="m" />
            </Form.Item>
            <Form.Item name="height" label={t('booths:fields.planHeight')} rules={[{ required: true }]}>
              <InputNumber min={10} max={10000} precision={0} suffix="m" />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
