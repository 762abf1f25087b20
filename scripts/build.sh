#!/usr/bin/env bash
# Configures and builds the server, the console and the test suites (RelWithDebInfo, Ninja).
#
# Usage: scripts/build.sh [CMAKE_OPTION...]
#   Extra options go to the cmake configure step after the defaults, so they win, for example
#   scripts/build.sh -DILEADX_WARNINGS_AS_ERRORS=ON
#
# Environment:
#   ILEADX_BUILD_DIR    build folder (default: build/ in the repository)
#   ILEADX_BUILD_JOBS   parallel compile jobs (default: the number of cores, nproc)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${ILEADX_BUILD_DIR:-$repo/build}
jobs=${ILEADX_BUILD_JOBS:-$(nproc)}

if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi

# Every option is passed on each run because a reused build folder keeps the values of an earlier
# configure in CMakeCache.txt, and a build must not depend on what ran before it.
cmake -S "$repo" -B "$build_dir" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DILEADX_BUILD_SERVER=ON \
    -DILEADX_BUILD_CONSOLE=ON \
    -DILEADX_BUILD_TESTS=ON \
    -DILEADX_WARNINGS_AS_ERRORS=OFF \
    "$@"

ninja -C "$build_dir" -j "$jobs"
