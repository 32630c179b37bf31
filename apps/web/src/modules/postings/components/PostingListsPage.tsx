import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CITY_REGION_CODE, PHRASE_CATEGORIES, PHRASE_MAX_LENGTH } from '@leye/domain';
import {
  AddPostingFlagPhraseDocument,
  AddUrgentOccupationDocument,
  PostingFlagPhrasesDocument,
  RemovePostingFlagPhraseDocument,
  RemoveUrgentOccupationDocument,
  UrgentOccupationsDocument,
} from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useAuth } from '../../auth/hooks/use-auth.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { occupationLabel, occupationOptions } from '../utils/posting-labels.js';

const CATEGORY_COLOR: Record<string, string> = {
  GENDER: 'magenta',
  AGE: 'orange',
  HUKOU_REGION: 'gold',
  MARITAL_CHILDBEARING: 'volcano',
  ETHNICITY_RELIGION: 'purple',
  HEALTH: 'cyan',
  APPEARANCE: 'geekblue',
  HYPE: 'red',
  OTHER: 'default',
};

/** 组织方: the review phrase list and the urgent-shortage occupation list (city-wide organizers and admins edit). */
export function PostingListsPage() {
  const { t } = useTranslation(['core', 'postings']);
  const { user } = useAuth();
  const canEdit = user?.role === 'ADMIN' || (user?.role === 'ORGANIZER' && user.region?.code === CITY_REGION_CODE);
  return (
    <Flex vertical gap={12}>
      <Card variant="borderless">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('postings:lists.title')}
        </Typography.Title>
        {!canEdit && <Alert type="info" showIcon title={t('postings:lists.readOnly')} style={{ marginTop: 12 }} />}
      </Card>
      <Card variant="borderless">
        <Tabs
          items={[
            { key: 'phrases', label: t('postings:lists.phrases'), children: <PhraseList canEdit={canEdit} /> },
            { key: 'urgent', label: t('postings:lists.urgent'), children: <UrgentList canEdit={canEdit} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}

function PhraseList({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation(['core', 'postings']);
  const { message } = App.useApp();
  const { show, showOnForm, describe } = useApiError();
  const [form] = Form.useForm<{ phrase: string; category: string }>();
  const { data, loading, error } = useQuery(PostingFlagPhrasesDocument, { fetchPolicy: 'cache-and-network' });
  const [add, adding] = useMutation(AddPostingFlagPhraseDocument, { refetchQueries: ['PostingFlagPhrases'] });
  const [remove] = useMutation(RemovePostingFlagPhraseDocument, { refetchQueries: ['PostingFlagPhrases'] });
  const categoryOptions = PHRASE_CATEGORIES.map((c) => ({ value: c, label: t(`postings:flags.categories.${c}`) }));
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('postings:lists.phrasesHint')}</Typography.Text>
      {error && <Alert type="error" showIcon title={describe(error)} />}
      {canEdit && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ category: 'GENDER' }}
          onFinish={async (v) => {
            try {
              await add({ variables: { input: { phrase: v.phrase.trim(), category: v.category } } });
              void message.success(t('postings:lists.added'));
              form.resetFields(['phrase']);
            } catch (e) {
              if (!showOnForm(form, e, ['phrase', 'category'])) show(e);
            }
          }}
        >
          <Form.Item name="phrase" rules={[{ required: true, whitespace: true, message: t('postings:form.required') }]}>
            <Input placeholder={t('postings:lists.phrase')} maxLength={PHRASE_MAX_LENGTH} data-testid="phrase-input" />
          </Form.Item>
          <Form.Item name="category">
            <Select options={categoryOptions} style={{ width: 200 }} data-testid="phrase-category" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={adding.loading} data-testid="phrase-add">
            {t('postings:lists.add')}
          </Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.postingFlagPhrases ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('postings:lists.phrase'), dataIndex: 'phrase' },
          {
            title: t('postings:lists.category'),
            dataIndex: 'category',
            filters: categoryOptions.map((o) => ({ text: o.label, value: o.value })),
            onFilter: (value, r) => r.category === value,
            render: (c: string) => <Tag color={CATEGORY_COLOR[c]}>{t(`postings:flags.categories.${c}`)}</Tag>,
          },
          ...(canEdit
            ? [
                {
                  key: 'remove',
                  width: 80,
                  render: (_: unknown, r: { id: string }) => (
                    <Popconfirm
                      title={t('postings:lists.removeConfirm')}
                      okText={t('postings:lists.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={async () => {
                        try {
                          await remove({ variables: { id: r.id } });
                          void message.success(t('postings:lists.removed'));
                        } catch (e) {
                          show(e);
                        }
                      }}
                    >
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('postings:lists.remove')} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}

function UrgentList({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation(['core', 'postings']);
  const { domainKey } = useLanguage();
  const { message } = App.useApp();
  const { show, showOnForm, describe } = useApiError();
  const [form] = Form.useForm<{ occupationCode: string; note?: string }>();
  const { data, loading, error } = useQuery(UrgentOccupationsDocument, { fetchPolicy: 'cache-and-network' });
  const [add, adding] = useMutation(AddUrgentOccupationDocument, { refetchQueries: ['UrgentOccupations'] });
  const [remove] = useMutation(RemoveUrgentOccupationDocument, { refetchQueries: ['UrgentOccupations'] });
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('postings:lists.urgentHint')}</Typography.Text>
      {error && <Alert type="error" showIcon title={describe(error)} />}
      {canEdit && (
        <Form
          form={form}
          layout="inline"
          onFinish={async (v) => {
            try {
              await add({ variables: { input: { occupationCode: v.occupationCode, note: v.note?.trim() || undefined } } });
              void message.success(t('postings:lists.added'));
              form.resetFields();
            } catch (e) {
              if (!showOnForm(form, e, ['occupationCode', 'note'])) show(e);
            }
          }}
        >
          <Form.Item name="occupationCode" rules={[{ required: true, message: t('postings:form.required') }]}>
            <Select
              options={occupationOptions(domainKey)}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('postings:lists.occupation')}
              style={{ width: 260 }}
              data-testid="urgent-occupation"
            />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder={t('postings:lists.note')} maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={adding.loading} data-testid="urgent-add">
            {t('postings:lists.add')}
          </Button>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.urgentOccupations ?? []}
        pagination={false}
        locale={{ emptyText: t('postings:lists.empty') }}
        columns={[
          { title: t('postings:lists.occupation'), key: 'occ', render: (_, r) => `${r.occupationCode} ${occupationLabel(r.occupationCode, domainKey)}` },
          { title: t('postings:lists.note'), dataIndex: 'note' },
          ...(canEdit
            ? [
                {
                  key: 'remove',
                  width: 80,
                  render: (_: unknown, r: { id: string }) => (
                    <Popconfirm
                      title={t('postings:lists.removeConfirm')}
                      okText={t('postings:lists.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={async () => {
                        try {
                          await remove({ variables: { id: r.id } });
                          void message.success(t('postings:lists.removed'));
                        } catch (e) {
                          show(e);
                        }
                      }}
                    >
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('postings:lists.remove')} />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
