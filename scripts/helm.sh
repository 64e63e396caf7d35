#!/usr/bin/env bash
# A Helm 3 binary for the chart checks and for operators without one.
#
#   scripts/helm.sh --path    print the path of a usable helm (building it first when needed)
#   scripts/helm.sh --build   build .tools/helm/helm unless it is already up to date
#   scripts/helm.sh <args>    run that helm with <args>, e.g. scripts/helm.sh lint --strict helm/dagwright
#
# Which helm: $HELM when set; else a `helm` on PATH whose version is v3.*; else .tools/helm/helm, built
# from the Go module proxy (helm.sh/helm/v3 at HELM_VERSION, exactly as upstream pins its dependencies)
# with Go >= 1.24 from PATH or /usr/local/go. A stamp file records what was built, so the build runs once
# (a cold build downloads ~300 modules and compiles for a few minutes on 2 cores).
set -euo pipefail

HELM_VERSION="${HELM_VERSION:-v3.22.0}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(cd "${DAGWRIGHT_ROOT:-$HERE/..}" && pwd -P)"
TOOLS="$ROOT/.tools/helm"
BIN="$TOOLS/helm"
STAMP="$TOOLS/helm.stamp"

log() { echo "helm.sh: $*" >&2; }

find_go() {
  if command -v go >/dev/null 2>&1; then
    command -v go
  elif [[ -x /usr/local/go/bin/go ]]; then
    echo /usr/local/go/bin/go
  else
    log "no helm on PATH and no Go toolchain to build one (need go >= 1.24 on PATH or in /usr/local/go)"
    return 1
  fi
}

up_to_date() {
  [[ -x "$BIN" && -f "$STAMP" && "$(cat "$STAMP")" == "$HELM_VERSION" ]]
}

cmd_install() {
  if up_to_date; then
    return 0
  fi
  local go src client_go major minor started
  go="$(find_go)"
  started=$SECONDS
  log "building helm $HELM_VERSION into $BIN from the Go module proxy (first build takes a few minutes)"
  # The module's own directory in the module cache has upstream's go.mod and go.sum: building there
  # uses exactly the dependency versions Helm releases with.
  src="$("$go" mod download -json "helm.sh/helm/v3@$HELM_VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [[ -n "$src" && -d "$src" ]] || { log "could not download helm.sh/helm/v3@$HELM_VERSION"; return 1; }
  # Like upstream's Makefile: the Kubernetes version Helm assumes offline (.Capabilities.KubeVersion for
  # `helm template`, deprecation checks of `helm lint`) follows the client-go it is built with.
  client_go="$(cd "$src" && "$go" list -m -f '{{.Version}}' k8s.io/client-go)"
  client_go="${client_go#v}"
  major=$((${client_go%%.*} + 1))
  minor="$(echo "$client_go" | cut -d. -f2)"
  mkdir -p "$TOOLS"
  local pkg=helm.sh/helm/v3
  (cd "$src" && CGO_ENABLED=0 "$go" build -trimpath -buildvcs=false -o "$BIN.tmp" \
    -ldflags "-s -w -X $pkg/internal/version.version=$HELM_VERSION \
      -X $pkg/pkg/lint/rules.k8sVersionMajor=$major -X $pkg/pkg/lint/rules.k8sVersionMinor=$minor \
      -X $pkg/pkg/chartutil.k8sVersionMajor=$major -X $pkg/pkg/chartutil.k8sVersionMinor=$minor" \
    ./cmd/helm)
  mv -f "$BIN.tmp" "$BIN"
  echo "$HELM_VERSION" >"$STAMP"
  log "built $("$BIN" version --short) in $((SECONDS - started)) s"
}

# Prints the helm to use, building one when there is none.
cmd_path() {
  if [[ -n "${HELM:-}" ]]; then
    echo "$HELM"
    return 0
  fi
  local found
  found="$(command -v helm 2>/dev/null || true)"
  if [[ -n "$found" && "$found" != "$BIN" ]] && "$found" version --short 2>/dev/null | grep -q '^v3\.'; then
    echo "$found"
    return 0
  fi
  cmd_install
  echo "$BIN"
}

case "${1:---path}" in
  --path) cmd_path ;;
  --build) cmd_install ;;
  *)
    helm="$(cmd_path)"
    exec "$helm" "$@"
    ;;
esac
