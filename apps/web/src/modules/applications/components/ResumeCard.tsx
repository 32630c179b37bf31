import { Alert, App, Button, Card, Form, Input, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPLICATION_LIMITS, EXPERIENCE_LEVELS, OCCUPATION_CATEGORIES } from '@leye/domain';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { useMyResume, useUpdateResume } from '../hooks/use-applications.js';
import { RESUME_EDUCATION_LEVELS } from '../utils/application-labels.js';

interface ResumeValues {
  education: string | null;
  experience: string | null;
  intendedOccupation: string | null;
  intendedRegionCode: string | null;
  introduction: string | null;
}
const FIELDS = ['education', 'experience', 'intendedOccupation', 'intendedRegionCode', 'introduction'] as const;

/** The seeker's résumé fields on the profile page: what applications send (as a snapshot). */
export function ResumeCard() {
  const { t } = useTranslation(['core', 'applications']);
  const { domainKey } = useLanguage();
  const { message } = App.useApp();
  const { describe, showOnForm } = useApiError();
  const { resume, loading } = useMyResume();
  const { save, saving } = useUpdateResume();
  const [form] = Form.useForm<ResumeValues>();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: ResumeValues) => {
    setError(null);
    try {
      await save({
        education: v.education ?? null,
        experience: v.experience ?? null,
        intendedOccupation: v.intendedOccupation ?? null,
        intendedRegionCode: v.intendedRegionCode ?? null,
        introduction: v.introduction?.trim() || null,
      });
      void message.success(t('applications:resume.saved'));
    } catch (e) {
      if (!showOnForm(form, e, FIELDS)) setError(describe(e));
    }
  };

  return (
    <Card variant="borderless" title={t('applications:resume.title')} data-testid="resume-card">
      <Typography.Paragraph type="secondary">{t('applications:resume.subtitle')}</Typography.Paragraph>
      {loading || !resume ? (
        <Skeleton active />
      ) : (
        <Form<ResumeValues> form={form} layout="vertical" name="resume" initialValues={resume} onFinish={onFinish}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form.Item name="education" label={t('applications:resume.education')}>
            <Select allowClear options={RESUME_EDUCATION_LEVELS.map((e) => ({ value: e.code, label: e[domainKey] }))} data-testid="resume-education" />
          </Form.Item>
          <Form.Item name="experience" label={t('applications:resume.experience')}>
            <Select allowClear options={EXPERIENCE_LEVELS.map((e) => ({ value: e.code, label: e[domainKey] }))} data-testid="resume-experience" />
          </Form.Item>
          <Form.Item name="intendedOccupation" label={t('applications:resume.intendedOccupation')}>
            <Select
              allowClear
              showSearch={{ filterOption: (input, o) => String(o?.label ?? '').toLowerCase().includes(input.trim().toLowerCase()) }}
              options={OCCUPATION_CATEGORIES.map((o) => ({ value: o.code, label: o[domainKey] }))}
            />
          </Form.Item>
          <Form.Item name="intendedRegionCode" label={t('applications:resume.intendedRegion')}>
            <RegionSelect allowClear />
          </Form.Item>
          <Form.Item name="introduction" label={t('applications:resume.introduction')}>
            <Input.TextArea maxLength={APPLICATION_LIMITS.introductionMax} showCount autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('applications:resume.introductionPlaceholder')} />
          </Form.Item>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('applications:resume.privacy')}
          </Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="resume-save">
            {t('core:common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
