# DEVELOPMENT ONLY: the identity provider of infra/docker-compose.identity.yml. The same program
# the portal's browser tests run (node-oidc-provider, infra/identity-provider/identityProvider.mjs)
# with the demo people (development.json): any password signs in. See docs/adr/0007.
# Build from the repository root: docker build -f infra/docker/identity-provider.Dockerfile .
FROM node:24.21-bookworm-slim
WORKDIR /app
# The version the tests use (test/package.json pins the same one).
COPY infra/identity-provider/package.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY infra/identity-provider/identityProvider.mjs infra/identity-provider/development.json ./
ENV HOST=0.0.0.0 PORT=9000 IDENTITY_PROVIDER_SETTINGS_FILE=/app/development.json
USER node
EXPOSE 9000
HEALTHCHECK --interval=10s --timeout=5s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:9000/.well-known/openid-configuration').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "identityProvider.mjs"]
