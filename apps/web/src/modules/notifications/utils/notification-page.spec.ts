import { describe, expect, it } from '@jest/globals';
import { markReadInPage, prependNotification } from './notification-page.js';

const n = (id: string, readAt: string | null = null) => ({
  __typename: 'Notification' as const,
  id,
  kind: 'EMPLOYER_VERIFIED',
  title: `t${id}`,
  body: 'b',
  link: null,
  readAt,
  createdAt: '2025-06-06T00:00:00.000Z',
});

const page = (items: ReturnType<typeof n>[], unreadCount: number, total = items.length) => ({
  __typename: 'NotificationPage' as const,
  items,
  unreadCount,
  total,
});

describe('prependNotification', () => {
  it('puts a new one first and bumps the counts', () => {
    const next = prependNotification(page([n('1', 'x')], 0), n('2'), 20);
    expect(next.items.map((i) => i.id)).toEqual(['2', '1']);
    expect(next.unreadCount).toBe(1);
    expect(next.total).toBe(2);
  });

  it('ignores a duplicate delivery', () => {
    const p = page([n('1')], 1);
    expect(prependNotification(p, n('1'), 20)).toBe(p);
  });

  it('keeps the page at its size', () => {
    const next = prependNotification(page([n('1'), n('2')], 2), n('3'), 2);
    expect(next.items.map((i) => i.id)).toEqual(['3', '1']);
  });
});

describe('markReadInPage', () => {
  it('marks some read and lowers the unread count by what changed', () => {
    const next = markReadInPage(page([n('1'), n('2'), n('3', 'x')], 5), ['1', '3'], 'now');
    expect(next.items.map((i) => i.readAt)).toEqual(['now', null, 'x']);
    expect(next.unreadCount).toBe(4);
  });

  it('marks all read', () => {
    const next = markReadInPage(page([n('1'), n('2')], 7), 'all', 'now');
    expect(next.items.every((i) => i.readAt)).toBe(true);
    expect(next.unreadCount).toBe(0);
  });
});
