#!/usr/bin/env bash
# The Windows step of CI: installs what is missing (the Rust target x86_64-pc-windows-gnu,
# mingw-w64's gcc, wine, tmux), cross-builds the release frontdesk.exe and runs
# tests/windows/smoke.sh on it under wine. Each install is skipped where the tool is already
# there. Where one cannot be installed, it says so in one line and ends without failing; a build
# or smoke test that fails fails the step.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=x86_64-pc-windows-gnu
started=$SECONDS

skip() {
    echo "windows-smoke: not run: $*"
    exit 0
}

if ! rustup target list --installed 2>/dev/null | grep -qx "$target"; then
    rustup target add "$target" >/dev/null 2>&1 || skip "the Rust target $target cannot be installed"
fi

packages=()
command -v x86_64-w64-mingw32-gcc >/dev/null || packages+=(gcc-mingw-w64-x86-64)
command -v wine >/dev/null && command -v wineserver >/dev/null || packages+=(wine64 wine)
command -v tmux >/dev/null || packages+=(tmux)
if [ ${#packages[@]} -gt 0 ]; then
    log=$(mktemp)
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"; } >"$log" 2>&1; then
        skip "apt-get could not install ${packages[*]} ($(tail -n 1 "$log"))"
    fi
    rm -f "$log"
fi

echo "windows-smoke: building the release frontdesk.exe for $target"
cargo build --release --locked --target "$target"
echo "windows-smoke: installed and built in $((SECONDS - started)) s"

exec bash tests/windows/smoke.sh "target/$target/release/frontdesk.exe"
