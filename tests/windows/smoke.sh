#!/usr/bin/env bash
# The Windows build of frontdesk, run under wine as a desk uses it: every command a desk uses, the
# accessible mode over a pipe and the full screen in wine's console, with the files where Windows
# keeps them (under %APPDATA% of a user whose name has a space and a non-ASCII letter), a config
# file and a catalogue folder with Windows line endings (CRLF), and the Windows print command.
#
# usage: tests/windows/smoke.sh [FRONTDESK.EXE]
#   default: target/x86_64-pc-windows-gnu/release/frontdesk.exe, from
#   cargo build --release --target x86_64-pc-windows-gnu
#
# Needs wine (Debian: wine64) and mingw-w64's gcc (gcc-mingw-w64-x86-64), which builds the
# test-only bcryptprimitives.dll stand-in (tests/windows/bcryptprimitives.c); tmux for the full
# screen. Everything runs in a new wine prefix in a temporary folder, removed at the end
# (FRONTDESK_SMOKE_KEEP=1 keeps it). Ends with "windows-smoke: N passed, M failed" and exits
# non-zero on any failure.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
exe=${1:-$root/target/x86_64-pc-windows-gnu/release/frontdesk.exe}

for tool in wine wineserver x86_64-w64-mingw32-gcc; do
    command -v "$tool" >/dev/null || { echo "windows-smoke: $tool is not installed" >&2; exit 2; }
done
[ -f "$exe" ] || { echo "windows-smoke: no $exe; build it with cargo build --release --target x86_64-pc-windows-gnu" >&2; exit 2; }

keep=${FRONTDESK_SMOKE_KEEP:-}
# A clean environment: no frontdesk settings or display from outside, wine quiet, text in UTF-8.
while IFS= read -r name; do
    case $name in FRONTDESK_*|NO_COLOR|DISPLAY|WAYLAND_DISPLAY|WINE*) unset "$name" ;; esac
done < <(compgen -e)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/frontdesk-windows.XXXXXX")
export WINEPREFIX="$tmp/prefix" WINEDEBUG=-all HOME="$tmp/home" LC_ALL=C.UTF-8
# No Mono or Gecko installers, no desktop menu entries.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
# Wine names the Windows user (and so C:\users\NAME, %USERPROFILE%, %APPDATA%) after USER.
user="Siân Jones"
export USER="$user" LOGNAME="$user"
mkdir -p "$HOME"
tui_session="frontdesk-windows-$$"
# The full screen's terminal: a tmux server of the test's own.
tm() { tmux -L "$tui_session" "$@"; }
cleanup() {
    tm kill-server 2>/dev/null
    wineserver -k 2>/dev/null
    wineserver -w 2>/dev/null
    if [ "$keep" = 1 ]; then echo "windows-smoke: kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

passed=0
failed=0
rc=0
out="$tmp/out"
err="$tmp/err"
: >"$out"
: >"$err"

pass() { passed=$((passed + 1)); echo "  ok    $1"; }
fail() {
    failed=$((failed + 1))
    echo "  FAIL  $1: $2"
    echo "        exit status $rc; standard output:"
    head -c 3000 "$out" | sed 's/^/        | /'
    echo "        standard error:"
    head -c 3000 "$err" | sed 's/^/        | /'
}

# The test's own Windows paths, and where wine keeps them.
c_drive="$WINEPREFIX/drive_c"
profile_win="C:\\users\\$user"
profile="$c_drive/users/$user"
appdata="$profile/AppData/Roaming"
data="$appdata/frontdesk/frontdesk/data"
config_dir="$appdata/frontdesk/frontdesk/config"
exe_win='C:\Program Files\Front Desk\frontdesk.exe'
install_dir="$c_drive/Program Files/Front Desk"

echo "windows-smoke: $(wine --version 2>/dev/null) in $WINEPREFIX"
# A persistent wine server for the whole test: each run then starts in well under a second.
mkdir -p "$WINEPREFIX"
wineserver -p
wineboot -i >/dev/null 2>&1 || { echo "windows-smoke: wineboot could not make a prefix" >&2; exit 2; }
[ -d "$profile" ] || { echo "windows-smoke: wine made no profile folder $profile" >&2; exit 2; }

# The program as a desk installs it, with the stand-in DLL beside it (test-only: see the .c file).
mkdir -p "$install_dir"
cp "$exe" "$install_dir/frontdesk.exe"
if ! x86_64-w64-mingw32-gcc -shared -O2 -s -o "$install_dir/bcryptprimitives.dll" \
    "$here/bcryptprimitives.c" -ladvapi32 2>"$err"; then
    cat "$err" >&2
    echo "windows-smoke: the bcryptprimitives.dll stand-in did not build" >&2
    exit 2
fi

# Runs the program with ARGS, standard input from nothing; sets rc, $out and $err.
run() {
    wine "$exe_win" "$@" </dev/null >"$out" 2>"$err"
    rc=$?
}
# The same with TEXT on standard input, as a pipe.
run_with_input() {
    local input=$1
    shift
    printf '%s' "$input" | wine "$exe_win" "$@" >"$out" 2>"$err"
    rc=$?
}
# expect NAME STATUS TEXT...: the last run ended with STATUS, printed each TEXT on standard
# output and, when it succeeded, nothing on standard error (no warning about files or modes).
expect() {
    local name=$1 want=$2 text
    shift 2
    if [ "$rc" != "$want" ]; then fail "$name" "exit status $rc, not $want"; return 1; fi
    if [ "$want" = 0 ] && [ -s "$err" ]; then fail "$name" "it wrote to standard error"; return 1; fi
    for text in "$@"; do
        grep -qF -- "$text" "$out" || { fail "$name" "no \"$text\" in its output"; return 1; }
    done
    pass "$name"
}
# expect_error NAME TEXT: the last run failed (status 2) and said TEXT on standard error.
expect_error() {
    if [ "$rc" != 2 ]; then fail "$1" "exit status $rc, not 2"; return 1; fi
    grep -qF -- "$2" "$err" || { fail "$1" "no \"$2\" on standard error"; return 1; }
    pass "$1"
}
# expect_file NAME FILE TEXT...: FILE exists (in the wine prefix) and holds each TEXT.
expect_file() {
    local name=$1 file=$2 text
    shift 2
    [ -f "$file" ] || { fail "$name" "no file $file"; return 1; }
    for text in "$@"; do
        grep -qF -- "$text" "$file" || { fail "$name" "no \"$text\" in $file"; return 1; }
    done
    pass "$name"
}
# How many visits the last `visits --json` listed.
visit_count() { grep -c '"started_at"' "$out"; }
# Waits up to 15 s for FILE.
wait_for_file() {
    local n
    for n in $(seq 1 150); do [ -s "$1" ] && return 0; sleep 0.1; done
    return 1
}

echo "-- commands, with the default settings"
run config --print
expect "config --print: the files are under %APPDATA% of the user" 0 \
    "config_file = $profile_win\\AppData\\Roaming\\frontdesk\\frontdesk\\config\\config.toml" \
    "data_dir = $profile_win\\AppData\\Roaming\\frontdesk\\frontdesk\\data" \
    "visits_file = $profile_win\\AppData\\Roaming\\frontdesk\\frontdesk\\data\\visits.sqlite3"
expect "config --print: Windows' print command opens the slip's page" 0 \
    'print_command = cmd /C start "" {html}'

run check
expect "check: the built-in catalogue" 0 "No problems in"

run search --json bulky waste
expect "search: in the resident's words" 0 '"id": "bulky-waste"'
run search my bin wasnt emptied
expect "search: a typo and a guided script" 0 "missed-bin" "bin-missed"

run log --service bulky-waste --outcome resolved --note "sofa and fridge"
first=$(tr -d '\r\n' <"$out")
expect "log: a visit, its id printed" 0 && {
    [[ $first =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]] \
        && pass "log: the id is a UUID" || fail "log: the id is a UUID" "got \"$first\""
}
expect_file "the visit log is on disk under %APPDATA%" "$data/visits.sqlite3"

run log --service bulky-waste --outcome resolved --note "ring her back on 07700 900461"
expect_error "log: a note with a phone number is refused" \
    "the note looks like it holds a phone number; remove it and try again"

run visits
expect "visits: the table" 0 "Bulky waste collection" "$first" "sofa and fridge"
run visits --json
expect "visits --json: one visit, the refused one not stored" 0 "\"id\": \"$first\"" && {
    [ "$(visit_count)" = 1 ] && pass "visits: exactly one visit" \
        || fail "visits: exactly one visit" "$(visit_count) visits"
}

mkdir -p "$profile/Reports for the desk"
reports_win="$profile_win\\Reports for the desk"
run report --format table
expect "report: table" 0 "Customer insight" "Bulky waste collection"
run report --format json
expect "report: json" 0 '"visits": 1'
run report --format csv
expect "report: csv" 0 "section,item,measure,value" "services,bulky-waste,"
run report --format html -o "$reports_win\\report.html"
expect "report: html, to a folder with a space in its name" 0
expect_file "report: the html page is written" "$profile/Reports for the desk/report.html" \
    "<!DOCTYPE html>" "<svg"

run export visits
# Written to standard output, the export says on standard error what it wrote.
if grep -qF "Wrote 1 visit in 1 row to standard output." "$err"; then
    pass "export: csv says what it wrote on standard error"
else
    fail "export: csv says what it wrote on standard error" "no \"Wrote 1 visit in 1 row\""
fi
: >"$err"
expect "export: csv" 0 "visit_id,started_at" "$first,"
run export visits --format jsonl -o "$reports_win\\visits.jsonl"
expect "export: jsonl to a file" 0
expect_file "export: the jsonl file is written" "$profile/Reports for the desk/visits.jsonl" \
    "\"visit_id\":\"$first\""

run slip --partner citizens-advice --service council-tax-pay
expect "slip: text" 0 "WHERE TO GET HELP" "Citizens Advice Example District"
run slip --partner citizens-advice --format html -o "$reports_win\\slip.html"
expect "slip: html to a file" 0
expect_file "slip: the html file is written" "$profile/Reports for the desk/slip.html" \
    "<html" "Citizens Advice Example District"

mkdir -p "$profile/Backups"
run backup "$profile_win\\Backups"
expect "backup: into a folder" 0 "Backed up the visit log to $profile_win\\Backups\\visits-"
backup=$(find "$profile/Backups" -name 'visits-*.sqlite3' | head -n 1)
if [ -n "$backup" ]; then
    mkdir -p "$profile/Restored"
    cp "$backup" "$profile/Restored/visits.sqlite3"
    run --data-dir "$profile_win\\Restored" visits --json
    expect "backup: the copy opens and holds the visit" 0 "\"id\": \"$first\""
else
    fail "backup: the copy opens and holds the visit" "no visits-*.sqlite3 in $profile/Backups"
fi

echo "-- the accessible mode over a pipe, printing with Windows' default print command"
# The desk's program for web pages, in this test: one that copies the page it is given, so
# `start` really opens the slip through Windows' file associations, and nothing prints.
opened="$profile/Opened slip.html"
wine reg add 'HKCR\.html' /ve /d frontdesk.smoketest /f >/dev/null 2>&1
wine reg add 'HKCR\frontdesk.smoketest\shell\open\command' /ve /f \
    /d "C:\\windows\\system32\\cmd.exe /C copy /Y \"%1\" \"$profile_win\\Opened slip.html\"" >/dev/null 2>&1
lines=("bulky waste" 1 slip print back log 1 "" "" 1 "" "" "" ""
    "ring her back on 07700 900461" "sofa and fridge" today quit)
run_with_input "$(printf '%s\n' "${lines[@]}")" --accessible
expect "accessible: search, open, slip, log, today" 0 \
    "1: Bulky waste collection, Example District Council." \
    "Slip sent to the printer; a copy is in $profile_win\\AppData\\Roaming\\frontdesk\\frontdesk\\data\\slips\\slip-" \
    "The note looks like it holds a phone number" \
    "Visit saved: Bulky waste collection. 2 today at this desk." \
    "Goodbye."
if grep -q $'\x1b' "$out"; then fail "accessible: plain lines, no escape sequences" "an escape sequence"; else pass "accessible: plain lines, no escape sequences"; fi
wait_for_file "$opened"
expect_file "print: cmd /C start \"\" {html} opened the slip's page" "$opened" \
    "<html" "Exampleton Furniture Project"
slips=$(find "$data/slips" -name 'slip-*.html' 2>/dev/null | wc -l)
[ "$slips" -ge 1 ] && pass "print: the slip is kept in the data folder's slips" \
    || fail "print: the slip is kept in the data folder's slips" "no slip in $data/slips"

echo "-- a second run: the wine server stopped and started again"
wineserver -k 2>/dev/null
wineserver -w 2>/dev/null
wineserver -p
run visits --json
expect "nothing lost: both visits are there after a restart" 0 "\"id\": \"$first\"" '"note": "sofa and fridge"' && {
    [ "$(visit_count)" = 2 ] && pass "nothing lost: exactly two visits" \
        || fail "nothing lost: exactly two visits" "$(visit_count) visits"
}
echo "-- a config file and a catalogue folder with CRLF line endings, in folders with spaces"
# The built-in catalogue as a council would copy and edit it on Windows: CRLF line ends, a
# council name of its own (so the test sees this folder was loaded).
catalogue="$profile/Catalogue files"
cp -r "$root/assets/catalogue" "$catalogue"
sed -i 's/^name = "Example District Council"$/name = "Cyngor Siân Example"/' "$catalogue/council.toml"
find "$catalogue" -name '*.toml' -exec sed -i 's/\r$//; s/$/\r/' {} +
if find "$catalogue" -name '*.toml' -exec grep -L $'\r$' {} + | grep -q .; then
    fail "crlf: every catalogue file has CRLF line ends" "some do not"
fi
mkdir -p "$config_dir" "$profile/Printed slips"
# As Notepad saves it: a byte order mark, CRLF line ends.
{
    printf '\xef\xbb\xbf'
    printf '%s\r\n' \
        '# Written on Windows' \
        'desk = "Desg Siân"' \
        'staff = "SJ"' \
        "catalogue = '$profile_win\\Catalogue files'" \
        "print_command = ['cmd', '/C', 'copy', '/Y', '{text}', '$profile_win\\Printed slips\\slip.txt']"
} >"$config_dir/config.toml"
run check
expect "crlf: check passes the CRLF catalogue folder" 0 "No problems in"
run config --print
expect "crlf: the CRLF config file is read" 0 \
    "desk = Desg Siân" "staff = SJ" "catalogue = $profile_win\\Catalogue files" \
    "print_command = cmd /C copy /Y {text} \"$profile_win\\Printed slips\\slip.txt\""
run slip --service bulky-waste
expect "crlf: the slip comes from the CRLF catalogue" 0 "From Cyngor Siân Example"
lines=("bulky waste" 1 slip print back log 1 "" "" "" "" "" "" "" "" today quit)
run_with_input "$(printf '%s\n' "${lines[@]}")" --accessible
expect "crlf: a visit logged at the desk named in the CRLF config" 0 \
    "frontdesk, accessible mode, at Desg Siân." \
    "Slip sent to the printer" "Visit saved: Bulky waste collection."
expect_file "print: the print command had the slip's text (path with a space and â)" \
    "$profile/Printed slips/slip.txt" "WHERE TO GET HELP" "Cyngor Siân Example"
run visits --json
expect "crlf: the visit has the desk's non-ASCII name" 0 '"desk": "Desg Siân"' && {
    [ "$(visit_count)" = 3 ] && pass "crlf: three visits in all" \
        || fail "crlf: three visits in all" "$(visit_count) visits"
}

echo "-- the full screen in wine's console"
# Wine's console redraws the screen its own way (garbled in places), so the steps wait for short
# words that survive that, and the proof is the visit on disk and the console's modes after.
if ! command -v tmux >/dev/null; then
    echo "  (tmux is not installed: the full screen is not checked)"
else
    tui="$tmp/tui"
    mkdir -p "$tui"
    # Runs in a tmux pane, a real terminal: the modes before and after, and the exit status.
    {
        export -p | grep -v -E '^declare -x (TMUX|TMUX_PANE|TERM)='
        echo "stty -g >'$tui/before'"
        printf 'wine %q\n' "$exe_win"
        echo "echo \$? >'$tui/status'"
        echo "stty -g >'$tui/after'"
        echo "sleep 600"
    } >"$tui/run"
    tm new-session -d -s "$tui_session" -x 100 -y 30 "bash '$tui/run'"
    # waits_for TEXT: waits up to 30 s for TEXT on the screen before the next key. Wine's
    # console garbles some redraws, so a word not seen is noted, not failed: the checks are the
    # visit on disk, the exit status and the console's modes.
    waits_for() {
        local n
        for n in $(seq 1 300); do
            tm capture-pane -p -t "$tui_session" 2>/dev/null | grep -qF -- "$1" && return 0
            sleep 0.1
        done
        echo "  note  \"$1\" was not seen on wine's console"
    }
    # visits_reach N: waits up to 30 s for N visits in the log, read by another run meanwhile.
    visits_reach() {
        local n
        for n in $(seq 1 30); do
            run visits --json
            [ "$rc" = 0 ] && [ "$(visit_count)" = "$1" ] && return 0
            sleep 1
        done
        return 1
    }
    key() { tm send-keys -t "$tui_session" "$@"; }
    # Start, type, open the first result, log the visit (F2, outcome 1, Enter), quit.
    waits_for "quit"
    sleep 1
    key -l "bulky"
    waits_for "bulky"
    sleep 2
    key Enter
    waits_for "Say:"
    key F2
    waits_for "Outcome"
    key 1
    sleep 0.5
    key Enter
    if visits_reach 4; then
        pass "full screen: typed, opened and logged: the visit is on disk while it runs"
    else
        tm capture-pane -p -t "$tui_session" >"$out" 2>/dev/null
        : >"$err"
        fail "full screen: typed, opened and logged: the visit is on disk while it runs" "$(visit_count) visits, not 4"
    fi
    key C-c
    for n in $(seq 1 300); do [ -f "$tui/after" ] && break; sleep 0.1; done
    if [ -f "$tui/status" ] && [ "$(cat "$tui/status")" = 0 ]; then
        pass "full screen: Ctrl-C quits"
    else
        rc=$(cat "$tui/status" 2>/dev/null || echo "(still running)")
        tm capture-pane -p -t "$tui_session" >"$out" 2>/dev/null
        : >"$err"
        fail "full screen: Ctrl-C quits" "exit status $rc"
    fi
    if [ -f "$tui/after" ] && cmp -s "$tui/before" "$tui/after"; then
        pass "full screen: the console's modes are restored"
    else
        rc=-
        fail "full screen: the console's modes are restored" "stty before: $(cat "$tui/before" 2>/dev/null), after: $(cat "$tui/after" 2>/dev/null)"
    fi
    tm kill-server 2>/dev/null
    run visits --json
    expect "full screen: the visit was logged at the desk in the config" 0 '"desk": "Desg Siân"' && {
        [ "$(visit_count)" = 4 ] && pass "full screen: four visits in all after it quit" \
            || fail "full screen: four visits in all after it quit" "$(visit_count) visits"
        [ "$(grep -c '"service": "bulky-waste"' "$out")" = 4 ] \
            && pass "full screen: the visit is for the service typed and opened" \
            || fail "full screen: the visit is for the service typed and opened" "not every visit is for bulky-waste"
    }
    drafts=$(find "$data/drafts" -name '*.json' 2>/dev/null | wc -l)
    [ "$drafts" = 0 ] && pass "full screen: no draft left behind" \
        || fail "full screen: no draft left behind" "$drafts drafts in $data/drafts"
    [ -f "$data/frontdesk.log" ] && pass "files: the app's log is in the data folder" \
        || fail "files: the app's log is in the data folder" "no $data/frontdesk.log"
fi

# No Unix file modes on Windows: the app's files are made in the profile folder, whose own
# permissions keep them to the user; frontdesk sets none, and nothing fails or warns about them.
[ -f "$data/visits.sqlite3" ] && pass "files: the visit log is in the data folder" \
    || fail "files: the visit log is in the data folder" "no $data/visits.sqlite3"
if [ -f "$data/frontdesk.log" ] && grep -qiE 'owner only|permission|WARN|ERROR' "$data/frontdesk.log"; then
    rc=-
    cp "$data/frontdesk.log" "$out"
    : >"$err"
    fail "files: the app's log has no warning or error" "see its lines"
else
    pass "files: the app's log has no warning or error"
fi

echo "windows-smoke: ran in $SECONDS s"
echo "windows-smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]
