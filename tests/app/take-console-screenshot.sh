#!/usr/bin/env bash
# Takes the screenshot docs/console-users.png of the console's users table. The script starts
# ileadx-server on a loopback port with a throwaway data folder and registers a few customer accounts.
# It then signs in with the real console under Xvfb by typing into its windows with xdotool, and
# captures the main window with ImageMagick's import.
#
# Usage: take-console-screenshot.sh SERVER_BINARY CONSOLE_BINARY OUTPUT_PNG
# Needs: Xvfb, xdotool, imagemagick, curl, openssl. Uses display :99 unless DISPLAY_NUMBER is set.
set -euo pipefail

server_binary=$1
console_binary=$2
output=$3
display=":${DISPLAY_NUMBER:-99}"
password="Tangerine-Lantern-4821-x"

source "$(dirname "$0")/screenshot-common.sh"

# Start the server. The users table is an admin screen, so the admin signs in with a password
# alone; two-factor enrollment has its own screenshots.
# It also registers more customers at once than the default sign-in burst allows.
start_server "$server_binary" --set=auth.requireTwoFactorForAdmins=false --set=ratelimit.authBurst=100

api() {
    curl --silent --show-error --fail --cacert "$certificate" -H "Content-Type: application/json" \
        -o /dev/null "$url$1" -d "$2"
}

customers=(
    amara.okafor@lagos-dental.example
    kwame.mensah@accra-hotels.example
    fatima.bello@abuja-clinic.example
    joseph.otieno@nairobi-tours.example
    chiamaka.eze@enugu-legal.example
    yaw.boateng@kumasi-motors.example
    zainab.sule@kano-textiles.example
    thandiwe.dlamini@durban-realty.example
    ibrahim.diallo@dakar-logistics.example
    grace.achieng@kisumu-foods.example
)
for email in "${customers[@]}"; do
    api /api/v1/auth/register "{\"email\":\"$email\",\"password\":\"$password\"}"
done
# A few sign-ins fill the "Last sign-in" column for some rows.
for email in "${customers[@]:0:4}"; do
    api /api/v1/auth/login "{\"email\":\"$email\",\"password\":\"$password\"}"
done

# Start the display and the console with its own empty cache.
Xvfb "$display" -screen 0 1280x800x24 >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
sleep 1
mkdir -p "$work/console"
DISPLAY="$display" LANG=en_US.UTF-8 ILEADX_CONSOLE_DATA_DIR="$work/console" QT_QPA_PLATFORM=xcb \
    "$console_binary" >"$work/console.log" 2>&1 &
console_pid=$!

export DISPLAY="$display"
sign_in=$(xdotool search --sync --onlyvisible --name "Sign in to iLeadX" | head -n1)
xdotool windowfocus --sync "$sign_in"
sleep 0.5
xdotool type --delay 20 "$url"
xdotool key Tab
xdotool type --delay 20 "$admin_email"
xdotool key Tab
xdotool type --delay 20 "$admin_password"
xdotool key Return

# On first contact the console shows the fingerprint for confirmation. Alt+T presses "Trust and sign in".
trust=$(xdotool search --sync --onlyvisible --name "Trust this server" | head -n1)
xdotool windowfocus --sync "$trust"
sleep 0.5
xdotool key alt+t

main=$(xdotool search --sync --onlyvisible --name "^iLeadX Console$" | head -n1)
sleep 3
import -window "$main" "$output"
echo "saved $output"

xdotool windowfocus --sync "$main"
xdotool key ctrl+q
wait "$console_pid" 2>/dev/null || true
console_pid=""
