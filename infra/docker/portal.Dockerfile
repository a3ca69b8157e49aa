# The portal as a production image: the built page (precompressed, hashed assets) and its server
# (services/portal/server/servePortal.ts) compiled to JavaScript, production dependencies only, run
# as the unprivileged `node` user. In distributed mode it is the one GraphQL entry: it routes each
# operation to referrals, projections or notifications by its root fields (graphqlRoutes.ts).
# Build from the repository root: docker build -f infra/docker/portal.Dockerfile .

# 1. Build: Vite builds dist/, swc compiles the server.
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
# npm install, not npm ci, here: the lockfile cannot list every platform's optional binaries
# (swc, Vite). --ignore-scripts: the root postinstall prepares the PGlite template, unused here.
RUN npm install --ignore-scripts --no-audit --no-fund
COPY scripts/compileForImage.js scripts/
# The page imports the domain's pure rules (eligibility, may): only that package is needed.
COPY packages/domain packages/domain
COPY services/portal services/portal
RUN npm run build -w services/portal \
  && node scripts/compileForImage.js out services/portal/server

# 2. Run: the server's production dependencies (graphql parses operations to route them), the
#    compiled server and dist/.
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
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --workspace services/portal \
  && npm cache clean --force
COPY --from=build /app/out ./
COPY --from=build /app/services/portal/dist services/portal/dist
USER node
WORKDIR /app/services/portal
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/servePortal.js"]
