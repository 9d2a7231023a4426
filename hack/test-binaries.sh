#!/usr/bin/env bash
# hack/test-binaries.sh — build (once) and cache the real binaries the tests run
# where no Docker engine and no release downloads are available:
#
#   kube-apiserver, kube-controller-manager, kubectl  (k8s.io/kubernetes)
#   etcd                                              (go.etcd.io/etcd/server/v3)
#   minio, mc                                         (github.com/minio/{minio,mc})
#   helm                                              (helm.sh/helm/v4)
#
# Everything is compiled from upstream Go modules with the local Go toolchain
# and cached outside the repo under ${MOCO4J_CACHE:-$HOME/.cache/moco4j}:
#
#   $CACHE/bin/k8s-<ver>/{kube-apiserver,kube-controller-manager,kubectl}
#   $CACHE/bin/etcd-<ver>/etcd
#   $CACHE/bin/minio-<ver>/minio  (+ symlink mc -> ../mc-<ver>/mc)
#   $CACHE/bin/mc-<ver>/mc
#   $CACHE/bin/helm-<ver>/helm
#   $KUBE_API_TEST_DIR/k8s/<X.Y.Z>-<os>-<arch>/{kube-apiserver,kube-controller-manager,kubectl,etcd}
#       symlinks in the layout fabric8's kube-api-test (io.fabric8:kube-api-test)
#       looks for before it would try to download anything
#   $CACHE/env.sh             the export lines also printed on stdout
#   $CACHE/build-times.log    wall-clock seconds of each cold build
#
# Each build happens in a temp dir under $CACHE/tmp and is moved into place
# only when complete, so an interrupted build never leaves a half cache.
# A cached run only checks that the binaries exist and answer --version.
#
# Usage:
#   hack/test-binaries.sh              build what is missing, print exports
#   hack/test-binaries.sh --print-env  print exports only; fail if not built
#   eval "$(hack/test-binaries.sh)"    (logs go to stderr, exports to stdout)
#
# Versions can be overridden: MOCO4J_K8S_VERSION, MOCO4J_ETCD_VERSION,
# MOCO4J_MINIO_VERSION, MOCO4J_MC_VERSION, MOCO4J_HELM_VERSION. The Go binary: GO or PATH, else
# /usr/local/go/bin/go.
#
# Note on kube-api-test: do NOT set KUBE_API_TEST_OFFLINE_MODE (or
# KUBE_API_TEST_STARTUP_TIMEOUT) as environment variables: kube-api-test 7.x
# casts the env string with Class.cast(...) to Boolean/Integer and fails with
# a ClassCastException. It needs no offline flag here: when the version
# directory exists it uses it and never downloads.
set -euo pipefail

# --- pinned versions -------------------------------------------------------
# Kubernetes v1.36.x: its go.mod says `go 1.26.0`, i.e. it is the release line
# built upstream with Go 1.26. etcd: the version that release pins
# (cmd/kubeadm constants DefaultEtcdVersion / go.mod client version).
# minio/mc have no semver tags; these are the pseudo-versions of the final
# minio master (repository archived) and the latest mc module version.
K8S_VERSION="${MOCO4J_K8S_VERSION:-v1.36.3}"
ETCD_VERSION="${MOCO4J_ETCD_VERSION:-v3.6.8}"
MINIO_VERSION="${MOCO4J_MINIO_VERSION:-v0.0.0-20260212201848-7aac2a2c5b7c}"
MC_VERSION="${MOCO4J_MC_VERSION:-v0.0.0-20250313080218-cf909e1063a9}"
# Helm 4: the charts' lint and template run in the build.
HELM_VERSION="${MOCO4J_HELM_VERSION:-v4.3.1}"

CACHE="${MOCO4J_CACHE:-$HOME/.cache/moco4j}"
BIN="$CACHE/bin"
KUBE_API_TEST_DIR="${KUBE_API_TEST_DIR:-$CACHE/kube-api-test}"
K8S_PLAIN="${K8S_VERSION#v}"          # 1.36.3 (kube-api-test's naming)

K8S_DIR="$BIN/k8s-$K8S_VERSION"
ETCD_DIR="$BIN/etcd-$ETCD_VERSION"
MINIO_DIR="$BIN/minio-$MINIO_VERSION"
MC_DIR="$BIN/mc-$MC_VERSION"
HELM_DIR="$BIN/helm-$HELM_VERSION"
K8S_BINS=(kube-apiserver kube-controller-manager kubectl)

log() { printf '[test-binaries] %s\n' "$*" >&2; }
die() { printf '[test-binaries] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
}

MODE=build
case "${1:-}" in
  "") ;;
  --print-env) MODE=print ;;
  -h|--help) usage; exit 0 ;;
  *) usage; die "unknown argument: $1" ;;
esac

# --- helpers -----------------------------------------------------------------
# True when every named binary in dir exists, is executable and answers
# --version (kubectl: `version --client`).
bins_ok() {
  local dir=$1; shift
  local b
  for b in "$@"; do
    [[ -x "$dir/$b" ]] || return 1
  done
  [[ "${CHECK_VERSION:-1}" == 1 ]] || return 0
  for b in "$@"; do
    case "$b" in
      kubectl) timeout 30 "$dir/$b" version --client >/dev/null 2>&1 || return 1 ;;
      helm) timeout 30 "$dir/$b" version >/dev/null 2>&1 || return 1 ;;
      *) timeout 30 "$dir/$b" --version >/dev/null 2>&1 || return 1 ;;
    esac
  done
}

platform() {
  # kube-api-test: "-" + lower-case os.name + "-" + (amd64|arm64|ppc64le)
  local os arch
  os=$(uname -s | tr '[:upper:]' '[:lower:]')
  case "$(uname -m)" in
    aarch64|arm64) arch=arm64 ;;
    ppc64|ppc64le) arch=ppc64le ;;
    *) arch=amd64 ;;
  esac
  printf '%s-%s' "$os" "$arch"
}
KAT_VERSION_DIR="$KUBE_API_TEST_DIR/k8s/$K8S_PLAIN-$(platform)"

env_lines() {
  cat <<EOF
export MOCO4J_CACHE='$CACHE'
export MOCO4J_K8S_VERSION='$K8S_VERSION'
export MOCO4J_ETCD_VERSION='$ETCD_VERSION'
export MOCO4J_K8S_BIN='$KAT_VERSION_DIR'
export MOCO4J_MINIO_BIN='$MINIO_DIR'
export MOCO4J_HELM='$HELM_DIR/helm'
export KUBE_API_TEST_DIR='$KUBE_API_TEST_DIR'
export KUBE_API_TEST_API_SERVER_VERSION='$K8S_PLAIN'
EOF
}

all_cached() {
  bins_ok "$KAT_VERSION_DIR" "${K8S_BINS[@]}" etcd &&
    bins_ok "$MINIO_DIR" minio mc &&
    bins_ok "$HELM_DIR" helm
}

if [[ $MODE == print ]]; then
  CHECK_VERSION=0 all_cached ||
    die "test binaries for k8s $K8S_VERSION / minio not built yet under $CACHE; run hack/test-binaries.sh"
  env_lines
  exit 0
fi

# --- Go toolchain -------------------------------------------------------------
GO="${GO:-$(command -v go || true)}"
[[ -n "$GO" ]] || GO=/usr/local/go/bin/go
[[ -x "$GO" ]] || die "Go toolchain not found (looked for GO, 'go' on PATH, /usr/local/go/bin/go). Install Go >= 1.26 or set GO=/path/to/go."
GO_VERSION=$("$GO" env GOVERSION) || die "'$GO env GOVERSION' failed"
# Never let go switch toolchains (that would be a download); static binaries.
export GOTOOLCHAIN=local CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -buildvcs=false"
GO_DIR=$(dirname "$GO")
export PATH="$GO_DIR:$PATH"
NICE=(nice -n 10)

mkdir -p "$BIN" "$CACHE/tmp" "$KUBE_API_TEST_DIR/k8s"

# One builder at a time per cache (a second caller waits, then finds the cache).
exec 9>"$CACHE/.lock"
if ! flock -n 9; then
  log "another test-binaries.sh is building in $CACHE; waiting for it"
  flock 9
fi
# Left-overs of builds that were killed (we hold the lock, so none is running).
rm -rf "${CACHE:?}/tmp/"* "${CACHE:?}/tmp/".[!.]* 2>/dev/null || true

TMPDIRS=()
cleanup() {
  local d
  for d in "${TMPDIRS[@]+"${TMPDIRS[@]}"}"; do rm -rf "$d"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

new_tmp() {   # new_tmp NAME: sets NEW_TMP to a fresh temp dir on the cache filesystem
  NEW_TMP=$(mktemp -d "$CACHE/tmp/$1.XXXXXX")
  TMPDIRS+=("$NEW_TMP")
}

# Field of `go mod download -json MOD@VER` (Dir, GoMod, ...).
mod_field() {
  "$GO" mod download -json "$1" | sed -n "s/^[[:space:]]*\"$2\": \"\(.*\)\",\{0,1\}\$/\1/p"
}
# Commit time of a module version, RFC 3339 UTC (e.g. 2026-07-22T18:07:38Z).
mod_time() {
  "$GO" list -m -f '{{.Time.UTC.Format "2006-01-02T15:04:05Z"}}' "$1"
}
# `go` directive of a module's go.mod.
mod_go_version() {
  sed -n 's/^go[[:space:]]\{1,\}\([0-9.]*\).*/\1/p' "$1" | head -n1
}

record_time() {   # record_time WHAT SECONDS
  log "built $1 in $2s"
  printf '%s\t%s\t%ss\t%s\t%s cores\n' "$(date -u +%FT%TZ)" "$1" "$2" "$GO_VERSION" "$(nproc)" \
    >>"$CACHE/build-times.log"
}

install_dir() {   # install_dir TMP_OUT FINAL: atomic move into the cache
  local out=$1 final=$2
  rm -rf "$final"        # only reached when $final failed bins_ok
  mv -T "$out" "$final"
}

# Generates a throw-away main module in $1 that requires MOD@VER with GO directive.
init_mod() {
  local dir=$1 go_directive=$2
  mkdir -p "$dir"
  (cd "$dir" && "$GO" mod init moco4j.local/test-binaries >/dev/null 2>&1 &&
    "$GO" mod edit -go="$go_directive")
}

# --- kube-apiserver, kube-controller-manager, kubectl ------------------------
build_k8s() {
  if bins_ok "$K8S_DIR" "${K8S_BINS[@]}"; then
    log "k8s $K8S_VERSION: cached in $K8S_DIR"
    return
  fi
  log "k8s $K8S_VERSION: building ${K8S_BINS[*]} (cold build takes many minutes)"
  local tmp mod out kdir staging_ver go_directive build_date minor t0 t1 b
  new_tmp "k8s-$K8S_VERSION"; tmp=$NEW_TMP; mod="$tmp/mod"; out="$tmp/out"; mkdir -p "$out"
  t0=$(date +%s)
  kdir=$(mod_field "k8s.io/kubernetes@$K8S_VERSION" Dir)
  [[ -f "$kdir/go.mod" ]] || die "could not download k8s.io/kubernetes@$K8S_VERSION"
  # k8s.io/kubernetes vX.Y.Z  <->  staging modules k8s.io/* v0.Y.Z
  staging_ver="v0.${K8S_VERSION#v*.}"
  minor=$(cut -d. -f2 <<<"$K8S_PLAIN")
  go_directive=$(mod_go_version "$kdir/go.mod")
  init_mod "$mod" "$go_directive"

  # Translate k8s.io/kubernetes's replace directives: local ./staging paths
  # become the published staging module at v0.Y.Z; others are copied.
  local -a edits=() godebugs=()
  local lhs rhs rver
  while read -r lhs rhs rver; do
    [[ -n "$lhs" ]] || continue
    if [[ "$rhs" == ./* || "$rhs" == ../* ]]; then
      edits+=("-replace=$lhs=$lhs@$staging_ver")
    else
      edits+=("-replace=$lhs=$rhs@$rver")
    fi
  done < <(awk '
      /^replace[[:space:]]*\(/ { inblk=1; next }
      inblk && /^\)/ { inblk=0; next }
      inblk && /=>/ { sub(/=>/, " "); print $1, $2, $3; next }
      /^replace[[:space:]]+[^(]/ && /=>/ { sub(/^replace[[:space:]]+/, ""); sub(/=>/, " "); print $1, $2, $3 }
    ' "$kdir/go.mod")
  ((${#edits[@]} > 0)) || die "no replace directives found in k8s.io/kubernetes@$K8S_VERSION go.mod"
  # keep upstream's GODEBUG defaults (e.g. `godebug default=go1.26`)
  while read -r kv; do [[ -n "$kv" ]] && godebugs+=("-godebug=$kv"); done \
    < <(sed -n 's/^godebug[[:space:]]\{1,\}\([^ (]*=[^ ]*\).*/\1/p' "$kdir/go.mod")
  log "k8s: ${#edits[@]} replace directives from k8s.io/kubernetes go.mod -> $staging_ver"
  local -a pkgs=()
  for b in "${K8S_BINS[@]}"; do pkgs+=("k8s.io/kubernetes/cmd/$b@$K8S_VERSION"); done
  (cd "$mod" && "$GO" mod edit "${edits[@]}" "${godebugs[@]+"${godebugs[@]}"}" &&
    "${NICE[@]}" "$GO" get "${pkgs[@]}" 2>&1 | tail -n 3 >&2) ||
    die "resolving k8s.io/kubernetes@$K8S_VERSION modules failed"
  grep -qE "k8s\.io/kubernetes $K8S_VERSION( |\$)" "$mod/go.mod" ||
    die "k8s.io/kubernetes was not resolved to $K8S_VERSION (see $mod/go.mod)"
  build_date=$(cd "$mod" && mod_time "k8s.io/kubernetes@$K8S_VERSION")
  local ld="-s -w" pkg
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld+=" -X $pkg.gitVersion=$K8S_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
    ld+=" -X $pkg.buildDate=$build_date -X $pkg.gitTreeState=clean"
  done
  log "k8s: resolved modules in $(($(date +%s) - t0))s"
  for b in "${K8S_BINS[@]}"; do
    t1=$(date +%s)
    (cd "$mod" && "${NICE[@]}" "$GO" build -trimpath -ldflags "$ld" -o "$out/$b" "k8s.io/kubernetes/cmd/$b") ||
      die "go build k8s.io/kubernetes/cmd/$b@$K8S_VERSION failed"
    record_time "$b $K8S_VERSION" $(($(date +%s) - t1))
  done
  bins_ok "$out" "${K8S_BINS[@]}" || die "freshly built k8s binaries do not run"
  log "k8s: $("$out/kube-apiserver" --version)"
  install_dir "$out" "$K8S_DIR"
  record_time "k8s total $K8S_VERSION" $(($(date +%s) - t0))
}

# --- etcd ----------------------------------------------------------------------
build_etcd() {
  if bins_ok "$ETCD_DIR" etcd; then
    log "etcd $ETCD_VERSION: cached in $ETCD_DIR"
    return
  fi
  log "etcd $ETCD_VERSION: building"
  local tmp mod out edir t0
  new_tmp "etcd-$ETCD_VERSION"; tmp=$NEW_TMP; mod="$tmp/mod"; out="$tmp/out"; mkdir -p "$out"
  t0=$(date +%s)
  edir=$(mod_field "go.etcd.io/etcd/server/v3@$ETCD_VERSION" Dir)
  [[ -f "$edir/go.mod" ]] || die "could not download go.etcd.io/etcd/server/v3@$ETCD_VERSION"
  # server/v3's go.mod replaces its sibling modules with ../ paths (so no
  # `go install pkg@ver`); it also requires them at the same version, so a
  # plain require in a throw-away module resolves the same code.
  init_mod "$mod" "$(mod_go_version "$edir/go.mod")"
  (cd "$mod" && "${NICE[@]}" "$GO" get "go.etcd.io/etcd/server/v3@$ETCD_VERSION" 2>&1 | tail -n 3 >&2) ||
    die "resolving go.etcd.io/etcd/server/v3@$ETCD_VERSION failed"
  (cd "$mod" && "${NICE[@]}" "$GO" build -trimpath \
    -ldflags "-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=$ETCD_VERSION" \
    -o "$out/etcd" go.etcd.io/etcd/server/v3) || die "go build etcd $ETCD_VERSION failed"
  bins_ok "$out" etcd || die "freshly built etcd does not run"
  install_dir "$out" "$ETCD_DIR"
  record_time "etcd $ETCD_VERSION" $(($(date +%s) - t0))
}

# --- minio, mc ---------------------------------------------------------------
# Both modules have no replace directives, so `go install pkg@version` builds
# exactly their go.mod's dependency set. Version ldflags mirror upstream's
# buildscripts/gen-ldflags.go, from the pseudo-version's commit time.
build_minio_like() {   # NAME MODULE VERSION FINAL_DIR
  local name=$1 module=$2 ver=$3 final=$4
  if bins_ok "$final" "$name"; then
    log "$name $ver: cached in $final"
    return
  fi
  log "$name $ver: building"
  local tmp out t0 ts tag commit
  new_tmp "$name-$ver"; tmp=$NEW_TMP; out="$tmp/out"; mkdir -p "$out"
  t0=$(date +%s)
  ts=$(cd "$tmp" && mod_time "$module@$ver") || die "cannot resolve $module@$ver"
  tag="DEVELOPMENT.${ts//:/-}"
  commit="${ver##*-}"
  local ld="-s -w"
  ld+=" -X $module/cmd.Version=$ts -X $module/cmd.ReleaseTag=$tag"
  ld+=" -X $module/cmd.CommitID=$commit -X $module/cmd.ShortCommitID=$commit"
  ld+=" -X $module/cmd.CopyrightYear=${ts:0:4}"
  (cd "$tmp" && GOBIN="$out" "${NICE[@]}" "$GO" install -trimpath -tags kqueue -ldflags "$ld" "$module@$ver") ||
    die "go install $module@$ver failed"
  bins_ok "$out" "$name" || die "freshly built $name does not run"
  install_dir "$out" "$final"
  record_time "$name $ver" $(($(date +%s) - t0))
}

# --- helm ----------------------------------------------------------------------
# No replace directives in helm's go.mod, so `go install` builds exactly its
# dependency set, and the binary's module info carries the k8s.io/client-go
# version from which helm derives the Kubernetes version it renders for.
build_helm() {
  if bins_ok "$HELM_DIR" helm; then
    log "helm $HELM_VERSION: cached in $HELM_DIR"
    return
  fi
  log "helm $HELM_VERSION: building"
  local tmp out t0 pkg=helm.sh/helm/v4
  new_tmp "helm-$HELM_VERSION"; tmp=$NEW_TMP; out="$tmp/out"; mkdir -p "$out"
  t0=$(date +%s)
  local ld="-s -w -X $pkg/internal/version.version=$HELM_VERSION"
  ld+=" -X $pkg/internal/version.metadata= -X $pkg/internal/version.gitTreeState=clean"
  (cd "$tmp" && GOBIN="$out" "${NICE[@]}" "$GO" install -trimpath -ldflags "$ld" "$pkg/cmd/helm@$HELM_VERSION") ||
    die "go install $pkg/cmd/helm@$HELM_VERSION failed"
  bins_ok "$out" helm || die "freshly built helm does not run"
  install_dir "$out" "$HELM_DIR"
  record_time "helm $HELM_VERSION" $(($(date +%s) - t0))
}

# --- layout --------------------------------------------------------------------
link_into() {   # link_into DIR NAME TARGET: atomically (re)point DIR/NAME at TARGET
  local dir=$1 name=$2 target=$3
  [[ "$(readlink "$dir/$name" 2>/dev/null)" == "$target" ]] && return
  ln -sfn "$target" "$dir/.$name.tmp"
  mv -Tf "$dir/.$name.tmp" "$dir/$name"
}

layout() {
  # kube-api-test (BinaryManager): $KUBE_API_TEST_DIR/k8s/<X.Y.Z>-<os>-<arch>/
  # holding files named etcd, kube-apiserver, kubectl (existence is checked;
  # symlinks are fine). kube-controller-manager is added for our own tests.
  mkdir -p "$KAT_VERSION_DIR"
  local b
  for b in "${K8S_BINS[@]}"; do link_into "$KAT_VERSION_DIR" "$b" "$K8S_DIR/$b"; done
  link_into "$KAT_VERSION_DIR" etcd "$ETCD_DIR/etcd"
  link_into "$MINIO_DIR" mc "$MC_DIR/mc"
}

# --- main ------------------------------------------------------------------------
START=$(date +%s)
log "cache: $CACHE  go: $GO_VERSION ($GO)"
build_etcd
build_minio_like mc github.com/minio/mc "$MC_VERSION" "$MC_DIR"
build_minio_like minio github.com/minio/minio "$MINIO_VERSION" "$MINIO_DIR"
build_k8s
build_helm
layout
all_cached || die "binaries are in place but do not all answer --version; see $CACHE"
env_lines >"$CACHE/env.sh.tmp" && mv -f "$CACHE/env.sh.tmp" "$CACHE/env.sh"
log "ready in $(($(date +%s) - START))s; exports also in $CACHE/env.sh"
env_lines
