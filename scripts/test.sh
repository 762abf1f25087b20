#!/usr/bin/env bash
# Installs the dependencies, builds everything with warnings as errors, starts a throwaway
# PostgreSQL server on 127.0.0.1 and runs every test suite with ctest. The PostgreSQL server and
# its folder are removed on exit, also after a failure or Ctrl+C. Exits with ctest's status.
#
# Usage: scripts/test.sh [CTEST_OPTION...]
#   Extra options go to ctest, for example scripts/test.sh -R Storage
#
# Environment: ILEADX_BUILD_DIR and ILEADX_BUILD_JOBS as for scripts/build.sh.
#
# Works as root (PostgreSQL then runs as the 'postgres' system user, because initdb rejects root)
# and as a normal user, who needs sudo only when packages are missing.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${ILEADX_BUILD_DIR:-$repo/build}

if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi

"$repo/scripts/install-deps.sh"
"$repo/scripts/build.sh" -DILEADX_WARNINGS_AS_ERRORS=ON

# Debian 12 ships PostgreSQL 15. The newest installed version is used when 15 is absent.
postgres_bin=/usr/lib/postgresql/15/bin
if [[ ! -x "$postgres_bin/initdb" ]]; then
    postgres_bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -n 1 || true)
fi
if [[ -z "$postgres_bin" || ! -x "$postgres_bin/initdb" ]]; then
    echo "test.sh: PostgreSQL's initdb not found under /usr/lib/postgresql; install the postgresql package." >&2
    exit 1
fi

if ((EUID == 0)); then
    if ! id postgres > /dev/null 2>&1; then
        echo "test.sh: the 'postgres' system user is missing; reinstall the postgresql-common package." >&2
        exit 1
    fi
    as_postgres=(runuser -u postgres --)
else
    as_postgres=()
fi

pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/ileadx-test-postgres.XXXXXX")
if ((EUID == 0)); then
    chown postgres: "$pg_dir"
fi
pg_started=no

# Runs a PostgreSQL program as the cluster's owner. It starts in the cluster's folder because the
# 'postgres' user may not be allowed to enter the caller's current folder.
as_cluster_owner() {
    (cd "$pg_dir" && "${as_postgres[@]}" "$@")
}

stop_postgres() {
    if [[ "$pg_started" == yes ]]; then
        as_cluster_owner "$postgres_bin/pg_ctl" stop -D "$pg_dir/data" -m fast -w > /dev/null || true
    fi
    rm -rf "$pg_dir"
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "test.sh: creating a PostgreSQL cluster in $pg_dir"
# Trust authentication is safe here because the server listens on 127.0.0.1 only and its Unix
# socket lies in a folder that only the cluster's owner can open.
as_cluster_owner "$postgres_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C --no-sync > "$pg_dir/initdb.log" 2>&1 || {
    cat "$pg_dir/initdb.log" >&2
    echo "test.sh: initdb failed; its output is above." >&2
    exit 1
}

# A random port could be in use, so a failed start is retried on another one. The cluster is
# thrown away after the run, so durability settings are off to make database creation fast.
port=
for attempt in 1 2 3 4 5; do
    candidate=$((20000 + RANDOM % 40000))
    if (exec 3<> "/dev/tcp/127.0.0.1/$candidate") 2> /dev/null; then
        continue
    fi
    if as_cluster_owner "$postgres_bin/pg_ctl" start -D "$pg_dir/data" -w -t 60 \
        -l "$pg_dir/postgres.log" \
        -o "-c listen_addresses=127.0.0.1 -p $candidate -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        > /dev/null; then
        port=$candidate
        pg_started=yes
        break
    fi
    echo "test.sh: PostgreSQL did not start on port $candidate (attempt $attempt of 5)." >&2
done
if [[ -z "$port" ]]; then
    cat "$pg_dir/postgres.log" >&2 || true
    echo "test.sh: PostgreSQL failed to start; its log is above." >&2
    exit 1
fi
echo "test.sh: PostgreSQL $("$postgres_bin/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$port"

export ILEADX_TEST_POSTGRES="postgresql:host=127.0.0.1 port=$port user=postgres dbname=postgres"
export ILEADX_REQUIRE_POSTGRES=1
# Tests that call an external tool, such as promtool, fail instead of skipping when it is missing.
export ILEADX_REQUIRE_TOOLS=1
export QT_QPA_PLATFORM=offscreen

status=0
ctest --test-dir "$build_dir" --output-on-failure "$@" || status=$?
exit "$status"
