# 乐业临沂 web image: the built React app served by nginx, which proxies the API paths
# (/graphql, /socket.io, /healthz, /readyz, /calendar) to http://api:3000 (see infra/nginx.conf).
#
#   docker build -f infra/web.Dockerfile -t leye-web .        (context = repository root)
#
# Optional: the API image already serves the same web app at `/`. Use this one to put nginx in
# front (static files, gzip, long-cached assets) with the API behind it.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
ARG NPM_VERSION=11.19.1
ENV TURBO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false
RUN npm install -g "npm@${NPM_VERSION}" && npm cache clean --force
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/domain/package.json packages/domain/
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
# Only what the web build needs: the root tooling (turbo, typescript), @leye/domain and @leye/web.
RUN npm ci --workspace=@leye/web --workspace=@leye/domain --include-workspace-root
COPY tsconfig.base.json turbo.json ./
COPY packages/domain packages/domain
COPY apps/web apps/web
RUN npx turbo run build --filter=@leye/web

FROM nginx:1.27-alpine
# The image's entrypoint renders /etc/nginx/templates/*.template into conf.d with these variables.
ENV API_UPSTREAM=http://api:3000 \
    NGINX_RESOLVER=127.0.0.11
COPY infra/nginx.conf /etc/nginx/templates/default.conf.template
COPY --from=build /app/apps/web/dist /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1/ || exit 1
