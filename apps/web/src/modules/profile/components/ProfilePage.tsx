import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useCurrentUser } from '../../auth/hooks/use-auth.js';
import { ResumeCard } from '../../applications/components/ResumeCard.js';
import { MyCalendarFeedCard } from '../../calendar-feeds/components/MyCalendarFeedCard.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { LANGUAGES, toLanguage, type Language } from '../../i18n/utils/language.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { regionLabel } from '../../regions/utils/region-label.js';
import { useUpdateProfile } from '../hooks/use-update-profile.js';
import { MyDataCard } from './MyDataCard.js';

interface ProfileValues {
  displayName: string;
}

export function ProfilePage() {
  const { t } = useTranslation(['core', 'profile']);
  const { message } = App.useApp();
  const { describe, showOnForm } = useApiError();
  const { language, setLanguage } = useLanguage();
  const user = useCurrentUser();
  const { update, saving } = useUpdateProfile();
  const [form] = Form.useForm<ProfileValues>();
  const [error, setError] = useState<string | null>(null);
  const empty = t('common.empty');

  const onFinish = async (values: ProfileValues) => {
    setError(null);
    try {
      // The language is not part of this form: it has one source of truth (see the field below).
      await update({ displayName: values.displayName.trim() });
      void message.success(t('profile:saved'));
    } catch (e) {
      if (!showOnForm(form, e, ['displayName'])) setError(describe(e));
    }
  };

  return (
    <>
      <PageHeader title={t('profile:title')} subtitle={t('profile:subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('profile:title')}>
            <Descriptions
              column={1}
              data-testid="profile-details"
              items={[
                { key: 'displayName', label: t('profile:displayName'), children: user.displayName },
                { key: 'role', label: t('profile:role'), children: t(`roles.${user.role}`) },
                { key: 'email', label: t('profile:email'), children: user.email ?? empty },
                { key: 'phone', label: t('profile:phone'), children: user.phone ?? empty },
                { key: 'region', label: t('profile:region'), children: regionLabel(user.region, language) ?? empty },
                { key: 'locale', label: t('profile:locale'), children: t(`language.${toLanguage(user.locale) ?? 'zh-CN'}`) },
                { key: 'createdAt', label: t('profile:createdAt'), children: dayjs(user.createdAt).format('YYYY-MM-DD') },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card variant="borderless" title={t('profile:edit')}>
            <Form<ProfileValues>
              form={form}
              layout="vertical"
              initialValues={{ displayName: user.displayName }}
              onFinish={onFinish}
              name="profile"
            >
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
              <Form.Item
                name="displayName"
                label={t('profile:displayName')}
                rules={[{ required: true, whitespace: true, message: t('profile:displayNameRequired') }]}
              >
                <Input maxLength={50} />
              </Form.Item>
              {/* The interface language itself, as in the header: it switches at once and the account follows. */}
              <Form.Item label={t('profile:locale')}>
                <Select<Language>
                  value={language}
                  onChange={setLanguage}
                  data-testid="profile-locale"
                  options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('common.save')}
              </Button>
            </Form>
          </Card>
        </Col>
        {user.role === 'SEEKER' && (
          <Col xs={24}>
            <ResumeCard />
          </Col>
        )}
        <Col xs={24}>
          <MyCalendarFeedCard />
        </Col>
        {user.role === 'SEEKER' && (
          <Col xs={24}>
            <MyDataCard />
          </Col>
        )}
      </Row>
    </>
  );
}
