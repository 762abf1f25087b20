#!/usr/bin/env bash
# Takes the screenshots docs/console-two-factor.png (forced two-factor enrollment) and
# docs/console-sessions.png ("My sessions" with a second device). The script starts ileadx-server
# on a loopback port with a throwaway data folder and the default policy, which requires two-factor
# sign-in for admins. It drives the real console under Xvfb with xdotool and captures windows with
# ImageMagick's import.
#
# Usage: take-two-factor-screenshots.sh SERVER_BINARY CONSOLE_BINARY OUTPUT_FOLDER
# Needs: Xvfb, xdotool, imagemagick, curl, openssl, jq, oathtool. Uses display :98 unless
# DISPLAY_NUMBER is set.
set -euo pipefail

server_binary=$1
console_binary=$2
output_folder=$3
display=":${DISPLAY_NUMBER:-98}"

source "$(dirname "$0")/screenshot-common.sh"

# Start the server with the default policy, which requires two-factor sign-in for admins.
start_server "$server_binary"

# api METHOD PATH [JSON] [TOKEN] [USER_AGENT] prints the response body.
api() {
    local method=$1 path=$2 body=${3:-} token=${4:-} agent=${5:-curl}
    local args=(--silent --show-error --fail --max-time 20 --cacert "$certificate" -X "$method" -A "$agent")
    if [[ -n "$body" ]]; then
        args+=(-H "Content-Type: application/json" -d "$body")
    elif [[ "$method" == POST ]]; then
        # An explicit empty body sends Content-Length: 0.
        args+=(-d "")
    fi
    if [[ -n "$token" ]]; then
        args+=(-H "Authorization: Bearer $token")
    fi
    curl "${args[@]}" "$url$path"
}

Xvfb "$display" -screen 0 1280x800x24 >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 1
export DISPLAY="$display"
mkdir -p "$work/console"

start_console() {
    LANG=en_US.UTF-8 ILEADX_CONSOLE_DATA_DIR="$work/console" QT_QPA_PLATFORM=xcb \
        "$console_binary" >>"$work/console.log" 2>&1 &
    console_pid=$!
}

# Fills the sign-in form, replacing what the console remembered, and presses Enter.
sign_in() {
    local window
    window=$(xdotool search --sync --onlyvisible --name "Sign in to iLeadX" | head -n1)
    xdotool windowfocus --sync "$window"
    sleep 0.5
    xdotool key ctrl+a
    xdotool type --delay 20 "$url"
    xdotool key Tab ctrl+a
    xdotool type --delay 20 "$admin_email"
    xdotool key Tab
    xdotool type --delay 20 "$admin_password"
    xdotool key Return
}

# Part 1: the admin has no two-factor sign-in yet, so the console opens the enrollment dialog.
start_console
sign_in
trust=$(xdotool search --sync --onlyvisible --name "Trust this server" | head -n1)
xdotool windowfocus --sync "$trust"
sleep 0.5
xdotool key alt+t
enrollment=$(xdotool search --sync --onlyvisible --name "Set up two-factor sign-in" | head -n1)
sleep 2
import -window "$enrollment" "$output_folder/console-two-factor.png"
echo "saved $output_folder/console-two-factor.png"
stop_pid "$console_pid"
console_pid=""

# Part 2: turn two-factor sign-in on through the API and open a second session from a browser.
token=$(api POST /api/v1/auth/login "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}" | jq -r .access_token)
secret=$(api POST /api/v1/me/two-factor/enroll "" "$token" | jq -r .secret)
code=$(oathtool --totp -b "$secret")
api POST /api/v1/me/two-factor/confirm "{\"code\":\"$code\"}" "$token" >"$work/recovery.json"
mapfile -t recovery_codes < <(jq -r '.recovery_codes[]' "$work/recovery.json")
browser="Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
challenge=$(api POST /api/v1/auth/login "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}" "" "$browser" | jq -r .challenge)
api POST /api/v1/auth/login/two-factor "{\"challenge\":\"$challenge\",\"recovery_code\":\"${recovery_codes[0]}\"}" "" "$browser" >/dev/null
api POST /api/v1/auth/logout "" "$token" >/dev/null || true

# Part 3: sign in with a recovery code in the console and open Account > My sessions.
start_console
sign_in
sleep 2
xdotool key alt+u
sleep 0.5
xdotool type --delay 20 "${recovery_codes[1]}"
xdotool key Return
main=$(xdotool search --sync --onlyvisible --name "^iLeadX Console$" | head -n1)
xdotool windowfocus --sync "$main"
sleep 1
xdotool key alt+a
sleep 0.5
xdotool key s
sessions=$(xdotool search --sync --onlyvisible --name "My sessions" | head -n1)
sleep 2
import -window "$sessions" "$output_folder/console-sessions.png"
echo "saved $output_folder/console-sessions.png"

xdotool windowfocus --sync "$main"
xdotool key ctrl+q
wait "$console_pid" 2>/dev/null || true
console_pid=""
