#!/usr/bin/env bash
# Builds the Debian packages with cpack and checks them. tests/installer/CMakeLists.txt registers
# one ctest test per command; the "build" command is their fixture and runs first.
#
# Usage: check-packages.sh COMMAND BUILD_DIR PACKAGE_DIR
#   build             run cpack in BUILD_DIR, write the packages to PACKAGE_DIR and unpack them there
#   server-contents   files, control fields, conffiles and maintainer scripts of ileadx-server
#   console-contents  files and control fields of ileadx-console
#   no-secrets        no private keys, signing keys or databases in any package
#   lintian           lintian on every package; errors fail, warnings are printed
#   unit              systemd-analyze verify on the unit, inside the unpacked server package
#   desktop-entry     desktop-file-validate on the .desktop entry; its icon and binary exist
#   server-runs       the unpacked server binary: --help, the default configuration, first start
#
# Environment: ILEADX_PACKAGE_VERSION is the expected package version (the project version).
set -euo pipefail

if (($# != 3)); then
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi

command=$1
build_dir=$2
package_dir=$3
expected_version=${ILEADX_PACKAGE_VERSION:-}

failures=0

# Throwaway folder of the commands that need one, and the server started in the background. The
# exit trap removes both, also when a check aborts.
work=
server_pid=
cleanup() {
    if [[ -n "$server_pid" ]]; then
        kill -KILL "$server_pid" 2> /dev/null || true
    fi
    if [[ -n "$work" ]]; then
        rm -rf "$work"
    fi
}
trap cleanup EXIT

# Records a failed check and goes on, so one run lists every problem.
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# Stops at once, for a missing precondition that makes later checks meaningless.
abort() {
    echo "FAIL: $*" >&2
    exit 1
}

require_tool() {
    local tool=$1 package=$2
    if ! command -v "$tool" > /dev/null; then
        abort "$tool not found; install the Debian package '$package' (scripts/install-deps.sh lists it)"
    fi
}

finish() {
    if ((failures > 0)); then
        echo "$command: $failures check(s) failed" >&2
        exit 1
    fi
    echo "$command: all checks passed"
}

# Prints the path of the one .deb of PACKAGE in the package folder.
deb_of() {
    local package=$1
    local matches=("$package_dir/${package}_"*.deb)
    if [[ ! -f "${matches[0]}" ]]; then
        abort "no ${package}_*.deb in $package_dir; run the PackagesBuild test (check-packages.sh build) first"
    fi
    if ((${#matches[@]} > 1)); then
        abort "more than one ${package}_*.deb in $package_dir (${matches[*]}); rerun the PackagesBuild test, which empties the folder first"
    fi
    echo "${matches[0]}"
}

# Unpacked file tree of PACKAGE, written by the build command.
root_of() {
    echo "$package_dir/root/$1"
}

# Checks that the package's file list (dpkg-deb -c) contains each given path.
expect_files() {
    local deb=$1
    shift
    local listing
    listing=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|')
    local path
    for path in "$@"; do
        if ! grep -qxF "$path" <<< "$listing"; then
            fail "$(basename "$deb") does not contain $path"
        fi
    done
}

# Checks one control field (dpkg-deb -f) for an exact value.
expect_field() {
    local deb=$1 field=$2 expected=$3
    local actual
    actual=$(dpkg-deb -f "$deb" "$field")
    if [[ "$actual" != "$expected" ]]; then
        fail "$(basename "$deb"): $field is '$actual', expected '$expected'"
    fi
}

# Checks that the Depends field names a package whose name starts with PREFIX.
expect_dependency() {
    local deb=$1 prefix=$2
    local depends
    depends=$(dpkg-deb -f "$deb" Depends)
    if ! tr ',' '\n' <<< "$depends" | sed 's/^ *//' | grep -q "^$prefix"; then
        fail "$(basename "$deb"): Depends has no '$prefix*' entry: $depends"
    fi
}

expect_common_fields() {
    local deb=$1 package=$2 section=$3
    expect_field "$deb" Package "$package"
    if [[ -n "$expected_version" ]]; then
        expect_field "$deb" Version "$expected_version"
    fi
    expect_field "$deb" Section "$section"
    expect_field "$deb" Priority optional
    expect_field "$deb" Source ileadx
    if [[ -z "$(dpkg-deb -f "$deb" Maintainer)" ]]; then
        fail "$(basename "$deb"): no Maintainer field"
    fi
    if [[ "$(dpkg-deb -f "$deb" Description | wc -l)" -lt 2 ]]; then
        fail "$(basename "$deb"): Description has no extended description"
    fi
    # dpkg-shlibdeps writes versioned library dependencies, and every binary needs libc6.
    expect_dependency "$deb" "libc6 (>="
    expect_files "$deb" "/usr/share/doc/$package/copyright" "/usr/share/doc/$package/changelog.gz" \
        "/usr/share/man/man1/$package.1.gz"
}

expect_stripped() {
    local binary=$1
    local description
    description=$(file -b "$binary")
    if [[ "$description" != *", stripped"* ]]; then
        fail "$binary is not stripped: $description"
    fi
}

command_build() {
    require_tool cpack cmake
    require_tool dpkg-shlibdeps dpkg-dev
    require_tool file file

    rm -rf "$package_dir"
    mkdir -p "$package_dir"

    # cpack reads CPackConfig.cmake from the current folder and installs from the build tree, so
    # it must run there. -B keeps the packages and the staging folder out of the build tree.
    local log=$package_dir/cpack.log
    if ! (cd "$build_dir" && cpack -B "$package_dir") > "$log" 2>&1; then
        cat "$log" >&2
        abort "cpack failed; its output is above"
    fi
    rm -rf "$package_dir/_CPack_Packages"

    local deb package
    for deb in "$package_dir"/*.deb; do
        [[ -f "$deb" ]] || abort "cpack wrote no .deb file to $package_dir; see its output in $log"
        package=$(dpkg-deb -f "$deb" Package)
        mkdir -p "$(root_of "$package")" "$package_dir/control/$package"
        dpkg-deb -x "$deb" "$(root_of "$package")"
        dpkg-deb -e "$deb" "$package_dir/control/$package"
        echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"
    done
}

command_server_contents() {
    require_tool file file
    local deb root control
    deb=$(deb_of ileadx-server)
    root=$(root_of ileadx-server)
    control=$package_dir/control/ileadx-server

    expect_files "$deb" \
        /usr/bin/ileadx-server \
        /usr/share/ileadx/common-passwords.txt \
        /usr/share/ileadx/technologies.json \
        /usr/share/ileadx/demo/listings.csv \
        /etc/ileadx/ileadx-server.properties \
        /lib/systemd/system/ileadx-server.service \
        /usr/share/doc/ileadx-server/operations.md
    expect_common_fields "$deb" ileadx-server web
    expect_dependency "$deb" "libpoco"
    expect_dependency "$deb" "libsodium"
    expect_dependency "$deb" "libphonenumber"
    expect_dependency "$deb" "libgumbo"
    expect_dependency "$deb" "adduser"
    expect_stripped "$root/usr/bin/ileadx-server"

    if ! grep -qxF /etc/ileadx/ileadx-server.properties "$control/conffiles" 2> /dev/null; then
        fail "conffiles does not list /etc/ileadx/ileadx-server.properties"
    fi

    local script
    for script in postinst prerm postrm; do
        if [[ ! -x "$control/$script" ]]; then
            fail "maintainer script $script is missing or not executable"
        elif ! sh -n "$control/$script"; then
            fail "maintainer script $script has a shell syntax error"
        fi
    done
    # systemctl must only run when systemd is PID 1, so installing into a chroot works.
    if ! grep -q '/run/systemd/system' "$control/postinst"; then
        fail "postinst does not check for a running systemd before calling systemctl"
    fi

    local unit=$root/lib/systemd/system/ileadx-server.service
    local directive
    for directive in \
        "User=ileadx" "Group=ileadx" \
        "ExecStart=/usr/bin/ileadx-server --config=/etc/ileadx/ileadx-server.properties" \
        "Restart=on-failure" "KillSignal=SIGTERM" "StateDirectory=ileadx" \
        "ProtectSystem=strict" "ProtectHome=yes" "PrivateTmp=yes" "NoNewPrivileges=yes" \
        "CapabilityBoundingSet=" "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX" \
        "SystemCallFilter=@system-service"; do
        if ! grep -qxF "$directive" "$unit"; then
            fail "ileadx-server.service lacks the line '$directive'"
        fi
    done
}

command_console_contents() {
    require_tool file file
    local deb root
    deb=$(deb_of ileadx-console)
    root=$(root_of ileadx-console)

    expect_files "$deb" \
        /usr/bin/ileadx-console \
        /usr/share/applications/ileadx-console.desktop \
        /usr/share/icons/hicolor/scalable/apps/ileadx-console.svg
    expect_common_fields "$deb" ileadx-console misc
    expect_dependency "$deb" "libqt6widgets6"
    expect_dependency "$deb" "libqt6sql6-sqlite"
    expect_stripped "$root/usr/bin/ileadx-console"

    # The translations are compiled into the binary as Qt resources under :/i18n, so the package
    # ships no .qm files. Resource names are stored in UTF-16BE.
    local name
    for name in ileadx_de.qm ileadx_en.qm; do
        local utf16
        utf16=$(sed 's/./\\x00&/g' <<< "$name")
        if ! LC_ALL=C grep -qaP "$utf16" "$root/usr/bin/ileadx-console"; then
            fail "ileadx-console has no embedded resource named $name"
        fi
    done
}

command_no_secrets() {
    local package root
    if [[ ! -d "$package_dir/root" ]] || [[ -z "$(ls -A "$package_dir/root")" ]]; then
        abort "no unpacked packages in $package_dir/root; run the PackagesBuild test first"
    fi
    for root in "$package_dir"/root/*; do
        package=$(basename "$root")
        # Names of what the server creates at first start, and of key and database files in general.
        local found
        found=$(find "$root" -type f \( -name '*.key' -o -name '*.pem' -o -name '*.crt' -o -name '*.p12' \
            -o -name '*.pfx' -o -name '*.db' -o -name '*.db-wal' -o -name '*.sqlite' -o -name 'jwt*' \) -print)
        if [[ -n "$found" ]]; then
            fail "$package contains key, certificate or database files: $found"
        fi
        if grep -rlaE -- '-----BEGIN ([A-Z]+ )?PRIVATE KEY-----' "$root" > /dev/null; then
            fail "$package contains a PEM private key: $(grep -rlaE -- '-----BEGIN ([A-Z]+ )?PRIVATE KEY-----' "$root")"
        fi
    done
}

command_lintian() {
    require_tool lintian lintian
    local deb output status
    for deb in "$package_dir"/*.deb; do
        status=0
        # --fail-on error makes lintian exit non-zero for E: tags only. W: tags are printed for the
        # reader.
        output=$(lintian --fail-on error "$deb" 2>&1) || status=$?
        if [[ -n "$output" ]]; then
            echo "lintian $(basename "$deb"):"
            echo "$output"
        fi
        if ((status != 0)); then
            fail "lintian reported errors (E:) for $(basename "$deb"), exit status $status"
        fi
    done
}

command_unit() {
    require_tool systemd-analyze systemd
    local unit_name=ileadx-server.service

    # With --root, systemd-analyze looks for ExecStart=/usr/bin/ileadx-server inside the unpacked
    # package instead of on this machine. The targets the unit refers to (multi-user.target,
    # network-online.target) come from this machine's systemd, copied into the same throwaway root.
    work=$(mktemp -d "${TMPDIR:-/tmp}/ileadx-unit.XXXXXX")
    cp -a "$(root_of ileadx-server)/." "$work/"
    cp -a /usr/lib/systemd/system/. "$work/lib/systemd/system/"
    cp "$(root_of ileadx-server)/lib/systemd/system/$unit_name" "$work/lib/systemd/system/$unit_name"

    local output status=0
    output=$(systemd-analyze verify --root="$work" "$work/lib/systemd/system/$unit_name" 2>&1) || status=$?
    # An unknown key or a value systemd cannot parse is only printed, with exit status 0, so any
    # output counts as a failure.
    if ((status != 0)) || [[ -n "$output" ]]; then
        echo "$output" >&2
        fail "systemd-analyze verify reported problems with $unit_name (exit status $status)"
    fi

    # The exposure score is only informational. `systemd-analyze security` lists each protection.
    systemd-analyze security --offline=true --root="$work" "$work/lib/systemd/system/$unit_name" 2>&1 |
        tail -n 1 || true
}

command_desktop_entry() {
    require_tool desktop-file-validate desktop-file-utils
    local root
    root=$(root_of ileadx-console)
    local entry=$root/usr/share/applications/ileadx-console.desktop

    local output status=0
    output=$(desktop-file-validate "$entry" 2>&1) || status=$?
    # Hints and warnings are printed with exit status 0, so any output counts as a failure.
    if ((status != 0)) || [[ -n "$output" ]]; then
        echo "$output" >&2
        fail "desktop-file-validate reported problems with ileadx-console.desktop (exit status $status)"
    fi

    local icon exec
    icon=$(sed -n 's/^Icon=//p' "$entry")
    exec=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$entry")
    if [[ ! -f "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ]]; then
        fail "Icon=$icon has no $icon.svg in the hicolor theme of the package"
    fi
    if [[ ! -x "$root/usr/bin/$exec" ]]; then
        fail "Exec=$exec is not a program in /usr/bin of the package"
    fi
}

# Starts the unpacked server in the background with the packaged configuration and a throwaway data
# folder, waits until it listens, sends one HTTPS request and stops it with SIGTERM. Its standard
# output is left in OUT.
run_server_once() {
    local server=$1 config=$2 data=$3 resources=$4 out=$5
    "$server" --config="$config" --data-dir="$data" --set=resources.dir="$resources" --port=0 \
        > "$out" 2> "$out.stderr" &
    server_pid=$!

    local waited=0
    while ! grep -q '^listening on https://' "$out"; do
        if ! kill -0 "$server_pid" 2> /dev/null; then
            cat "$out" "$out.stderr" >&2
            fail "the server exited before it listened; its output is above"
            wait "$server_pid" || true
            server_pid=
            return
        fi
        if ((waited >= 300)); then
            fail "the server did not listen within 30 seconds"
            return
        fi
        sleep 0.1
        waited=$((waited + 1))
    done

    # The self-signed certificate names 127.0.0.1, so curl can verify it. /api/v1/me without a
    # token must be rejected with 401 by the running server.
    local url status
    url=$(sed -n 's|^listening on \(https://[^ ]*\)$|\1|p' "$out")
    status=$(curl --silent --output /dev/null --write-out '%{http_code}' --max-time 10 \
        --cacert "$data/server-certificate.pem" "$url/api/v1/me" || true)
    if [[ "$status" != 401 ]]; then
        fail "GET $url/api/v1/me without a token returned HTTP status '$status', expected 401"
    fi

    kill -TERM "$server_pid"
    local exit_status=0
    wait "$server_pid" || exit_status=$?
    server_pid=
    if ((exit_status != 0)); then
        cat "$out.stderr" >&2
        fail "the server exited with status $exit_status after SIGTERM, expected 0"
    fi
}

command_server_runs() {
    require_tool curl curl
    local root
    root=$(root_of ileadx-server)
    local server=$root/usr/bin/ileadx-server
    local config=$root/etc/ileadx/ileadx-server.properties
    local resources=$root/usr/share/ileadx

    local help
    if ! help=$("$server" --help); then
        abort "$server --help failed"
    fi
    if ! grep -q '^Configuration keys' <<< "$help"; then
        fail "ileadx-server --help lists no configuration keys"
    fi

    # Every key of --help must appear in the packaged configuration, commented out or set, and the
    # file must not name a key the server does not read.
    local help_keys config_keys
    help_keys=$(sed -n '/^Configuration keys/,$p' <<< "$help" | sed -n 's/^  \([a-z][A-Za-z]*\.[A-Za-z.]*\) .*/\1/p' | sort)
    config_keys=$(sed -n 's/^#\{0,1\} *\([a-z][A-Za-z]*\.[A-Za-z.]*\) *=.*/\1/p' "$config" | sort -u)
    if [[ -z "$help_keys" ]]; then
        fail "no configuration keys found in the output of ileadx-server --help"
    fi
    local missing unknown
    missing=$(comm -23 <(echo "$help_keys") <(echo "$config_keys"))
    unknown=$(comm -13 <(echo "$help_keys") <(echo "$config_keys"))
    if [[ -n "$missing" ]]; then
        fail "ileadx-server.properties lacks these keys of --help: $(echo $missing)"
    fi
    if [[ -n "$unknown" ]]; then
        fail "ileadx-server.properties names keys that --help does not list: $(echo $unknown)"
    fi
    # A commented-out key shows the built-in default that --help prints on the line below the key.
    local key default expected
    while read -r key default; do
        if grep -q "^$key = " "$config"; then
            continue
        fi
        expected="# $key = $default"
        if [[ "$default" == "(empty)" ]]; then
            expected="# $key ="
        fi
        if ! grep -qxF "$expected" "$config"; then
            fail "ileadx-server.properties lacks the line '$expected' with the default that --help prints"
        fi
    done < <(sed -n '/^Configuration keys/,$p' <<< "$help" |
        awk '/^  [a-z]/ { key = $1 } /^ +unit: / { sub(/.*default: /, ""); sub(/, environment: .*/, ""); print key, $0 }')

    if ! grep -qxF 'data.dir = /var/lib/ileadx' "$config"; then
        fail "ileadx-server.properties does not set data.dir = /var/lib/ileadx"
    fi
    if ! grep -qxF 'resources.dir = /usr/share/ileadx' "$config"; then
        fail "ileadx-server.properties does not set resources.dir = /usr/share/ileadx"
    fi

    work=$(mktemp -d "${TMPDIR:-/tmp}/ileadx-server-runs.XXXXXX")

    # A fresh database: the first start creates the bootstrap super admin and prints its password.
    run_server_once "$server" "$config" "$work/fresh" "$resources" "$work/fresh.out"
    if ! grep -q '^Created super admin admin@ileadx.local$' "$work/fresh.out"; then
        fail "the first start did not create the bootstrap super admin; its output: $(cat "$work/fresh.out")"
    fi
    if ! grep -q '^Password (shown once): ' "$work/fresh.out"; then
        fail "the first start did not print the generated password"
    fi

    # The secrets are created at the first start with owner-only permissions.
    local file
    for file in jwt-signing.key server-key.pem server-certificate.pem; do
        if [[ ! -f "$work/fresh/$file" ]]; then
            fail "the first start did not create $file in the data folder"
        fi
    done
    for file in jwt-signing.key server-key.pem; do
        if [[ -f "$work/fresh/$file" && "$(stat -c %a "$work/fresh/$file")" != 600 ]]; then
            fail "$file has mode $(stat -c %a "$work/fresh/$file"), expected 600"
        fi
    done
    if [[ "$(stat -c %a "$work/fresh")" != 700 ]]; then
        fail "the data folder has mode $(stat -c %a "$work/fresh"), expected 700"
    fi

    # create-super-admin before the first start, as docs/operations.md recommends: the start then
    # finds an account and creates no bootstrap admin.
    local created
    if ! created=$("$server" --config="$config" --data-dir="$work/prepared" --set=resources.dir="$resources" \
        create-super-admin --email=owner@example.com 2> "$work/create.stderr"); then
        cat "$work/create.stderr" >&2
        fail "create-super-admin failed; its standard error is above"
    fi
    if ! grep -q '^Created super admin owner@example.com$' <<< "$created"; then
        fail "create-super-admin printed no confirmation: $created"
    fi
    run_server_once "$server" "$config" "$work/prepared" "$resources" "$work/prepared.out"
    if grep -q 'Created super admin' "$work/prepared.out"; then
        fail "the start after create-super-admin created another super admin"
    fi
}

case "$command" in
    build) command_build ;;
    server-contents) command_server_contents ;;
    console-contents) command_console_contents ;;
    no-secrets) command_no_secrets ;;
    lintian) command_lintian ;;
    unit) command_unit ;;
    desktop-entry) command_desktop_entry ;;
    server-runs) command_server_runs ;;
    *) abort "unknown command '$command'; run $0 without arguments for the list" ;;
esac
finish
