import { describe, expect, it } from '@jest/globals';
import { eventIcsPath, publicFeedUrl, webcalUrl } from './feed-links.js';

describe('calendar feed links', () => {
  it('points at one event', () => {
    expect(eventIcsPath('a1b2')).toBe('/calendar/events/a1b2.ics');
    expect(eventIcsPath('a1b2', 'en')).toBe('/calendar/events/a1b2.ics?lang=en');
  });

  it('builds the public feed URL with optional filters', () => {
    expect(publicFeedUrl('https://leye.example.cn')).toBe('https://leye.example.cn/calendar/events.ics');
    expect(publicFeedUrl('https://leye.example.cn', { regionCode: '371302', type: 'JOB_FAIR' })).toBe(
      'https://leye.example.cn/calendar/events.ics?region=371302&type=JOB_FAIR',
    );
    expect(publicFeedUrl('https://leye.example.cn', { language: 'en' })).toBe('https://leye.example.cn/calendar/events.ics?lang=en');
    expect(publicFeedUrl('https://leye.example.cn', { language: 'zh-CN' })).toBe('https://leye.example.cn/calendar/events.ics');
  });

  it('turns http(s) into webcal', () => {
    expect(webcalUrl('https://leye.example.cn/calendar/feed/abc.ics')).toBe('webcal://leye.example.cn/calendar/feed/abc.ics');
    expect(webcalUrl('http://127.0.0.1:4000/x.ics')).toBe('webcal://127.0.0.1:4000/x.ics');
  });
});
