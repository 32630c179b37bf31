import { CheckCircleFilled, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Drawer, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useApiError } from '../../apollo/hooks/use-api-error.js';
import { hasErrorReason } from '../../apollo/utils/graphql-errors.js';
import { useAuth } from '../../auth/hooks/use-auth.js';
import type { CardLike } from './JobCardView.js';
import type { useApplyFromCard } from '../hooks/use-apply.js';

interface Props {
  card: CardLike;
  applier: ReturnType<typeof useApplyFromCard>;
  size?: 'large' | 'middle';
  block?: boolean;
}

/**
 * "One-tap apply": a signed-in job seeker applies at once; anyone else gets a bottom sheet asking for name and
 * mobile number (the API creates or matches a job seeker account). Applying again says so instead of failing.
 */
export function ApplyAction({ card, applier, size = 'large', block = true }: Props) {
  const { t } = useTranslation(['core', 'livestream']);
  const { message } = App.useApp();
  const { user } = useAuth();
  const { show, showOnForm } = useApiError();
  const location = useLocation();
  const [sheetOpen, setSheetOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; phone: string }>();
  const done = applier.applied.has(card.id);

  const report = (result: { alreadyApplied: boolean; accountCreated: boolean } | null) => {
    if (!result) return;
    if (result.alreadyApplied) void message.info(t('livestream:apply.already'));
    else if (result.accountCreated) void message.success({ content: t('livestream:apply.doneAccount'), duration: 6 });
    else void message.success(t('livestream:apply.done'));
  };

  const onTap = async () => {
    if (!user) {
      setSheetOpen(true);
      return;
    }
    if (user.role !== 'SEEKER') {
      void message.warning(t('livestream:apply.onlySeekers'));
      return;
    }
    try {
      report(await applier.apply(card.id));
    } catch (error) {
      show(error);
    }
  };

  const onSubmit = async (values: { name: string; phone: string }) => {
    try {
      const result = await applier.apply(card.id, { name: values.name.trim(), phone: values.phone.trim() });
      setSheetOpen(false);
      report(result);
    } catch (error) {
      if (hasErrorReason(error, 'PHONE_NOT_A_SEEKER') || !showOnForm(form, error, ['name', 'phone'])) show(error);
    }
  };

  return (
    <>
      <Button
        type="primary"
        size={size}
        block={block}
        icon={done ? <CheckCircleFilled /> : <ThunderboltOutlined />}
        loading={applier.applying && !sheetOpen}
        onClick={() => void onTap()}
        data-testid="apply-card"
        data-applied={done ? 'true' : 'false'}
        className={done ? 'live-applied' : undefined}
      >
        {done ? t('livestream:card.applied') : t('livestream:card.apply')}
      </Button>
      <Drawer
        open={sheetOpen}
        placement="bottom"
        onClose={() => setSheetOpen(false)}
        title={t('livestream:apply.sheetTitle', { title: card.title })}
        size="auto"
        styles={{ body: { paddingBottom: 24 } }}
        destroyOnHidden
        data-testid="apply-sheet"
        rootClassName="live-apply-sheet"
      >
        <Typography.Paragraph type="secondary">{t('livestream:apply.sheetHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void onSubmit(v)} requiredMark={false}>
          <Form.Item name="name" label={t('livestream:apply.name')} rules={[{ required: true, whitespace: true, message: t('livestream:apply.nameRequired') }]}>
            <Input placeholder={t('livestream:apply.namePlaceholder')} autoComplete="name" maxLength={40} data-testid="apply-name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('livestream:apply.phone')}
            rules={[{ required: true, pattern: /^1\d{10}$/, message: t('livestream:apply.phoneInvalid') }]}
          >
            <Input placeholder={t('livestream:apply.phonePlaceholder')} inputMode="tel" autoComplete="tel" maxLength={11} data-testid="apply-phone" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={applier.applying} data-testid="apply-submit">
            {t('livestream:apply.submit')}
          </Button>
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>{t('livestream:apply.loginInstead')}</Link>
          </div>
        </Form>
      </Drawer>
    </>
  );
}
