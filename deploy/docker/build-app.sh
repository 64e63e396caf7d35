#!/usr/bin/env bash
# Builds the runnable folder of one service: what the image's /app holds (deploy/docker/Dockerfile runs
# this, and deploy/test starts a service from its output to check the recipe without a Docker engine).
#
#   deploy/docker/build-app.sh <service> <out dir>      e.g. build-app.sh workflow-engine /tmp/app
#
# <service> is a folder under services/, or `migrate` (deploy/docker/migrate). Run from anywhere inside the
# repository, with pnpm on PATH and the packages in pnpm's store (`pnpm fetch --prod` or `pnpm install`).
# Then: cd <out dir> && node --import @dagwright/kit/otel src/main.ts
set -euo pipefail

SERVICE="${1:?usage: build-app.sh <service> <out dir>}"
OUT="${2:?usage: build-app.sh <service> <out dir>}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
log() { echo "build-app: $*" >&2; }

[[ ! -e "$OUT" ]] || { log "$OUT exists; give a new folder"; exit 2; }

# 1. Only this package's production dependencies, from the workspace lockfile, into $OUT/node_modules.
# pnpm 10's deploy wants injected workspace packages; setting it for this command only derives a lockfile
# for the deployed package from the shared one (same versions) and leaves the workspace's install alone.
(cd "$ROOT" && pnpm --config.inject-workspace-packages=true --filter "@dagwright/$SERVICE" \
  deploy --prod --offline "$OUT" >&2)
OUT="$(cd "$OUT" && pwd -P)"

# 2. Move the workspace libraries out of node_modules. They export TypeScript and run through Node's type
# stripping, which Node refuses under node_modules (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING). Each
# goes to $OUT/libs/<lib>, the same place as in the repository (so paths a library computes from itself,
# like the contracts' ../../../protos, hold); a symlink stays where it was (Node runs the real path), and
# libs/<lib>/node_modules links to the library's dependencies in the virtual store.
mkdir -p "$OUT/libs"
lifted=0
shopt -s nullglob
for dir in "$OUT"/node_modules/.pnpm/@dagwright+*/node_modules/@dagwright/*; do
  [[ -d "$dir" && ! -L "$dir" ]] || continue # the copy itself, not a link to another library
  lib="$(basename "$dir")"
  if [[ -e "$OUT/libs/$lib" ]]; then
    log "two copies of @dagwright/$lib (different peer dependencies?); refusing to guess"
    exit 1
  fi
  mv "$dir" "$OUT/libs/$lib"
  rm -rf "$OUT/libs/$lib/node_modules"
  ln -sr "$(dirname "$(dirname "$dir")")" "$OUT/libs/$lib/node_modules"
  ln -sr "$OUT/libs/$lib" "$dir"
  lifted=$((lifted + 1))
done
((lifted > 0)) || { log "no workspace library found in $OUT/node_modules/.pnpm"; exit 1; }

# 3. The contracts load the .proto files at run time from <root>/protos.
cp -R "$ROOT/protos" "$OUT/protos"

# 4. Nothing a running service needs: tests, test configs, code generators.
rm -rf "$OUT/test" "$OUT"/libs/*/test "$OUT/libs/contracts/scripts"
find "$OUT/src" "$OUT"/libs/*/src \( -name '*.test.ts' -o -name '*.spec.ts' \) -delete
rm -f "$OUT/vitest.config.ts" "$OUT"/libs/*/vitest.config.ts
# Type declarations, source maps and docs of the dependencies (about 40% of node_modules); Node loads none.
find "$OUT/node_modules/.pnpm" -type f \( -name '*.d.ts' -o -name '*.d.mts' -o -name '*.d.cts' \
  -o -name '*.map' -o -name '*.md' \) -delete
log "@dagwright/$SERVICE with $lifted workspace libraries in $OUT"
