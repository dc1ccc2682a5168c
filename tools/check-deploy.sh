#!/usr/bin/env bash
# Static validation of the deployment files; no Docker engine, cluster or k6 needed.
# Called from CI; exits non-zero on the first failing step, saying which.
#
#   1. shell and Node helper syntax (entrypoint, pki-init, healthcheck, k8s-secrets,
#      this script; shellcheck too when installed)
#   2. docker-compose.yml: `docker-compose config -q` (Debian's docker-compose 1.29,
#      installed with apt when missing and running as root; `docker compose` v2 is
#      used when that is what the machine has)
#   3. deploy/k8s: `kubectl kustomize` of the full network and of the examples
#   4. deploy/check/validate.mjs over those renders: topology files against the
#      project's schema (libs/config), compose services vs topology (ids, ports,
#      DB roles, healthchecks, limits, depends_on conditions, KRaft), the OTel
#      collector pipelines, Kubernetes objects (probes on /health, requests and
#      limits, security context, Service, NetworkPolicy and PDB per node, only own
#      Secrets mounted, participants reach only their hub) and, with
#      kubernetes-models installed in a cache, the Kubernetes OpenAPI schema;
#      Dockerfile basics (multi-stage, node:20-bookworm-slim, non-root, COPY sources)
#   5. k6 scripts: `npx tsc -p k6/tsconfig.json --noEmit`
#
# Environment:
#   CHECK_DEPLOY_CACHE        where kubernetes-models is installed
#                             (default: ${XDG_CACHE_HOME:-$HOME/.cache}/datanet-check-deploy)
#   CHECK_DEPLOY_NO_SCHEMA=1  skip the OpenAPI schema step (no npm registry at hand);
#                             every other check still runs
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

KUBERNETES_MODELS_VERSION=4.5.1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

step() { printf '\n== %s\n' "$*"; }
fail() {
  printf '\ncheck-deploy: FAILED: %s\n' "$*" >&2
  exit 1
}
need() { command -v "$1" > /dev/null 2>&1 || fail "$1 is required but not installed${2:+ ($2)}"; }

need node "Node.js 20"
need npx
if [ ! -d node_modules/typescript ] || [ ! -d node_modules/yaml ]; then
  fail "node_modules is incomplete: run npm ci first"
fi

# --- 1 ---------------------------------------------------------------------------------
step "syntax: shell scripts and Node helpers"
bash -n tools/check-deploy.sh || fail "tools/check-deploy.sh has a syntax error"
for f in deploy/docker/entrypoint.sh deploy/compose/pki-init.sh; do
  sh -n "$f" || fail "$f has a syntax error"
done
for f in deploy/docker/healthcheck.mjs deploy/docker/k8s-secrets.mjs deploy/check/validate.mjs; do
  node --check "$f" || fail "$f has a syntax error"
done
[ -x deploy/docker/entrypoint.sh ] || fail "deploy/docker/entrypoint.sh must be executable"
if command -v shellcheck > /dev/null 2>&1; then
  shellcheck tools/check-deploy.sh deploy/docker/entrypoint.sh deploy/compose/pki-init.sh || fail "shellcheck found problems"
  echo "  ok (with shellcheck)"
else
  echo "  ok (shellcheck not installed: syntax only)"
fi

# --- 2 ---------------------------------------------------------------------------------
step "docker-compose.yml"
compose=()
if command -v docker-compose > /dev/null 2>&1; then
  compose=(docker-compose)
elif command -v docker > /dev/null 2>&1 && docker compose version > /dev/null 2>&1; then
  compose=(docker compose)
elif [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null 2>&1; then
  echo "  docker-compose missing: installing Debian's package"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose; } > "$tmp/apt.log" 2>&1; then
    tail -n 20 "$tmp/apt.log" >&2
    fail "docker-compose is not installed and apt-get could not install it"
  fi
  compose=(docker-compose)
else
  fail "docker-compose is not installed and cannot be installed here (needs root and apt-get): run 'apt-get install docker-compose'"
fi
echo "  using: $("${compose[@]}" version --short 2> /dev/null || "${compose[@]}" version | head -n 1)"
"${compose[@]}" -f docker-compose.yml config -q || fail "docker-compose.yml is invalid"
"${compose[@]}" -f docker-compose.yml config > "$tmp/compose.yml" 2> "$tmp/compose.err" ||
  { cat "$tmp/compose.err" >&2; fail "docker-compose config could not render docker-compose.yml"; }
echo "  valid"

# --- 3 ---------------------------------------------------------------------------------
step "kustomize: deploy/k8s"
need kubectl "its built-in kustomize renders deploy/k8s offline"
k8s_args=()
for dir in deploy/k8s deploy/k8s/examples/participant-a1 deploy/k8s/examples/production; do
  name=$(basename "$dir")
  [ "$dir" = deploy/k8s ] && name=network
  kubectl kustomize "$dir" > "$tmp/k8s-$name.yaml" 2> "$tmp/k8s-$name.err" ||
    { cat "$tmp/k8s-$name.err" >&2; fail "kubectl kustomize $dir failed"; }
  echo "  rendered $dir ($(grep -c '^kind:' "$tmp/k8s-$name.yaml") objects)"
  k8s_args+=(--k8s "$name=$tmp/k8s-$name.yaml")
done

# --- 4 ---------------------------------------------------------------------------------
step "validate: topology, compose, otel, Kubernetes objects, Dockerfile"
models_args=()
if [ "${CHECK_DEPLOY_NO_SCHEMA:-0}" = 1 ]; then
  echo "  CHECK_DEPLOY_NO_SCHEMA=1: Kubernetes OpenAPI schema validation skipped"
else
  cache=${CHECK_DEPLOY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/datanet-check-deploy}
  models="$cache/kubernetes-models-$KUBERNETES_MODELS_VERSION"
  if [ ! -f "$models/node_modules/kubernetes-models/package.json" ]; then
    echo "  installing kubernetes-models@$KUBERNETES_MODELS_VERSION (OpenAPI schemas) into $models"
    mkdir -p "$models"
    [ -f "$models/package.json" ] || echo '{"private":true}' > "$models/package.json"
    npm install --prefix "$models" --no-save --no-audit --no-fund --no-package-lock --loglevel=error \
      "kubernetes-models@$KUBERNETES_MODELS_VERSION" > "$tmp/npm.log" 2>&1 ||
      { cat "$tmp/npm.log" >&2; fail "could not install kubernetes-models (set CHECK_DEPLOY_NO_SCHEMA=1 to skip only the schema step)"; }
  fi
  models_args=(--k8s-models "$models")
fi
node deploy/check/validate.mjs --compose "$tmp/compose.yml" "${k8s_args[@]}" --full network "${models_args[@]}" ||
  fail "deploy/check/validate.mjs found problems (listed above)"

# --- 5 ---------------------------------------------------------------------------------
step "k6: type-check k6/*.ts"
npx --no-install tsc -p k6/tsconfig.json --noEmit || fail "k6 scripts do not type-check"
echo "  ok"

printf '\ncheck-deploy: all checks passed\n'
