import type { AppConfig } from '../../config/app-config.js';

/**
 * The address people reach the product at, for links the server writes (calendar feeds, reset e-mails):
 * PUBLIC_URL when set, else the request's own scheme and host (behind the loopback proxy: X-Forwarded-Host).
 */
export function publicBaseUrl(config: AppConfig, req: { protocol?: string; headers: Record<string, string | string[] | undefined> }): string {
  if (config.publicUrl) return config.publicUrl;
  return `${req.protocol ?? 'http'}://${String(req.headers['x-forwarded-host'] ?? req.headers.host ?? `localhost:${config.port}`)}`;
}
