import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShanghai } from '../../events/utils/shanghai-time.js';
import { graphQLErrorMessage } from '../../apollo/utils/graphql-errors.js';
import { matchPhoneDigits, scanTone, type StationRegistration, type StationScan } from '../utils/scan-logic.js';

const TONE_ICON = {
  success: <CheckCircleFilled />,
  warning: <ExclamationCircleFilled />,
  error: <CloseCircleFilled />,
  info: <QuestionCircleFilled />,
} as const;

const TAG_COLOR = { success: 'success', warning: 'warning', error: 'error', info: 'processing' } as const;

/** The scan's wording: the server's outcome once it answered, else what the device decided. */
export function useScanWording() {
  const { t } = useTranslation(['core', 'station']);
  return (scan: StationScan) => (scan.state === 'SYNCED' && scan.outcome ? t(`station:outcome.${scan.outcome}`) : t(`station:verdict.${scan.local}`));
}

/** The big coloured answer to the last scan: green admitted, amber re-entry / conflict, red refused. */
export function VerdictBanner({ scan }: { scan: StationScan | null }) {
  const { t } = useTranslation(['core', 'station']);
  const word = useScanWording();
  if (!scan) {
    return (
      <div className="station-verdict station-verdict-idle" data-testid="station-verdict" data-tone="idle">
        <span className="station-verdict-title">{t('station:scan.ready')}</span>
      </div>
    );
  }
  const tone = scanTone(scan);
  return (
    <div className={`station-verdict station-verdict-${tone}`} data-testid="station-verdict" data-tone={tone} role="status" aria-live="assertive">
      <span className="station-verdict-icon" aria-hidden>
        {TONE_ICON[tone]}
      </span>
      <span className="station-verdict-text">
        <span className="station-verdict-title">{word(scan)}</span>
        <span className="station-verdict-name" data-testid="station-verdict-name">
          {scan.displayName ?? t('station:history.anonymous')}
        </span>
        <span className="station-verdict-meta">
          {formatShanghai(scan.scannedAt, 'HH:mm:ss')} · {t(`station:source.${scan.source}`)} · {t(`station:state.${scan.state}`)}
        </span>
      </span>
    </div>
  );
}

/** The last scans of this device, newest first. */
export function ScanHistory({ scans, gateNames }: { scans: StationScan[]; gateNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation(['core', 'station']);
  const word = useScanWording();
  const recent = useMemo(() => [...scans].sort((a, b) => b.scannedAt.localeCompare(a.scannedAt)).slice(0, 30), [scans]);
  if (recent.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('station:history.empty')} />;
  return (
    <List
      size="small"
      data-testid="station-history"
      dataSource={recent}
      rowKey="scanId"
      renderItem={(scan) => (
        <List.Item data-testid="station-history-item" data-state={scan.state} data-outcome={scan.outcome ?? ''}>
          <Flex justify="space-between" align="center" gap={8} style={{ width: '100%' }} wrap>
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text strong ellipsis>
                {scan.displayName ?? t('station:history.anonymous')}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatShanghai(scan.scannedAt, 'HH:mm:ss')} · {gateNames.get(scan.gateId) ?? ''} · {t(`station:source.${scan.source}`)}
              </Typography.Text>
              {scan.original && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="station-history-original">
                  {t('station:history.original', { outcome: t(`station:outcome.${scan.original.outcome}`), time: formatShanghai(scan.original.scannedAt, 'HH:mm:ss'), gate: gateNames.get(scan.original.gateId) ?? '—' })}
                </Typography.Text>
              )}
            </Flex>
            <Flex gap={4} wrap>
              <Tag color={TAG_COLOR[scanTone(scan)]}>{word(scan)}</Tag>
              <Tag color={scan.state === 'PENDING' ? 'orange' : 'default'}>{t(`station:state.${scan.state}`)}</Tag>
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** Finds a registration by the last digits of its phone number and checks it in by id. */
export function PhoneLookup({
  registrations,
  admitted,
  onCheckIn,
}: {
  registrations: StationRegistration[];
  admitted: ReadonlySet<string>;
  onCheckIn(registrationId: string): void;
}) {
  const { t } = useTranslation(['core', 'station']);
  const [digits, setDigits] = useState('');
  const matches = useMemo(() => matchPhoneDigits(registrations, digits), [registrations, digits]);
  return (
    <Flex vertical gap={8}>
      <Input
        size="large"
        inputMode="numeric"
        maxLength={11}
        value={digits}
        onChange={(e) => setDigits(e.target.value.replace(/\D/g, ''))}
        placeholder={t('station:phone.placeholder')}
        aria-label={t('station:phone.label')}
        data-testid="station-phone-input"
        allowClear
      />
      {digits.length >= 3 &&
        (matches.length === 0 ? (
          <Typography.Text type="secondary">{t('station:phone.none')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={matches}
            rowKey="registrationId"
            renderItem={(reg) => (
              <List.Item
                data-testid="station-phone-match"
                actions={[
                  <Button
                    key="in"
                    type="primary"
                    data-testid="station-phone-checkin"
                    disabled={reg.status !== 'REGISTERED'}
                    onClick={() => {
                      onCheckIn(reg.registrationId);
                      setDigits('');
                    }}
                  >
                    {t('station:phone.checkIn')}
                  </Button>,
                ]}
              >
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{reg.displayName}</Typography.Text>
                  <Typography.Text type="secondary">···{reg.phoneLast4}</Typography.Text>
                  <Tag>{t(`station:phone.status.${reg.status}`, { defaultValue: reg.status })}</Tag>
                  {admitted.has(reg.registrationId) && <Tag color="success">{t('station:phone.admitted')}</Tag>}
                </Flex>
              </List.Item>
            )}
          />
        ))}
    </Flex>
  );
}

/** The walk-in form at the gate: name and mobile number, registered and admitted at once (online only). */
export function WalkInForm({ online, onSubmit }: { online: boolean; onSubmit(input: { name: string; phone: string }): Promise<unknown> }) {
  const { t, i18n } = useTranslation(['core', 'station']);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; phone: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { name: string; phone: string }) => {
    setBusy(true);
    try {
      await onSubmit({ name: values.name.trim(), phone: values.phone.trim() });
      void message.success(t('station:walkIn.done', { name: values.name.trim() }));
      form.resetFields();
    } catch (error) {
      void message.error(graphQLErrorMessage(error, i18n));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={!online || busy} data-testid="station-walkin-form">
      {online ? (
        <Typography.Paragraph type="secondary" data-testid="station-walkin-note">
          {t('station:walkIn.needsNetwork')}
        </Typography.Paragraph>
      ) : (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('station:walkIn.offline')} data-testid="station-walkin-offline" />
      )}
      <Form.Item name="name" label={t('station:walkIn.name')} rules={[{ required: true, whitespace: true, message: t('station:walkIn.nameRequired') }]}>
        <Input size="large" maxLength={50} autoComplete="off" data-testid="station-walkin-name" />
      </Form.Item>
      <Form.Item name="phone" label={t('station:walkIn.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, required: true, message: t('station:walkIn.phoneInvalid') }]}>
        <Input size="large" inputMode="tel" maxLength={11} autoComplete="off" data-testid="station-walkin-phone" />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="station-walkin-submit">
        {t('station:walkIn.submit')}
      </Button>
    </Form>
  );
}
