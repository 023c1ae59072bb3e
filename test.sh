#!/usr/bin/env bash
# Runs every test of Parallax, the quality gate included, on a fresh machine.
# It installs or starts whatever the tests need (Debian's chromium for the browser tests) and stops it after.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need_chromium=1
if [[ "${PARALLAX_SKIP_BROWSER:-0}" == "1" ]]; then need_chromium=0; fi
if [[ $need_chromium == 1 ]] && ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing Debian's chromium for the browser tests" >&2
  if [[ $(id -u) == 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq >/dev/null || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

dotnet build Parallax.slnx -c Release -nologo -clp:ErrorsOnly
dotnet test Parallax.slnx -c Release --no-build --nologo "$@"
