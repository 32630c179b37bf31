import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A read-only URL with a copy button; falls back to selecting the text where the clipboard API is missing. */
export function CopyableLink({ url, testId }: { url: string; testId?: string }) {
  const { t } = useTranslation(['core', 'calendarFeed']);
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
      void message.success(t('calendarFeed:copied'));
    } catch {
      // Plain-HTTP pages and some in-app browsers have no clipboard API; the input is selectable instead.
      void message.info(t('calendarFeed:copyManually'));
    }
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input value={url} readOnly onFocus={(e) => e.target.select()} data-testid={testId} aria-label={t('calendarFeed:url')} />
      <Button icon={copied ? <CheckOutlined /> : <CopyOutlined />} onClick={() => void copy()} aria-label={t('calendarFeed:copy')}>
        {t('calendarFeed:copy')}
      </Button>
    </Space.Compact>
  );
}
