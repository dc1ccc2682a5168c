#!/bin/sh
# Entrypoint of the datanet image (see Dockerfile). The first argument picks what runs:
#   hub | participant | settlement   the service: node dist/apps/<role>/src/main.js
#   cli ARGS...                      the operator CLI: node dist/tools/cli/main.js ARGS
#   anything else                    executed as given (sh, node, ...)
#
# DATANET_DB_PASSWORD_FILE (optional) names a file holding the service's database
# password (what `provision` writes to <secrets>/<nodeId>/db.password). It is
# exported as PGPASSWORD, which node-postgres uses when DATANET_DATABASE_URL carries
# no password, so the password never has to sit in the compose file, a manifest or
# `docker inspect` output.
set -eu

if [ -n "${DATANET_DB_PASSWORD_FILE:-}" ]; then
  if [ ! -r "$DATANET_DB_PASSWORD_FILE" ]; then
    echo "datanet-entrypoint: DATANET_DB_PASSWORD_FILE=$DATANET_DB_PASSWORD_FILE is missing or unreadable (did provision run?)" >&2
    exit 78 # EX_CONFIG
  fi
  # $(...) drops the trailing newline a hand-written file usually has.
  PGPASSWORD=$(cat "$DATANET_DB_PASSWORD_FILE")
  export PGPASSWORD
fi

case "${1:-}" in
  hub | participant | settlement)
    role=$1
    shift
    exec node "/app/dist/apps/$role/src/main.js" "$@"
    ;;
  cli)
    shift
    exec node /app/dist/tools/cli/main.js "$@"
    ;;
  "")
    echo "usage: <image> hub|participant|settlement | cli <command> [args] | <program> [args]" >&2
    exit 64 # EX_USAGE
    ;;
  *)
    exec "$@"
    ;;
esac
