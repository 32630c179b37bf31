import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Select, Table, Tabs, Tag, Typography, type FormInstance, type TableColumnsType, type TableProps } from 'antd';
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

interface ListEditorProps<R extends { id: string }, V extends object> {
  hint: string;
  canEdit: boolean;
  rows: R[];
  loading: boolean;
  error: unknown;
  /** The add form's fields (Form.Items); `fields` are the names server field errors go to. */
  formFields: ReactNode;
  fields: Array<keyof V & string>;
  initialValues?: Partial<V>;
  /** Which fields clear after an add (all when left out). */
  resetAfterAdd?: Array<keyof V & string>;
  addTestId: string;
  add(values: V): Promise<unknown>;
  adding: boolean;
  remove(id: string): Promise<unknown>;
  columns: TableColumnsType<R>;
  table?: Pick<TableProps<R>, 'pagination' | 'locale'>;
}

/** One of the organizers' lists: a hint, the add form (editors only) and the table with a remove action. */
function ListEditor<R extends { id: string }, V extends object>(props: ListEditorProps<R, V>) {
  const { t } = useTranslation(['core', 'postings']);
  const { message } = App.useApp();
  const { show, showOnForm, describe } = useApiError();
  const [form] = Form.useForm<V>();
  const removeColumn: TableColumnsType<R> = [
    {
      key: 'remove',
      width: 80,
      render: (_: unknown, r: R) => (
        <Popconfirm
          title={t('postings:lists.removeConfirm')}
          okText={t('postings:lists.remove')}
          cancelText={t('common.cancel')}
          onConfirm={async () => {
            try {
              await props.remove(r.id);
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
  ];
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{props.hint}</Typography.Text>
      {props.error != null && <Alert type="error" showIcon title={describe(props.error)} />}
      {props.canEdit && (
        <Form
          form={form}
          layout="inline"
          initialValues={props.initialValues}
          onFinish={async (v) => {
            try {
              await props.add(v);
              void message.success(t('postings:lists.added'));
              (form as FormInstance).resetFields(props.resetAfterAdd);
            } catch (e) {
              if (!showOnForm(form, e, props.fields)) show(e);
            }
          }}
        >
          {props.formFields}
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={props.adding} data-testid={props.addTestId}>
            {t('postings:lists.add')}
          </Button>
        </Form>
      )}
      <Table<R>
        rowKey="id"
        size="small"
        loading={props.loading}
        dataSource={props.rows}
        {...props.table}
        columns={[...props.columns, ...(props.canEdit ? removeColumn : [])]}
      />
    </Flex>
  );
}

function PhraseList({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation(['core', 'postings']);
  const { data, loading, error } = useQuery(PostingFlagPhrasesDocument, { fetchPolicy: 'cache-and-network' });
  const [add, adding] = useMutation(AddPostingFlagPhraseDocument, { refetchQueries: ['PostingFlagPhrases'] });
  const [remove] = useMutation(RemovePostingFlagPhraseDocument, { refetchQueries: ['PostingFlagPhrases'] });
  const categoryOptions = PHRASE_CATEGORIES.map((c) => ({ value: c, label: t(`postings:flags.categories.${c}`) }));
  return (
    <ListEditor<NonNullable<typeof data>['postingFlagPhrases'][number], { phrase: string; category: string }>
      hint={t('postings:lists.phrasesHint')}
      canEdit={canEdit}
      rows={data?.postingFlagPhrases ?? []}
      loading={loading}
      error={error}
      fields={['phrase', 'category']}
      initialValues={{ category: 'GENDER' }}
      resetAfterAdd={['phrase']}
      addTestId="phrase-add"
      add={(v) => add({ variables: { input: { phrase: v.phrase.trim(), category: v.category } } })}
      adding={adding.loading}
      remove={(id) => remove({ variables: { id } })}
      formFields={
        <>
          <Form.Item name="phrase" rules={[{ required: true, whitespace: true, message: t('postings:form.required') }]}>
            <Input placeholder={t('postings:lists.phrase')} maxLength={PHRASE_MAX_LENGTH} data-testid="phrase-input" />
          </Form.Item>
          <Form.Item name="category">
            <Select options={categoryOptions} style={{ width: 200 }} data-testid="phrase-category" />
          </Form.Item>
        </>
      }
      table={{ pagination: { pageSize: 20, showSizeChanger: false } }}
      columns={[
        { title: t('postings:lists.phrase'), dataIndex: 'phrase' },
        {
          title: t('postings:lists.category'),
          dataIndex: 'category',
          filters: categoryOptions.map((o) => ({ text: o.label, value: o.value })),
          onFilter: (value, r) => r.category === value,
          render: (c: string) => <Tag color={CATEGORY_COLOR[c]}>{t(`postings:flags.categories.${c}`)}</Tag>,
        },
      ]}
    />
  );
}

function UrgentList({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation(['core', 'postings']);
  const { domainKey } = useLanguage();
  const { data, loading, error } = useQuery(UrgentOccupationsDocument, { fetchPolicy: 'cache-and-network' });
  const [add, adding] = useMutation(AddUrgentOccupationDocument, { refetchQueries: ['UrgentOccupations'] });
  const [remove] = useMutation(RemoveUrgentOccupationDocument, { refetchQueries: ['UrgentOccupations'] });
  return (
    <ListEditor<NonNullable<typeof data>['urgentOccupations'][number], { occupationCode: string; note?: string }>
      hint={t('postings:lists.urgentHint')}
      canEdit={canEdit}
      rows={data?.urgentOccupations ?? []}
      loading={loading}
      error={error}
      fields={['occupationCode', 'note']}
      addTestId="urgent-add"
      add={(v) => add({ variables: { input: { occupationCode: v.occupationCode, note: v.note?.trim() || undefined } } })}
      adding={adding.loading}
      remove={(id) => remove({ variables: { id } })}
      formFields={
        <>
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
        </>
      }
      table={{ pagination: false, locale: { emptyText: t('postings:lists.empty') } }}
      columns={[
        { title: t('postings:lists.occupation'), key: 'occ', render: (_, r) => `${r.occupationCode} ${occupationLabel(r.occupationCode, domainKey)}` },
        { title: t('postings:lists.note'), dataIndex: 'note' },
      ]}
    />
  );
}
