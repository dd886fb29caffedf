#!/usr/bin/env bash
# Runs all of UU's tests: installs Debian's Chromium when it is missing, starts a throwaway PostgreSQL
# cluster on a free port, runs `dotnet test UU.Web.sln`, and stops PostgreSQL whatever happens.
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '[test.sh] %s\n' "$*"; }

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    log "installing chromium (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || { log "could not install chromium"; exit 1; }
  else
    log "chromium is missing: install it with 'sudo apt-get install chromium'"; exit 1
  fi
fi

# The two-node test runs two UU.Web processes behind Debian's nginx (nginx-light), started as a child of the test.
if [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing nginx-light (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null || { log "could not install nginx-light"; exit 1; }
  else
    log "nginx is missing: install it with 'sudo apt-get install nginx-light'"; exit 1
  fi
fi

# The search engine reads Debian's Swedish Hunspell dictionary and the FreeDict English–Swedish dictionary
# from their package paths (it works without them, with a warning, but the search tests expect them).
if [ ! -f /usr/share/hunspell/sv_SE.dic ] || [ ! -f /usr/share/dictd/freedict-eng-swe.index ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing hunspell-sv and dict-freedict-eng-swe (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hunspell-sv dict-freedict-eng-swe >/dev/null || { log "could not install the dictionaries"; exit 1; }
  else
    log "dictionaries are missing: install them with 'sudo apt-get install hunspell-sv dict-freedict-eng-swe'"; exit 1
  fi
fi

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pg_bin" ] || { log "PostgreSQL server binaries not found under /usr/lib/postgresql"; exit 1; }
pgdata=$(mktemp -d /tmp/uu-pg.XXXXXX)
port=55432
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

as_pg() {
  if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$pgdata"; runuser -u postgres -- "$@"; else "$@"; fi
}
stop_pg() {
  as_pg "$pg_bin/pg_ctl" -D "$pgdata" -m fast stop >/dev/null 2>&1
  rm -rf "$pgdata"
}
trap stop_pg EXIT

log "starting PostgreSQL on 127.0.0.1:$port"
as_pg "$pg_bin/initdb" -D "$pgdata" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null || { log "initdb failed"; exit 1; }
as_pg "$pg_bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
  -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
  start >/dev/null || { log "PostgreSQL did not start:"; cat "$pgdata/server.log"; exit 1; }
export UU_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Maximum Pool Size=30"
export UU_CHROMIUM="${UU_CHROMIUM:-$(command -v chromium)}"

# Test hosts neither reload their configuration nor hold an inotify watcher per file provider (the web root's, for
# asp-append-version): every WebApplicationFactory took some, the limit is 128 per user, and a parallel run exhausted it.
export DOTNET_hostBuilder__reloadConfigOnChange=false
export DOTNET_USE_POLLING_FILE_WATCHER=true

results=$(mktemp)
dotnet test UU.Web.sln --logger "console;verbosity=minimal" "$@" 2>&1 | tee "$results"
status=${PIPESTATUS[0]}

# One closing line for the whole run, summed over the test assemblies.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "\nTests: %d passed, %d failed, %d skipped\n", p, f, s }' "$results"
rm -f "$results"
exit "$status"
