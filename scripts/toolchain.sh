# Sourced by ./dw and .ci/run: puts the project's Node (the version in .node-version) and pnpm on PATH.
# When the machine's Node has another major version, Node is installed from the npm registry's `node`
# package into the git-ignored .tools/ folder; nothing outside the project is changed.

DAGWRIGHT_ROOT="${DAGWRIGHT_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
export DAGWRIGHT_ROOT

toolchain::ensure() {
  local want pnpm_version tools
  want="$(tr -d '[:space:]' <"$DAGWRIGHT_ROOT/.node-version")"
  pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$DAGWRIGHT_ROOT/package.json")"
  tools="$DAGWRIGHT_ROOT/.tools"

  if [[ "$(node -v 2>/dev/null || true)" != "v${want%%.*}."* ]]; then
    if [[ "$("$tools/node/node_modules/.bin/node" -v 2>/dev/null || true)" != "v$want" ]]; then
      echo "toolchain: installing Node $want into .tools/node" >&2
      mkdir -p "$tools/node"
      # The `node` package's install step fetches the platform binary package from the same registry.
      npm install --prefix "$tools/node" --no-audit --no-fund --no-save --loglevel=error "node@$want" >&2
    fi
    export PATH="$tools/node/node_modules/.bin:$PATH"
  fi

  if [[ "$("$tools/pnpm/node_modules/.bin/pnpm" -v 2>/dev/null || true)" != "$pnpm_version" ]]; then
    echo "toolchain: installing pnpm $pnpm_version into .tools/pnpm" >&2
    mkdir -p "$tools/pnpm"
    npm install --prefix "$tools/pnpm" --no-audit --no-fund --no-save --loglevel=error "pnpm@$pnpm_version" >&2
  fi
  export PATH="$tools/pnpm/node_modules/.bin:$DAGWRIGHT_ROOT/node_modules/.bin:$PATH"
  # Keep pnpm's store inside the project too, so a fresh machine needs nothing outside it.
  export npm_config_store_dir="${npm_config_store_dir:-$tools/pnpm-store}"
}

toolchain::install_deps() {
  (cd "$DAGWRIGHT_ROOT" && pnpm install --frozen-lockfile --prefer-offline --reporter=append-only >&2)
}
