import type { Request, Response } from 'express';
import { mediaOrigins, securityHeaders } from './security-headers.js';

function csp(mediaOriginsList: string[]): string {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (k: string, v: string) => (headers[k.toLowerCase()] = String(v)),
    removeHeader: () => undefined,
    getHeader: (k: string) => headers[k.toLowerCase()],
  } as unknown as Response;
  securityHeaders({ allowApolloSandbox: false, mediaOrigins: mediaOriginsList })({ method: 'GET', path: '/' } as Request, res, () => undefined);
  return headers['content-security-policy'];
}

describe('security headers: livestream media origins', () => {
  it('lists LIVE_HLS_URL origin and LIVE_MEDIA_ORIGINS once each', () => {
    expect(mediaOrigins({ liveHlsUrl: 'http://media.example.cn:8888/live', liveMediaOrigins: 'https://cdn.example.cn, http://media.example.cn:8888' })).toEqual([
      'https://cdn.example.cn',
      'http://media.example.cn:8888',
    ]);
    expect(mediaOrigins({})).toEqual([]);
  });

  it('allows video and its playlists from the media origins only', () => {
    const policy = csp(['https://cdn.example.cn']);
    expect(policy).toContain("media-src 'self' blob: https://cdn.example.cn");
    expect(policy).toContain("connect-src 'self' https://cdn.example.cn");
    expect(csp([])).toContain("media-src 'self' blob:;");
  });
});
