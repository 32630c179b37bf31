import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * The API's own paths: never answered with the web app here, and proxied to the API by the web image's nginx
 * (infra/nginx.conf; web-app.spec.ts checks both lists agree). `/metrics` is left out on purpose (not public).
 */
export const API_PREFIXES = ['/graphql', '/socket.io', '/healthz', '/readyz', '/calendar', '/exports', '/feeds', '/l/', '/live-api/', '/api/'];

/** Serves the built web app at `/`, falling back to index.html for client-side routes. */
export function serveWebApp(app: NestExpressApplication, webDistDir: string): boolean {
  const distDir = resolve(webDistDir);
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(distDir, { index: false, maxAge: '1h', setHeaders: (res, path) => {
    if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
  } });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PREFIXES.some((p) => req.path.startsWith(p)) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
