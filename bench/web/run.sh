#!/usr/bin/env bash
# Serving benchmark: a Release build of UU.Web (output-cached public pages) against nginx serving saved copies
# of the same pages as static files — the physical limit for serving that page on this machine.
# Needs nginx and wrk (Debian: apt-get install nginx-light wrk). Everything stays on 127.0.0.1.
# Usage: bench/web/run.sh [seconds per run, default 10] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-10}
connections=${2:-32}
for tool in nginx wrk; do command -v $tool >/dev/null || { echo "needs $tool: apt-get install nginx-light wrk"; exit 1; }; done

work=$(mktemp -d /tmp/uu-webbench.XXXXXX)
app_port=5190; static_port=5191
cleanup() {
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building Release…"
dotnet publish src/UU.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
ASPNETCORE_ENVIRONMENT=Production Storage__DataPath="$work/data" Logging__LogLevel__Default=Warning \
  dotnet "$work/app/UU.Web.dll" --urls "http://127.0.0.1:$app_port" > "$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$app_port/health" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$app_port/health" >/dev/null || { echo "UU.Web did not start"; cat "$work/app.log"; exit 1; }
# The first start seeds the demo data and builds the search index (tens of seconds of CPU): measure after that.
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$app_port/api/search?q=ledarskap" | grep -q '"url"' && break; sleep 0.5; done
sleep 5

declare -A pages=(
  [module]="/utbildningar/demensvard"
  [catalogue]="/utbildningar"
  [story]="/berattelser/specialpedagogiskt-lyft-i-timra"
)
mkdir -p "$work/static"
for name in "${!pages[@]}"; do
  curl -sf "http://127.0.0.1:$app_port${pages[$name]}" -o "$work/static/$name.html"
done

cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp; uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server { listen 127.0.0.1:$static_port; root $work/static; }
}
CONF
mkdir -p "$work/tmp"
nginx -c "$work/nginx.conf"

measure() { # url -> "requests/s p99"
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$1" > "$work/wrk.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  echo "$rps $p99"
}

# Warm-up: JIT tiering and the output cache, so the first page measured is not penalised.
# Twice over: the first minute after a start also runs the scheduled jobs' first rounds, which took the CPU from
# whichever page was measured first (the module page at 0.17 of nginx once, against 0.45 for the others).
for _ in 1 2; do
  for name in "${!pages[@]}"; do wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$app_port${pages[$name]}" >/dev/null; done
done

echo
echo "Serving benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t2 -c$connections -d${duration}s, 127.0.0.1"
echo "| page | UU.Web req/s | UU.Web p99 | nginx static req/s | nginx p99 | UU.Web ÷ nginx |"
echo "|---|---|---|---|---|---|"
for name in module catalogue story; do
  curl -sf "http://127.0.0.1:$app_port${pages[$name]}" >/dev/null   # warm the output cache
  read -r uu_rps uu_p99 < <(measure "http://127.0.0.1:$app_port${pages[$name]}")
  read -r ng_rps ng_p99 < <(measure "http://127.0.0.1:$static_port/$name.html")
  ratio=$(awk -v a="$uu_rps" -v b="$ng_rps" 'BEGIN { printf "%.2f", a / b }')
  echo "| $name (${pages[$name]}) | $uu_rps | $uu_p99 | $ng_rps | $ng_p99 | $ratio |"
done
