#!/usr/bin/env bash
# Installs every Debian 12 package liftshift needs to build, to build its test
# fixtures and sample (mcs, mingw-w64, hivex), and to run its tests.
# Idempotent: installs only what is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git xz-utils file
  libpugixml-dev nlohmann-json3-dev libcli11-dev libfmt-dev libtbb-dev
  libyaml-cpp-dev libsqlite3-dev libhivex-dev libvhdi-dev libvmdk-dev libfsntfs-dev libbfio-dev
  libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  mono-mcs mono-devel
  libmono-system-messaging4.0-cil libmono-system-serviceprocess4.0-cil
  libmono-system-windows-forms4.0-cil libmono-system-web4.0-cil
  libmono-system-servicemodel4.0a-cil libmono-system-ldap4.0-cil
  libmono-system-drawing4.0-cil libmono-system-transactions4.0-cil
  libmono-system-enterpriseservices4.0-cil
  mingw-w64 lld llvm libhivex-bin ntfs-3g attr qemu-utils fdisk ewf-tools
  yamllint time python3-pefile
  unicode-cldr-core
  chromium fonts-dejavu-core
  libpq-dev postgresql
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# npm comes with some nodejs builds (NodeSource) and conflicts with Debian's npm
# package there: ask for Debian's npm only when there is no npm command.
if ! command -v node >/dev/null 2>&1; then
  missing+=(nodejs)
fi
if ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi

if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  echo "liftshift setup: installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# The validators the tests run on generated artifacts (tools/validators):
# pinned npm packages, installed from package-lock.json into that folder only.
validators="$(cd "$(dirname "$0")/.." && pwd)/tools/validators"
if [[ ! -f "$validators/node_modules/.package-lock.json" ||
      "$validators/package-lock.json" -nt "$validators/node_modules/.package-lock.json" ]]; then
  echo "liftshift setup: installing the artifact validators (npm ci in tools/validators)" >&2
  npm ci --prefix "$validators" --no-audit --no-fund --loglevel=error >/dev/null
fi

# kubectl renders the Kustomize overlays in the tests (kubectl kustomize, no
# cluster). Not installed here: Debian 12's kubernetes-client is kubectl 1.20
# with Kustomize v2.0.3, which reads neither a folder in `resources` nor
# `patches:` (checked), so it cannot render what liftshift writes; those tests
# skip without a kubectl whose Kustomize is v4+ (and fail under CI=true).
if ! command -v kubectl >/dev/null 2>&1; then
  echo "liftshift setup: no kubectl on PATH: the Kustomize tests will skip (install kubectl" \
       "1.21 or later from pkgs.k8s.io)" >&2
fi

# PowerShell 7 for the tests that parse every emitted PowerShell snippet with
# PowerShell's own parser: a .NET global tool (~/.dotnet/tools/pwsh), installed
# when the .NET SDK is on PATH and pwsh is not there yet.
if command -v dotnet >/dev/null 2>&1 && [[ ! -x "$HOME/.dotnet/tools/pwsh" ]] &&
   ! command -v pwsh >/dev/null 2>&1; then
  echo "liftshift setup: installing PowerShell 7.6.9 (dotnet tool install --global PowerShell)" >&2
  dotnet tool install --global PowerShell --version 7.6.9 >/dev/null
fi
