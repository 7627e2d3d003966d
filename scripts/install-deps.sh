#!/usr/bin/env bash
# Installs every Debian and npm package the project needs. Idempotent: packages already present
# are skipped, so `make run` and `make test` may call it every time.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(
  build-essential cmake ninja-build ccache pkg-config clang-format
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libspdlog-dev libfmt-dev libcli11-dev libtomlplusplus-dev
  libgtest-dev libgmock-dev libbenchmark-dev libsodium-dev liboath-dev libcurl4-openssl-dev
  libpq-dev postgresql-15
  libicu-dev libvoikko-dev voikko-fi libstemmer-dev libroaring-dev zlib1g-dev libxlsxwriter-dev
  libhowardhinnant-date-dev tzdata
  wrk nginx-light curl procps sqlite3
  chromium fonts-dejavu-core
)

missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# Node.js and npm build the web UI. A machine that has Node.js from elsewhere keeps it.
if ! command -v npm > /dev/null; then
  echo "install-deps: installing nodejs npm"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends nodejs npm
fi
