# datanet services image. One image for every role; the first argument picks it:
#   hub | participant | settlement | cli <command> ...   (deploy/docker/entrypoint.sh)
# Build: docker build -t datanet:dev .     (docker-compose.yml builds it as datanet:local)
# Works with the classic builder and BuildKit alike (no RUN --mount / COPY --chmod).
ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: install all deps, compile TypeScript, then drop dev deps -------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV SCARF_ANALYTICS=false \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
# Manifests first: the npm ci layer stays cached until the lockfile changes.
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build \
 && for f in dist/apps/hub/src/main.js dist/apps/participant/src/main.js dist/apps/settlement/src/main.js dist/tools/cli/main.js; do \
      test -f "$f" || { echo "build did not produce $f" >&2; exit 1; }; \
    done \
 && npm prune --omit=dev \
 && npm cache clean --force
# Stage exactly what runs. proto/ and config/ are copied when present (runtime
# schema loading, default topology); package.json carries the "#libs/*" import map.
RUN mkdir /out \
 && cp -a package.json dist node_modules /out/ \
 && for d in proto config; do if [ -d "$d" ]; then cp -a "$d" /out/; fi; done

# --- runtime ------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# tini: PID 1 that forwards SIGTERM and reaps zombies (Kubernetes has no `init: true`).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
# Source maps ship in dist/: stack traces point at the TypeScript sources.
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    DATANET_HTTP_HOST=0.0.0.0 \
    DATANET_TOPOLOGY_FILE=/etc/datanet/topology.yaml \
    DATANET_PKI_DIR=/var/lib/datanet/pki
WORKDIR /app
# Application files stay owned by root: the service user can read but not change them.
COPY --from=build /out/ /app/
COPY deploy/docker/entrypoint.sh /usr/local/bin/datanet-entrypoint
COPY deploy/docker/healthcheck.mjs deploy/docker/k8s-secrets.mjs /app/deploy/
# The PKI mount point belongs to the service user so that a fresh named volume
# mounted there (compose: pki-init) inherits that ownership and is writable.
RUN chmod 0755 /usr/local/bin/datanet-entrypoint \
 && mkdir -p /etc/datanet /var/lib/datanet/pki \
 && chown node:node /var/lib/datanet/pki \
 && chmod 0700 /var/lib/datanet/pki
# `node` (uid/gid 1000) ships with the official Node images.
USER node:node
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/datanet-entrypoint"]
