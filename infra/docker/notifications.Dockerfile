# The notifications service as a production image: compiled JavaScript, production dependencies only,
# run as the unprivileged `node` user, with a health check on /readyz.
# Build from the repository root: docker build -f infra/docker/notifications.Dockerfile .

# 1. Compile: every dependency (swc compiles), then the TypeScript of this service and the packages
#    it uses into out/ (scripts/compileForImage.js, the test suite's swc settings).
FROM node:24.21-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/domain/package.json packages/domain/
COPY packages/eventstore/package.json packages/eventstore/
COPY packages/platform/package.json packages/platform/
COPY services/referrals/package.json services/referrals/
COPY services/projections/package.json services/projections/
COPY services/notifications/package.json services/notifications/
COPY services/all-in-one/package.json services/all-in-one/
COPY services/portal/package.json services/portal/
COPY test/package.json test/
# npm install, not npm ci, here: the lockfile cannot list every platform's optional swc binary.
# --ignore-scripts: the root postinstall prepares the embedded PGlite template, which no image uses.
RUN npm install --ignore-scripts --no-audit --no-fund
COPY scripts/compileForImage.js scripts/
COPY packages packages
COPY services/notifications services/notifications
RUN node scripts/compileForImage.js out packages/domain/src packages/eventstore/src packages/platform/src services/notifications/src

# 2. Run: the production dependencies of this workspace alone, then the compiled code (with the
#    manifests that name the .js entry points) over the sources' places.
FROM node:24.21-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/packages/domain/package.json packages/domain/
COPY --from=build /app/packages/eventstore/package.json packages/eventstore/
COPY --from=build /app/packages/platform/package.json packages/platform/
COPY --from=build /app/services/referrals/package.json services/referrals/
COPY --from=build /app/services/projections/package.json services/projections/
COPY --from=build /app/services/notifications/package.json services/notifications/
COPY --from=build /app/services/all-in-one/package.json services/all-in-one/
COPY --from=build /app/services/portal/package.json services/portal/
COPY --from=build /app/test/package.json test/
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --workspace services/notifications \
  && npm cache clean --force
COPY --from=build /app/out ./
USER node
WORKDIR /app/services/notifications
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "src/main.js"]
