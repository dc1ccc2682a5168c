#!/bin/sh
# pki-init of docker-compose.yml (runs as root in the datanet image, once per `up`).
#
#   pki-init.sh TOPOLOGY SECRETS_DIR NODES_DIR
#
# 1. `pki bootstrap` into SECRETS_DIR (the `pki` volume): ca/ (the trial CA and its
#    private key) and one directory per node. Idempotent: existing material is kept.
# 2. Seeds each node's own volume, mounted here at NODES_DIR/<nodeId> and in the
#    node's container at DATANET_PKI_DIR, with that node's directory only: no
#    container but the init jobs sees the CA key or another node's keys.
#    The tree is the source of truth for what it holds (copied over on every run);
#    files only the node has (a participant's own keys and the certificates its
#    hub issued at admission) are left alone.
# 3. Hands the tree and the node volumes to the service user (uid/gid 1000, `node`).
set -eu

topology=$1
secrets=$2
nodes=$3
SERVICE_UID=1000
SERVICE_GID=1000

node /app/dist/tools/cli/main.js pki bootstrap --topology "$topology" --out "$secrets"
# `provision` (as the service user) reads <nodeId>/db.password from this tree.
chown -R "$SERVICE_UID:$SERVICE_GID" "$secrets"
chmod 0700 "$secrets"

seeded=0
for target in "$nodes"/*; do
  [ -d "$target" ] || continue
  id=$(basename "$target")
  src="$secrets/$id"
  if [ ! -d "$src" ]; then
    echo "pki-init: volume for node $id, but $src does not exist (is $id in $topology?)" >&2
    exit 1
  fi
  for file in "$src"/*; do
    [ -f "$file" ] && cp "$file" "$target/"
  done
  chown -R "$SERVICE_UID:$SERVICE_GID" "$target"
  chmod 0700 "$target"
  find "$target" -type f -exec chmod 0600 {} +
  seeded=$((seeded + 1))
done
[ "$seeded" -gt 0 ] || { echo "pki-init: no node volume under $nodes" >&2; exit 1; }
echo "pki-init: seeded $seeded node volumes"
