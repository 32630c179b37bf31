import { useMutation } from '@apollo/client/react';
import { Alert, App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MOBILE_PHONE_PATTERN, POSTING_LIMITS, salaryRangeProblem, shanghaiToday, validUntilProblem } from '@leye/domain';
import { CreatePostingDocument, UpdatePostingDocument, type PostingFieldsFragment, type PostingInput } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { educationOptions, experienceOptions, occupationOptions } from '../utils/posting-labels.js';

interface Values extends Omit<PostingInput, 'validUntil'> {
  validUntil: Dayjs | null;
}

const FIELDS = ['title', 'occupationCode', 'headcount', 'salaryMin', 'salaryMax', 'education', 'experience', 'regionCode', 'description', 'contactName', 'contactPhone', 'validUntil'] as const;

/** Create or edit a posting, with the same checks the API applies (salary order, validity window, phone). */
export function PostingFormModal({
  open,
  posting,
  defaults,
  onClose,
  onSaved,
}: {
  open: boolean;
  posting: PostingFieldsFragment | null;
  defaults?: Partial<PostingInput>;
  onClose(): void;
  onSaved?(p: PostingFieldsFragment): void;
}) {
  const { t } = useTranslation(['core', 'postings']);
  const { domainKey } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { describe, showOnForm } = useApiError();
  const [error, setError] = useState<string | null>(null);
  const [create, created] = useMutation(CreatePostingDocument, { refetchQueries: ['MyPostings'] });
  const [update, updated] = useMutation(UpdatePostingDocument, { refetchQueries: ['MyPostings'] });
  const today = shanghaiToday();

  const onFinish = async (v: Values) => {
    setError(null);
    const input: PostingInput = {
      title: v.title.trim(),
      occupationCode: v.occupationCode,
      headcount: v.headcount,
      salaryMin: v.salaryMin ?? null,
      salaryMax: v.salaryMax ?? null,
      education: v.education,
      experience: v.experience,
      regionCode: v.regionCode,
      description: (v.description ?? '').trim(),
      contactName: v.contactName.trim(),
      contactPhone: v.contactPhone.trim(),
      validUntil: v.validUntil!.format('YYYY-MM-DD'),
    };
    try {
      const saved = posting
        ? (await update({ variables: { id: posting.id, input } })).data!.updatePosting
        : (await create({ variables: { input } })).data!.createPosting;
      void message.success(t(posting ? 'postings:form.saved' : 'postings:form.created'));
      onSaved?.(saved);
      onClose();
    } catch (e) {
      if (!showOnForm(form, e, FIELDS)) setError(describe(e));
    }
  };

  const required = { required: true, message: t('postings:form.required') };
  const { validUntil: _ignored, ...given } = defaults ?? {};
  const initial: Partial<Values> = posting
    ? { ...posting, validUntil: dayjs(posting.validUntil) }
    : { headcount: 1, education: 'NONE', experience: 'NONE', ...given, validUntil: dayjs(today).add(30, 'day'), description: given.description ?? '' };

  return (
    <Modal
      open={open}
      width={720}
      title={t(posting ? 'postings:form.editTitle' : 'postings:form.createTitle')}
      okText={t('postings:form.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: created.loading || updated.loading, 'data-testid': 'posting-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} name="posting-form" initialValues={initial} scrollToFirstError>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="posting-form-error" />}
        {posting?.status === 'APPROVED' && <Alert type="info" showIcon title={t('postings:form.editApprovedNotice')} style={{ marginBottom: 16 }} />}
        <Row gutter={12}>
          <Col xs={24} md={14}>
            <Form.Item name="title" label={t('postings:fields.title')} rules={[{ ...required, whitespace: true }, { min: 2, max: POSTING_LIMITS.titleMax }]}>
              <Input maxLength={POSTING_LIMITS.titleMax} data-testid="posting-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="occupationCode" label={t('postings:fields.occupation')} rules={[required]}>
              <Select options={occupationOptions(domainKey)} showSearch={{ optionFilterProp: 'label' }} data-testid="posting-occupation" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="headcount" label={t('postings:fields.headcount')} rules={[required]}>
              <InputNumber min={1} max={POSTING_LIMITS.headcountMax} precision={0} style={{ width: '100%' }} data-testid="posting-headcount" />
            </Form.Item>
          </Col>
          <Col xs={12} md={9}>
            <Form.Item name="salaryMin" label={t('postings:fields.salaryMin')} extra={t('postings:form.salaryHint')}>
              <InputNumber min={0} max={POSTING_LIMITS.salaryMax} precision={0} step={500} style={{ width: '100%' }} data-testid="posting-salary-min" />
            </Form.Item>
          </Col>
          <Col xs={12} md={9}>
            <Form.Item
              name="salaryMax"
              label={t('postings:fields.salaryMax')}
              dependencies={['salaryMin']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, max: number | null) =>
                    salaryRangeProblem(getFieldValue('salaryMin'), max) ? Promise.reject(new Error(t('postings:form.salaryOrder'))) : Promise.resolve(),
                }),
              ]}
            >
              <InputNumber min={0} max={POSTING_LIMITS.salaryMax} precision={0} step={500} style={{ width: '100%' }} data-testid="posting-salary-max" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="education" label={t('postings:fields.education')} rules={[required]}>
              <Select options={educationOptions(domainKey)} data-testid="posting-education" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="experience" label={t('postings:fields.experience')} rules={[required]}>
              <Select options={experienceOptions(domainKey)} data-testid="posting-experience" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="regionCode" label={t('postings:fields.region')} rules={[required]}>
              <RegionSelect data-testid="posting-region" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('postings:fields.description')} rules={[{ max: POSTING_LIMITS.descriptionMax }]}>
              <Input.TextArea rows={5} maxLength={POSTING_LIMITS.descriptionMax} showCount placeholder={t('postings:form.descriptionPlaceholder')} data-testid="posting-description-input" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="contactName" label={t('postings:fields.contactName')} rules={[{ ...required, whitespace: true }, { max: 50 }]}>
              <Input maxLength={50} data-testid="posting-contact-name" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="contactPhone" label={t('postings:fields.contactPhone')} rules={[required, { pattern: MOBILE_PHONE_PATTERN, message: t('postings:form.phoneInvalid') }]}>
              <Input maxLength={11} inputMode="tel" data-testid="posting-contact-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="validUntil"
              label={t('postings:fields.validUntil')}
              extra={t('postings:form.validUntilHint', { days: POSTING_LIMITS.validDaysMax })}
              rules={[
                required,
                {
                  validator: (_r, d: Dayjs | null) => {
                    const problem = d ? validUntilProblem(d.format('YYYY-MM-DD'), today) : null;
                    return problem ? Promise.reject(new Error(t(`core:errors.fields.${problem}`))) : Promise.resolve();
                  },
                },
              ]}
            >
              <DatePicker
                style={{ width: '100%' }}
                inputReadOnly
                disabledDate={(d) => !!validUntilProblem(d.format('YYYY-MM-DD'), today)}
                data-testid="posting-valid-until"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
