# syntax=docker/dockerfile:1
#
# Tock: API server (server/dist) plus the built console (console/dist).
#   docker build -t tock .
#   docker compose up --build      (migrate, api and worker with MySQL, MongoDB and Redis)

ARG NODE_IMAGE=node:20-bookworm-slim
# The repo uses npm 11 (install scripts are gated by "allowScripts" in
# package.json); the node:20 image ships npm 10.
ARG NPM_VERSION=11.19.1

# ---- build: compile native modules, TypeScript and the console bundle -------
FROM ${NODE_IMAGE} AS build
ARG NPM_VERSION
ENV CI=true
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
RUN npm install -g "npm@${NPM_VERSION}"
WORKDIR /app

# Manifests first so the dependency layer is cached across source edits.
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY console/package.json console/
RUN --mount=type=cache,target=/root/.npm npm ci

COPY . .
RUN npm run build \
 && npm prune --omit=dev \
 && mkdir -p server/node_modules

# ---- runtime ------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=4000
WORKDIR /app

COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/server/package.json ./server/package.json
COPY --from=build /app/server/node_modules ./server/node_modules
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/console/package.json ./console/package.json
COPY --from=build /app/console/dist ./console/dist

# Writable directory for the embedded SQLite default (unused when DATABASE_URL
# points at MySQL).
RUN mkdir -p /app/data && chown node:node /app/data
USER node

EXPOSE 4000
# Liveness on whatever PORT is set (O3); docker-compose.yml checks /readyz instead.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/dist/src/main.js"]
