import { useMutation } from '@apollo/client/react';
import { Button, Card, Form, Input, Result, Select } from 'antd';
import { MENTOR_INDUSTRIES } from '@leye/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApplyAsMentorDocument, type MentorApplicationInput } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { useExpertiseTags } from '../hooks/use-mentors.js';
import { industryLabel } from '../utils/labels.js';

/** 申请成为创业导师: the public form (phone first); organizers of the chosen region decide. */
export function MentorApplyPage() {
  const { t } = useTranslation(['core', 'mentors']);
  const { language } = useLanguage();
  const { tags, name } = useExpertiseTags();
  const { show, showOnForm } = useApiError();
  const [apply, state] = useMutation(ApplyAsMentorDocument);
  const [done, setDone] = useState(false);
  const [form] = Form.useForm<MentorApplicationInput>();
  if (done) return <Result status="success" title={t('mentors:apply.done')} subTitle={t('mentors:apply.doneHint')} />;
  return (
    <Card variant="borderless" style={{ maxWidth: 560, margin: '0 auto' }} title={t('mentors:apply.title')}>
      <Form<MentorApplicationInput>
        form={form}
        layout="vertical"
        initialValues={{ expertise: [], industries: [] }}
        onFinish={async (v) => {
          try {
            await apply({ variables: { input: { ...v, organisation: v.organisation || null, title: v.title || null, bio: v.bio || null, email: v.email || null } } });
            setDone(true);
          } catch (e) {
            if (!showOnForm(form, e, ['name', 'phone', 'email', 'expertise', 'regionCode'])) show(e);
          }
        }}
      >
        <Form.Item name="name" label={t('mentors:field.name')} rules={[{ required: true, message: t('core:errors.fields.REQUIRED') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('mentors:field.phone')} rules={[{ required: true, message: t('core:errors.fields.REQUIRED') }]}>
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item name="email" label={t('mentors:field.email')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="organisation" label={t('mentors:field.organisation')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="title" label={t('mentors:field.title')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="expertise" label={t('mentors:field.expertise')} rules={[{ required: true, message: t('core:errors.fields.REQUIRED') }]}>
          <Select mode="multiple" options={tags.map((tag) => ({ value: tag.code, label: name(tag.code) }))} />
        </Form.Item>
        <Form.Item name="industries" label={t('mentors:field.industries')}>
          <Select mode="multiple" options={MENTOR_INDUSTRIES.map((i) => ({ value: i, label: industryLabel(i, language) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('mentors:field.region')} rules={[{ required: true, message: t('core:errors.fields.REQUIRED') }]}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="bio" label={t('mentors:field.bio')}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={state.loading}>
          {t('mentors:apply.submit')}
        </Button>
      </Form>
    </Card>
  );
}
