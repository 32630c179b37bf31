import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MENTOR_INDUSTRIES } from '@leye/domain';
import { useTranslation } from 'react-i18next';
import {
  CreateMentorDocument,
  MentorLibraryDocument,
  MentorStatsDocument,
  MentorStudiosDocument,
  UpdateMentorDocument,
  type MentorFieldsFragment,
  type MentorIndustry,
} from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { useExpertiseTags } from '../hooks/use-mentors.js';
import { industryLabel } from '../utils/labels.js';

interface Values {
  name: string;
  organisation?: string;
  title?: string;
  expertise: string[];
  industries: MentorIndustry[];
  regionCode: string;
  bio?: string;
  phone?: string;
  email?: string;
  capacity: number;
  studioId?: string | null;
  certifiedOn?: Dayjs | null;
  certificateNo?: string;
}

const FIELDS = ['name', 'organisation', 'title', 'expertise', 'industries', 'regionCode', 'bio', 'phone', 'email', 'capacity', 'studioId', 'certifiedOn', 'certificateNo'];

/** Adds or edits a mentor profile (organizers of its region). */
export function MentorFormDrawer({ mentor, onClose, regionCodes }: { mentor: MentorFieldsFragment | 'new'; onClose: () => void; regionCodes: readonly string[] | null }) {
  const { t } = useTranslation(['core', 'mentors']);
  const { language } = useLanguage();
  const { message } = App.useApp();
  const { show, showOnForm } = useApiError();
  const { tags, name } = useExpertiseTags();
  const studios = useQuery(MentorStudiosDocument).data?.mentorStudios ?? [];
  const refetchQueries = [MentorLibraryDocument, MentorStatsDocument];
  const [create, creating] = useMutation(CreateMentorDocument, { refetchQueries });
  const [update, updating] = useMutation(UpdateMentorDocument, { refetchQueries });
  const [form] = Form.useForm<Values>();
  const editing = mentor !== 'new' ? mentor : null;

  const submit = async (v: Values) => {
    const input = {
      ...v,
      organisation: v.organisation || null,
      title: v.title || null,
      bio: v.bio || null,
      phone: v.phone || null,
      email: v.email || null,
      studioId: v.studioId || null,
      certifiedOn: v.certifiedOn ? v.certifiedOn.format('YYYY-MM-DD') : null,
      certificateNo: v.certificateNo || null,
    };
    try {
      if (editing) await update({ variables: { id: editing.id, input } });
      else await create({ variables: { input } });
      void message.success(t('mentors:form.saved'));
      onClose();
    } catch (e) {
      if (!showOnForm(form, e, FIELDS)) show(e);
    }
  };

  return (
    <Drawer open onClose={onClose} title={editing ? t('mentors:form.edit') : t('mentors:form.create')} size="large" destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          editing
            ? { ...editing, certifiedOn: editing.certifiedOn ? dayjs(editing.certifiedOn) : null, phone: undefined, email: undefined }
            : { capacity: 2, industries: [], expertise: [], regionCode: regionCodes?.[0] }
        }
      >
        <Form.Item name="name" label={t('mentors:field.name')} rules={[{ required: true, message: t('core:errors.fields.REQUIRED') }]}>
          <Input maxLength={50} data-testid="mentor-name" />
        </Form.Item>
        <Form.Item name="organisation" label={t('mentors:field.organisation')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="title" label={t('mentors:field.title')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="expertise" label={t('mentors:field.expertise')} rules={[{ required: true, message: t('core:errors.fields.REQUIRED') }]}>
          <Select mode="multiple" data-testid="mentor-expertise" options={tags.map((tag) => ({ value: tag.code, label: name(tag.code) }))} />
        </Form.Item>
        <Form.Item name="industries" label={t('mentors:field.industries')}>
          <Select mode="multiple" options={MENTOR_INDUSTRIES.map((i) => ({ value: i, label: industryLabel(i, language) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('mentors:field.region')} rules={[{ required: true, message: t('core:errors.fields.REQUIRED') }]}>
          <RegionSelect onlyCodes={regionCodes} />
        </Form.Item>
        <Form.Item name="phone" label={t('mentors:field.phone')} extra={editing ? t('mentors:form.contactKept') : undefined}>
          <Input maxLength={11} inputMode="tel" />
        </Form.Item>
        <Form.Item name="email" label={t('mentors:field.email')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="capacity" label={t('mentors:field.capacity')}>
          <InputNumber min={1} max={20} />
        </Form.Item>
        <Form.Item name="studioId" label={t('mentors:field.studio')}>
          <Select allowClear options={studios.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="certifiedOn" label={t('mentors:field.certifiedOn')}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="certificateNo" label={t('mentors:field.certificateNo')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="bio" label={t('mentors:field.bio')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={creating.loading || updating.loading} block>
          {t('core:common.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
