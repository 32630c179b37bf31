import { DeleteOutlined, DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeleteMyAccountDocument, MyPersonalDataDocument, type PersonalDataFormat } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useAuth } from '../../auth/hooks/use-auth.js';
import { downloadBase64 } from '../../booths/utils/export-file.js';

interface DeleteValues {
  password: string;
  understood: boolean;
}

/**
 * "My data" (个人信息): the seeker downloads everything the platform holds about them (JSON or Excel) and can
 * delete the account — password as confirmation, with what is removed and what stays spelled out first.
 */
export function MyDataCard() {
  const { t } = useTranslation(['core', 'profile']);
  const { message } = App.useApp();
  const { describe, showOnForm } = useApiError();
  const client = useApolloClient();
  const { logout } = useAuth();
  const [downloading, setDownloading] = useState<PersonalDataFormat | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<DeleteValues>();
  const [deleteAccount, { loading }] = useMutation(DeleteMyAccountDocument);

  const download = async (format: PersonalDataFormat) => {
    setDownloading(format);
    try {
      const r = await client.query({ query: MyPersonalDataDocument, variables: { format }, fetchPolicy: 'network-only' });
      if (r.data) downloadBase64(r.data.myPersonalData);
    } catch (e) {
      void message.error(describe(e));
    } finally {
      setDownloading(null);
    }
  };

  const confirmDelete = async (values: DeleteValues) => {
    setError(null);
    try {
      await deleteAccount({ variables: { password: values.password } });
      setDeleting(false);
      void message.success(t('profile:myData.deleted'));
      await logout();
    } catch (e) {
      if (!showOnForm(form, e, ['password'])) setError(describe(e));
    }
  };

  return (
    <Card
      variant="borderless"
      title={
        <span>
          <SafetyCertificateOutlined /> {t('profile:myData.title')}
        </span>
      }
      data-testid="my-data"
    >
      <Typography.Paragraph type="secondary">{t('profile:myData.intro')}</Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined />} loading={downloading === 'XLSX'} disabled={downloading !== null} onClick={() => void download('XLSX')}>
          {t('profile:myData.downloadExcel')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={downloading === 'JSON'} disabled={downloading !== null} onClick={() => void download('JSON')}>
          {t('profile:myData.downloadJson')}
        </Button>
        <Button danger icon={<DeleteOutlined />} onClick={() => { form.resetFields(); setError(null); setDeleting(true); }} data-testid="delete-account">
          {t('profile:myData.delete')}
        </Button>
      </Space>
      <Modal
        open={deleting}
        title={t('profile:myData.deleteTitle')}
        onCancel={() => setDeleting(false)}
        okText={t('profile:myData.deleteConfirm')}
        okButtonProps={{ danger: true, loading, htmlType: 'submit', form: 'delete-account' }}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('profile:myData.warning')} description={t('profile:myData.warningDetail')} style={{ marginBottom: 16 }} />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<DeleteValues> form={form} layout="vertical" name="delete-account" onFinish={confirmDelete}>
          <Form.Item name="password" label={t('profile:myData.password')} rules={[{ required: true, message: t('profile:myData.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="understood"
            valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('profile:myData.understoodRequired')))) }]}
          >
            <Checkbox>{t('profile:myData.understood')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
