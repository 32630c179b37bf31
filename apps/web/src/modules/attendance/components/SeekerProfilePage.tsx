import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OCCUPATION_CATEGORIES, SEEKER_GROUPS, isValidIdNumber } from '@leye/domain';
import type { SeekerGroup } from '../../../generated/graphql.js';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { RESUME_EDUCATION_LEVELS } from '../../applications/utils/application-labels.js';
import { useLanguage } from '../../i18n/hooks/use-language.js';
import { PageHeader } from '../../layout/components/PageHeader.js';
import { RegionSelect } from '../../regions/components/RegionSelect.js';
import { useSeekerProfile, useUpdateSeekerProfile } from '../hooks/use-attendance.js';

interface Values {
  realName?: string | null;
  mobile?: string | null;
  idNumber?: string | null;
  education?: string | null;
  graduationYear?: number | null;
  desiredOccupation?: string | null;
  regionCode?: string | null;
  groups?: SeekerGroup[];
}
const FIELDS = ['realName', 'mobile', 'idNumber', 'education', 'graduationYear', 'desiredOccupation', 'regionCode', 'groups'] as const;

/** 求职档案: name, mobile, optional ID number (checked here with the server's own rule, stored encrypted), education … and the groups of section 六. */
export function SeekerProfilePage() {
  const { t } = useTranslation(['core', 'attendance']);
  const { domainKey } = useLanguage();
  const { message } = App.useApp();
  const { describe, showOnForm } = useApiError();
  const { profile, loading } = useSeekerProfile();
  const { save, saving } = useUpdateSeekerProfile();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (v: Values) => {
    setError(null);
    try {
      await save({
        realName: v.realName?.trim() || null,
        mobile: v.mobile?.trim() || null,
        ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim().toUpperCase() } : {}),
        education: v.education ?? null,
        graduationYear: v.graduationYear ?? null,
        desiredOccupation: v.desiredOccupation ?? null,
        regionCode: v.regionCode ?? null,
        groups: v.groups ?? [],
      });
      form.setFieldValue('idNumber', '');
      void message.success(t('attendance:profile.saved'));
    } catch (e) {
      if (!showOnForm(form, e, FIELDS)) setError(describe(e));
    }
  };

  return (
    <>
      <PageHeader title={t('attendance:profile.title')} subtitle={t('attendance:profile.subtitle')} />
      <Card variant="borderless" style={{ maxWidth: 640 }}>
        {loading || !profile ? (
          <Skeleton active />
        ) : (
          <Form<Values> form={form} layout="vertical" name="seeker-profile" initialValues={{ ...profile, idNumber: '' }} onFinish={onFinish}>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
            <Form.Item name="realName" label={t('attendance:profile.realName')} rules={[{ max: 50 }]}>
              <Input autoComplete="name" data-testid="profile-name" />
            </Form.Item>
            <Form.Item name="mobile" label={t('attendance:profile.mobile')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('errors.fields.INVALID_PHONE') }]}>
              <Input inputMode="numeric" autoComplete="tel" maxLength={11} data-testid="profile-mobile" />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label={t('attendance:profile.idNumber')}
              extra={profile.idNumberMasked ? t('attendance:profile.idNumberSaved', { masked: profile.idNumberMasked }) : undefined}
              rules={[{ validator: async (_r, v?: string) => (!v || isValidIdNumber(v) ? undefined : Promise.reject(new Error(t('errors.fields.INVALID_ID_NUMBER')))) }]}
            >
              <Input maxLength={18} autoComplete="off" data-testid="profile-id-number" />
            </Form.Item>
            <Form.Item name="education" label={t('attendance:profile.education')}>
              <Select allowClear options={RESUME_EDUCATION_LEVELS.map((e) => ({ value: e.code, label: e[domainKey] }))} />
            </Form.Item>
            <Form.Item name="graduationYear" label={t('attendance:profile.graduationYear')}>
              <InputNumber min={1950} max={2100} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="desiredOccupation" label={t('attendance:profile.desiredOccupation')}>
              <Select
                allowClear
                showSearch={{ filterOption: (input, o) => String(o?.label ?? '').toLowerCase().includes(input.trim().toLowerCase()) }}
                options={OCCUPATION_CATEGORIES.map((o) => ({ value: o.code, label: o[domainKey] }))}
              />
            </Form.Item>
            <Form.Item name="regionCode" label={t('attendance:profile.region')}>
              <RegionSelect allowClear />
            </Form.Item>
            <Form.Item name="groups" label={t('attendance:profile.groups')}>
              <Checkbox.Group options={SEEKER_GROUPS.map((g) => ({ value: g, label: t(`attendance:groups.${g}`) }))} />
            </Form.Item>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('attendance:profile.subtitle')}
            </Typography.Paragraph>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="profile-save">
              {t('core:common.save')}
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
