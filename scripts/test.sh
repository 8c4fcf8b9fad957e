#!/usr/bin/env bash
# The one test command for Comity. See docs/operations/testing.md.
#
#   bash scripts/test.sh                          # whole solution, SQLite and PostgreSQL
#   bash scripts/test.sh tests/Comity.Node.Tests  # one test project (folder or .csproj)
#   bash scripts/test.sh --filter Category=Fast   # extra arguments go to `dotnet test`
#
# It installs what is missing from Debian (directly as root, through sudo
# otherwise), starts a throwaway PostgreSQL cluster on 127.0.0.1, builds once
# in Release, runs the tests with TRX results in artifacts/test-results/ (the
# browser tests last, on their own), and ends with "N passed, N failed".
set -euo pipefail

log() { printf '[test.sh] %s\n' "$*" >&2; }
die() { printf '[test.sh] ERROR: %s\n' "$*" >&2; exit 1; }
now() { date +%s; }

script_start=$(now)

# --- Optional first argument: a test project (resolved before changing directory) ----
target_override=""
if [[ $# -gt 0 && "$1" != -* ]]; then
  if [[ -f "$1" && ( "$1" == *.csproj || "$1" == *.slnx || "$1" == *.sln ) ]]; then
    target_override=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
    shift
  elif [[ -d "$1" ]] && compgen -G "$1/*.csproj" >/dev/null; then
    target_override=$(cd "$1" && pwd)
    shift
  fi
fi

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"
target=${target_override:-Comity.slnx}

# --- 1. Prerequisites -----------------------------------------------------------------
find_pg_bindir() {
  local d
  if [[ -n "${COMITY_PG_BINDIR:-}" && -x "${COMITY_PG_BINDIR}/initdb" ]]; then
    echo "$COMITY_PG_BINDIR"; return 0
  fi
  # Debian/Ubuntu layout: newest major version first.
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -rn); do
    [[ -x "$d/initdb" ]] && { echo "$d"; return 0; }
  done
  if command -v pg_config >/dev/null 2>&1; then
    d=$(pg_config --bindir 2>/dev/null || true)
    [[ -n "$d" && -x "$d/initdb" ]] && { echo "$d"; return 0; }
  fi
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return 0
  fi
  return 1
}

find_chromium() {
  local c
  if [[ -n "${COMITY_CHROMIUM:-}" ]]; then
    [[ -x "$COMITY_CHROMIUM" ]] && { echo "$COMITY_CHROMIUM"; return 0; }
    return 1
  fi
  for c in chromium chromium-browser google-chrome-stable google-chrome; do
    command -v "$c" >/dev/null 2>&1 && { command -v "$c"; return 0; }
  done
  return 1
}

deb_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

missing=()
need_pg=1
if [[ -n "${COMITY_TEST_POSTGRES:-}" ]]; then
  need_pg=0   # The developer points at their own server; no local cluster needed.
  log "using PostgreSQL from COMITY_TEST_POSTGRES (no throwaway cluster)"
fi
if [[ $need_pg == 1 ]] && ! find_pg_bindir >/dev/null; then missing+=(postgresql); fi
if ! find_chromium >/dev/null; then
  [[ -n "${COMITY_CHROMIUM:-}" ]] && die "COMITY_CHROMIUM=$COMITY_CHROMIUM is not an executable"
  missing+=(chromium)
fi
# The Register's openssl recipe (docs/protocol/register-v1.md) is run by the tests with the openssl CLI.
if ! command -v openssl >/dev/null 2>&1; then missing+=(openssl); fi
# The formal documents (PDF) are checked by reading their text back with pdftotext.
if ! command -v pdftotext >/dev/null 2>&1; then missing+=(poppler-utils); fi
# Fonts matter for browser tests in all six UN languages. Checked only where dpkg exists.
if command -v dpkg-query >/dev/null 2>&1; then
  for p in fonts-noto-core fonts-noto-cjk; do deb_installed "$p" || missing+=("$p"); done
fi

# Only installing packages needs root: as root directly, otherwise through sudo when there is one
# (Debian's base image has none, and a root shell needs none).
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}
can_install() {
  command -v apt-get >/dev/null 2>&1 && { [[ $(id -u) -eq 0 ]] || command -v sudo >/dev/null 2>&1; }
}
explain_missing() {
  {
    echo "[test.sh] Missing prerequisites: ${missing[*]}"
    echo "[test.sh] Install them (Debian/Ubuntu), then run this script again:"
    echo "    sudo apt-get install --no-install-recommends ${missing[*]}"
    echo "[test.sh] Or run this script as root, or as a user who may use sudo, and it installs them itself."
    echo "[test.sh] Elsewhere, set COMITY_CHROMIUM to a Chromium binary and COMITY_PG_BINDIR to the"
    echo "[test.sh] folder holding initdb/pg_ctl (or COMITY_TEST_POSTGRES to a server you own)."
    echo "[test.sh] The tests run on both SQLite and PostgreSQL; they cannot be skipped."
  } >&2
  exit 1
}

if [[ ${#missing[@]} -gt 0 ]]; then
  can_install || explain_missing
  if [[ $(id -u) -eq 0 ]]; then
    log "installing from Debian: ${missing[*]}"
  else
    log "installing from Debian through sudo (it may ask for your password): ${missing[*]}"
  fi
  t0=$(now)
  apt_opts=(-o DPkg::Lock::Timeout=600)
  if ! as_root apt-get "${apt_opts[@]}" update -qq \
      || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    log "installing failed"
    explain_missing
  fi
  log "installed in $(( $(now) - t0 ))s"
fi

chromium_path=$(find_chromium) || die "Chromium not found after installation"
export COMITY_CHROMIUM=$chromium_path

# --- 2. Build once (before starting anything that needs cleaning up) ---------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
t0=$(now)
log "dotnet build $target -c Release"
dotnet build "$target" -c Release -nologo -clp:ErrorsOnly
log "built in $(( $(now) - t0 ))s"

# --- 3. Throwaway PostgreSQL ----------------------------------------------------------
pg_tmp=""
pg_bindir=""
as_pg() {
  # initdb and postgres refuse to run as root: run them as the postgres OS user then.
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$pg_tmp" && -d "$pg_tmp" ]]; then
    if [[ -f "$pg_tmp/data/postmaster.pid" ]]; then
      as_pg "$pg_bindir/pg_ctl" -D "$pg_tmp/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_tmp"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [[ $need_pg == 1 ]]; then
  t0=$(now)
  pg_bindir=$(find_pg_bindir) || die "PostgreSQL binaries not found after installation"
  pg_tmp=$(mktemp -d "${TMPDIR:-/tmp}/comity-pg.XXXXXX")
  chmod 0755 "$pg_tmp"   # the postgres OS user must reach it when we run as root
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' OS user"
    chown postgres: "$pg_tmp"
  fi
  as_pg "$pg_bindir/initdb" -D "$pg_tmp/data" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 >"$pg_tmp/initdb.log" 2>&1 \
    || { cat "$pg_tmp/initdb.log" >&2; die "initdb failed"; }

  pg_password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
  pg_port=""
  for attempt in 1 2 3; do
    port=${COMITY_PG_PORT:-55432}
    while ! port_free "$port"; do port=$((port + 1)); done
    # Durability is irrelevant for a throwaway cluster: trade it for speed.
    if as_pg "$pg_bindir/pg_ctl" -D "$pg_tmp/data" -l "$pg_tmp/postgres.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $pg_tmp -c max_connections=300 \
         -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
      pg_port=$port; break
    fi
    log "PostgreSQL did not start on port $port (attempt $attempt)"
  done
  [[ -n "$pg_port" ]] || { cat "$pg_tmp/postgres.log" >&2; die "could not start PostgreSQL"; }

  "$pg_bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$pg_tmp" -p "$pg_port" -U postgres -d postgres \
    -c "CREATE ROLE comity LOGIN SUPERUSER PASSWORD '$pg_password';" >/dev/null
  export COMITY_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=comity;Password=$pg_password;Database=postgres"
  log "PostgreSQL $("$pg_bindir/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$pg_port (started in $(( $(now) - t0 ))s)"
fi

# --- 4. Test ------------------------------------------------------------------------------
results_dir="$repo_root/artifacts/test-results"
rm -rf "$results_dir"
mkdir -p "$results_dir"

test_rc=0
run_tests() {
  local what=$1 rc t0
  shift
  t0=$(now)
  log "dotnet test $what -c Release --no-build $*"
  set +e
  dotnet test "$what" -c Release --no-build -nologo -p:IsTestingPlatformApplication=false \
    -maxcpucount:"${COMITY_TEST_MAXCPU:-2}" \
    --results-directory "$results_dir" \
    --logger trx \
    --logger "console;verbosity=${COMITY_TEST_VERBOSITY:-minimal}" \
    --blame-hang-timeout "${COMITY_TEST_HANG_TIMEOUT:-10m}" \
    "$@"
  rc=$?
  set -e
  log "tests ran in $(( $(now) - t0 ))s (dotnet test exit code $rc)"
  (( test_rc != 0 )) || test_rc=$rc
}

browser_project=tests/Comity.Browser.Tests/Comity.Browser.Tests.csproj
if [[ "$target" == Comity.slnx || "$target" == "$repo_root/Comity.slnx" ]] && grep -qF "Path=\"$browser_project\"" Comity.slnx; then
  # The browser tests run after everything else, alone: beside the other assemblies on two cores,
  # pages and sign-ins were starved past their waits. First the solution without them, through a
  # solution filter made from Comity.slnx (so a new test project is never left out), then them.
  filter="$repo_root/artifacts/Comity.WithoutBrowserTests.slnf"
  {
    printf '{ "solution": { "path": "../Comity.slnx", "projects": [\n'
    grep -o 'Path="[^"]*\.csproj"' Comity.slnx | cut -d'"' -f2 | grep -vxF "$browser_project" \
      | sed 's/.*/    "&"/; $!s/$/,/'
    printf '] } }\n'
  } >"$filter"
  run_tests "$filter" "$@"
  run_tests "$browser_project" "$@"
else
  run_tests "$target" "$@"
fi

# --- 5. Summary from the TRX files ------------------------------------------------------
total=0 executed=0 passed=0 failed=0 notrun=0
shopt -s nullglob globstar
trx_files=("$results_dir"/**/*.trx)
for f in "${trx_files[@]}"; do
  read -r t e p fl nr < <(
    grep -o '<Counters [^>]*>' "$f" | head -n 1 | awk '
      function attr(name,   m) {
        if (match($0, " " name "=\"[0-9]+\"")) { m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 }
        return 0
      }
      { print attr("total"), attr("executed"), attr("passed"),
              attr("failed") + attr("error") + attr("timeout") + attr("aborted"), attr("notExecuted") }'
  ) || continue
  total=$((total + t)); executed=$((executed + e)); passed=$((passed + p))
  failed=$((failed + fl)); notrun=$((notrun + nr))
done
skipped=$((total - executed))
(( skipped < notrun )) && skipped=$notrun

log "${#trx_files[@]} TRX file(s) in artifacts/test-results/, total run time $(( $(now) - script_start ))s"
if (( skipped > 0 )); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi

if (( failed > 0 )); then exit 1; fi
if (( executed == 0 )); then log "no tests were executed"; exit 1; fi
if (( test_rc != 0 )); then log "dotnet test failed (exit code $test_rc)"; exit "$test_rc"; fi
exit 0
