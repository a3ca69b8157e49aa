# The notifications service, run from its TypeScript source (node -r @swc-node/register), as in development.
# Build from the repository root: docker build -f infra/docker/notifications.Dockerfile .
FROM node:24.21-bookworm-slim

WORKDIR /app
# Every workspace's package.json first, so the dependency layer is cached until one of them changes.
COPY package.json package-lock.json tsconfig.base.json turbo.json ./
COPY packages/domain/package.json packages/domain/
COPY packages/eventstore/package.json packages/eventstore/
COPY packages/platform/package.json packages/platform/
COPY services/referrals/package.json services/referrals/
COPY services/projections/package.json services/projections/
COPY services/notifications/package.json services/notifications/
COPY services/all-in-one/package.json services/all-in-one/
COPY services/portal/package.json services/portal/
COPY test/package.json test/
# Dev dependencies included: @swc-node/register runs the TypeScript source.
# npm install, not npm ci: the lockfile cannot list every platform's optional binaries (swc, PGlite).
# --ignore-scripts: the root postinstall prepares the embedded PGlite template, which no image
# uses, from sources not yet copied at this layer.
RUN npm install --ignore-scripts --no-audit --no-fund && npm cache clean --force

COPY packages packages
COPY services/notifications services/notifications

ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
USER node
WORKDIR /app/services/notifications
EXPOSE 4000
CMD ["node", "-r", "@swc-node/register", "src/main.ts"]
