# The console as an image. Build stage: every dependency, `npm run build` (the app and the
# server), then the dev dependencies pruned. Runtime stage: the production dependencies and the
# built app only (no Vite, Tailwind or tsx), a non-root user, nothing written outside /data, so
# it runs with a read-only root filesystem. The same layout is tested without a container in
# e2e/runtime-layout.spec.ts (`npm run test:integration`).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
# better-sqlite3 (the embedded emulator's store) compiles where no prebuilt binary is fetched.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    CSMS_EMULATOR_DB=/data/csms-emulator.sqlite
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/dist-server ./dist-server
# /data: the embedded emulator's database and key, or an audit log file; a volume in production.
RUN mkdir /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: in-flight requests are answered (10 s at most), the audit log flushed, exit 0.
STOPSIGNAL SIGTERM
CMD ["node", "dist-server/server/main.js"]
