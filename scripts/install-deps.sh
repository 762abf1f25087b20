#!/usr/bin/env bash
# Installs the Debian 12 packages that building, running and testing iLeadX need.
#
# Usage: scripts/install-deps.sh [--with-bench]
#   --with-bench   also install what bench/run-all.sh needs (nginx, wrk, openssl)
#
# Only packages that dpkg does not list as installed are passed to apt-get, so a second run
# finishes in about a second without touching the network. Runs apt-get through sudo unless
# already root.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config git
    # Qt 6 for the console and for Qt Test, which every test suite uses
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
    libqt6sql6-sqlite qt6-svg-dev libgl-dev
    # server libraries
    libpoco-dev libpq-dev libssl-dev libsqlite3-dev libsodium-dev liboath-dev libqrencode-dev prometheus-cpp-dev
    # lead engine: HTML parsing, linear-time regular expressions, phone numbers
    libgumbo-dev libre2-dev libphonenumber-dev
    # lead engine crawler: the public suffix list, to tell a business's own site from other domains
    libpsl-dev publicsuffix
    # zlib for the crawler's bounded gzip and deflate decoding
    zlib1g-dev
    # test tools: a YAML parser for docs/openapi.yaml, reference Argon2 and TOTP implementations,
    # PostgreSQL, promtool (package prometheus) to check /metrics, a virtual X display
    libyaml-cpp-dev argon2 oathtool postgresql postgresql-client prometheus xvfb xauth curl sqlite3
    # packaging tests: cpack's .deb checks, lintian, systemd-analyze, desktop-file-validate
    dpkg-dev file lintian systemd desktop-file-utils
)

case "${1:-}" in
    "") ;;
    --with-bench) packages+=(nginx-light wrk openssl) ;;
    -h | --help)
        sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "install-deps.sh: unknown option '$1'; use --with-bench or --help" >&2
        exit 2
        ;;
esac

if ! command -v dpkg-query > /dev/null || ! command -v apt-get > /dev/null; then
    echo "install-deps.sh: dpkg-query and apt-get not found; this script supports Debian 12 only." >&2
    echo "Install the packages listed in $0 with your system's package manager." >&2
    exit 1
fi

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query --show --showformat='${db:Status-Status}' "$package" 2> /dev/null || true)
    if [[ "$status" != installed ]]; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    echo "install-deps.sh: all ${#packages[@]} required Debian packages are installed."
    exit 0
fi

if ((EUID == 0)); then
    as_root=()
elif command -v sudo > /dev/null; then
    as_root=(sudo)
else
    echo "install-deps.sh: missing packages: ${missing[*]}" >&2
    echo "Run this script as root, or install sudo, to install them." >&2
    exit 1
fi

echo "install-deps.sh: installing ${#missing[@]} missing packages: ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install --yes --no-install-recommends "${missing[@]}"
