import { DeleteOutlined, SendOutlined, StopOutlined, AudioMutedOutlined } from '@ant-design/icons';
import type { LiveChatAck, LiveChatMessage, LiveSync } from '@leye/domain';
import { LIVE_CHAT_MAX_LENGTH } from '@leye/domain';
import { App, Button, Dropdown, Empty, Flex, Input, Popconfirm, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { formatShanghai } from '../../events/utils/shanghai-time.js';

interface Moderation {
  onDelete(message: LiveChatMessage): void;
  onMute(message: LiveChatMessage, minutes: number): void;
  onBan(message: LiveChatMessage): void;
}

interface Props {
  messages: LiveChatMessage[];
  you: LiveSync['you'] | null;
  signedIn: boolean;
  send?: (text: string) => Promise<LiveChatAck>;
  /** Hosts: per-message delete, mute, ban. */
  moderation?: Moderation;
  height?: number | string;
}

const MUTE_CHOICES = [5, 10, 30, 60, 1440];

/** The broadcast's chat: messages (newest at the bottom, kept in view), the box for signed-in seekers, host tools. */
export function ChatPanel({ messages, you, signedIn, send, moderation, height = 320 }: Props) {
  const { t } = useTranslation(['core', 'livestream']);
  const { message } = App.useApp();
  const location = useLocation();
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length]);

  const submit = async () => {
    const body = text.trim();
    if (!body || !send) return;
    setSending(true);
    try {
      const ack = await send(body);
      if (ack.ok) {
        setText('');
        return;
      }
      if (ack.reason === 'CHAT_TOO_FAST' || ack.reason === 'TOO_MANY_REQUESTS')
        void message.warning(t('livestream:chat.tooFast', { seconds: Math.max(1, Math.ceil((ack.retryAfterMs ?? 3000) / 1000)) }));
      else if (ack.reason === 'CHAT_BLOCKED_WORD') void message.warning(t('livestream:chat.blocked'));
      else if (ack.reason === 'CHAT_MUTED' || ack.reason === 'CHAT_BANNED') void message.warning(t(`core:errors.reasons.${ack.reason}`, ack.reason));
      else void message.error(t('livestream:chat.failed', { reason: t(`core:errors.reasons.${ack.reason}`, ack.reason) }));
    } finally {
      setSending(false);
    }
  };

  const mutedUntil = you?.mutedUntil && dayjs(you.mutedUntil).isAfter(dayjs()) ? you.mutedUntil : null;
  let footer;
  if (!send) footer = null;
  else if (!signedIn)
    footer = (
      <Flex justify="space-between" align="center" gap={8} className="live-chat-footer">
        <Typography.Text type="secondary">{t('livestream:chat.loginToChat')}</Typography.Text>
        <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>
          <Button size="small">{t('livestream:chat.login')}</Button>
        </Link>
      </Flex>
    );
  else if (you?.banned) footer = <Typography.Text type="secondary" className="live-chat-footer">{t('livestream:chat.banned')}</Typography.Text>;
  else if (mutedUntil)
    footer = (
      <Typography.Text type="secondary" className="live-chat-footer">
        {t('livestream:chat.muted', { time: formatShanghai(mutedUntil, 'HH:mm') })}
      </Typography.Text>
    );
  else if (you && !you.canChat) footer = <Typography.Text type="secondary" className="live-chat-footer">{t('livestream:chat.loginToChat')}</Typography.Text>;
  else
    footer = (
      <Flex gap={8} className="live-chat-footer">
        <Input
          value={text}
          onChange={(e) => setText(e.target.value)}
          onPressEnter={() => void submit()}
          maxLength={LIVE_CHAT_MAX_LENGTH}
          placeholder={t('livestream:chat.placeholder')}
          data-testid="chat-input"
        />
        <Button type="primary" icon={<SendOutlined />} loading={sending} onClick={() => void submit()} data-testid="chat-send" aria-label={t('livestream:chat.send')} />
      </Flex>
    );

  return (
    <div className="live-chat" data-testid="live-chat">
      <div className="live-chat-list" ref={list} style={{ height }}>
        {messages.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('livestream:chat.empty')} />
        ) : (
          messages.map((m) => (
            <div key={m.id} className="live-chat-line" data-testid="chat-message" data-id={m.id}>
              <span className="live-chat-name">{m.displayName}</span>
              <span className="live-chat-text">{m.text}</span>
              {moderation && (
                <span className="live-chat-tools">
                  <Button size="small" type="text" icon={<DeleteOutlined />} onClick={() => moderation.onDelete(m)} aria-label={t('livestream:host.delete')} data-testid="chat-delete" />
                  <Dropdown
                    menu={{
                      items: MUTE_CHOICES.map((minutes) => ({ key: String(minutes), label: t('livestream:host.muteMinutes', { minutes }) })),
                      onClick: ({ key }) => moderation.onMute(m, Number(key)),
                    }}
                  >
                    <Button size="small" type="text" icon={<AudioMutedOutlined />} aria-label={t('livestream:host.mute')} data-testid="chat-mute" />
                  </Dropdown>
                  <Popconfirm title={t('livestream:host.banConfirm', { name: m.displayName })} onConfirm={() => moderation.onBan(m)}>
                    <Button size="small" type="text" danger icon={<StopOutlined />} aria-label={t('livestream:host.ban')} data-testid="chat-ban" />
                  </Popconfirm>
                </span>
              )}
            </div>
          ))
        )}
      </div>
      {footer}
    </div>
  );
}
