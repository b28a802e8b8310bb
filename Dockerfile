# syntax=docker/dockerfile:1
#
# One image recipe for all four services and the gateway (which also serves the built web console).
# Pick the app with the APP build argument:
#   docker build --build-arg APP=routing -t akimat/routing .
#   docker build --build-arg APP=gateway -t akimat/gateway .
# docker-compose.yml passes APP for each.

ARG NODE_IMAGE=node:22-bookworm-slim

# ---------------------------------------------------------------------------------------------
# build: full dependency tree + Nx/webpack build of one app into dist/apps/$APP
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false \
    SCARF_ANALYTICS=false \
    CI=true

# Dependencies first: this layer is identical for all four apps and is reused from the cache.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

COPY . .

# APP is declared after the shared layers so they stay cacheable across apps.
ARG APP
RUN test -n "$APP" || { echo "build argument APP is required (appeals|routing|notifications|stats|gateway)" >&2; exit 1; } \
 && npx nx build "$APP" --skip-nx-cache \
 && if [ "$APP" = gateway ]; then npx nx build console --skip-nx-cache && test -f dist/apps/console/index.html; \
    else mkdir -p dist/apps/console; fi \
 && test -f "dist/apps/$APP/main.js" \
 && npx nx build dlt --skip-nx-cache \
 && test -f dist/tools/dlt/main.js

# ---------------------------------------------------------------------------------------------
# runtime: production dependencies + the one bundle, running as the unprivileged node user
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    SCARF_ANALYTICS=false \
    NODE_OPTIONS=--enable-source-maps

# Production dependencies from the root manifest/lockfile (the bundle keeps node_modules external).
# Same for every app, so cached once.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund

ARG APP
ENV APP=${APP}
COPY --from=build /app/dist/apps/${APP} ./dist/apps/${APP}
# The web console's files: served by the gateway; an empty folder in the services' images.
COPY --from=build /app/dist/apps/console ./dist/apps/console
# The dead-letter command for operators: `node dist/tools/dlt/main.js list` in any service's container.
COPY --from=build /app/dist/tools/dlt/main.js ./dist/tools/dlt/main.js

USER node

# Documentation only; the real port comes from HTTP_PORT (3001 appeals, 3002 routing,
# 3003 notifications, 3004 stats, 8080 gateway).
EXPOSE 3001 3002 3003 3004 8080

HEALTHCHECK --interval=10s --timeout=5s --start-period=40s --retries=6 \
  CMD ["node", "-e", "const d={appeals:3001,routing:3002,notifications:3003,stats:3004,gateway:8080};const p=process.env.HTTP_PORT||d[process.env.APP]||3000;fetch('http://127.0.0.1:'+p+'/health/ready',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# Shell form so $APP expands at run time; `exec` replaces the shell with node, so SIGTERM from
# `docker stop` reaches Node directly and the service shuts down gracefully.
CMD exec node "dist/apps/${APP}/main.js"
