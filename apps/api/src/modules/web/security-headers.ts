import helmet from 'helmet';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Security headers for the web app and the API (helmet): a CSP fit for the Vite-built SPA (its own
 * scripts only; antd writes inline styles, so 'unsafe-inline' is allowed for styles and nothing
 * else; video from the configured media origins), no framing, nosniff, no Referer (private feed URLs carry a secret), no X-Powered-By.
 */
export function securityHeaders(opts: { allowApolloSandbox: boolean; mediaOrigins?: readonly string[] }): RequestHandler {
  // Livestream video (HLS) comes from the city's media server: the page may load media from it (native HLS)
  // and fetch its playlists and segments (hls.js), nothing else.
  const media = [...(opts.mediaOrigins ?? [])];
  const strict = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"], // WebAssembly (the station's QR decoder) may compile; eval() stays off
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...media],
        mediaSrc: ["'self'", 'blob:', ...media],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // The development-only Apollo Sandbox on GET /graphql loads its page from Apollo's CDN.
  const sandbox = helmet({ contentSecurityPolicy: false, frameguard: { action: 'deny' }, referrerPolicy: { policy: 'no-referrer' } });
  return (req: Request, res: Response, next: NextFunction) =>
    (opts.allowApolloSandbox && req.method === 'GET' && req.path === '/graphql' ? sandbox : strict)(req, res, next);
}

/** The media origins of the configuration: LIVE_HLS_URL's origin and LIVE_MEDIA_ORIGINS. */
export function mediaOrigins(config: { liveHlsUrl?: string; liveMediaOrigins?: string }): string[] {
  const list = (config.liveMediaOrigins ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  if (config.liveHlsUrl) list.push(new URL(config.liveHlsUrl).origin);
  return [...new Set(list.map((o) => new URL(o).origin))];
}
