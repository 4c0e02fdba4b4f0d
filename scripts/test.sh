#!/usr/bin/env bash
# `npm test`: everything CI checks, in order, stopping at the first failure. Works from a fresh clone on a fresh
# Debian machine (installs and starts PostgreSQL, Redis and Chromium when missing) and without a terminal (CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1
step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
# Never let npx download something that is not in package-lock.json.
bin() { npx --no -- "$@"; }

step "dependencies"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules is up to date"
fi

step "services (PostgreSQL, Redis, Chromium)"
bash scripts/ensure-services.sh

step "fresh test database"
psql_admin=(psql -w -X -q -h 127.0.0.1 -p 5432 -U postgres -d postgres -v ON_ERROR_STOP=1)
# Two checkouts can test side by side on one machine when each names its own database and Redis database number.
test_db="${EC_TEST_DB_NAME:-event_coming_test}"
[[ "$test_db" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "EC_TEST_DB_NAME must be a plain lower-case name" >&2; exit 2; }
"${psql_admin[@]}" -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $test_db WITH (FORCE)"
"${psql_admin[@]}" -c "CREATE DATABASE $test_db"
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$test_db"
export TEST_REDIS_URL="redis://127.0.0.1:6379/${EC_TEST_REDIS_DB:-0}"
echo "TEST_DATABASE_URL=$TEST_DATABASE_URL"

step "Upstash REST bridge in front of Redis"
work_dir="$(mktemp -d)"
bridge_pid=""
cleanup() {
  if [ -n "$bridge_pid" ]; then
    kill "$bridge_pid" 2>/dev/null || true
    wait "$bridge_pid" 2>/dev/null || true
  fi
  rm -rf "$work_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bridge_token="$(node -e 'process.stdout.write(require("node:crypto").randomBytes(24).toString("hex"))')"
node scripts/upstash-redis-bridge.mjs --port 0 --host 127.0.0.1 --redis "$TEST_REDIS_URL" --token "$bridge_token" \
  >"$work_dir/bridge.json" </dev/null &
bridge_pid=$!
for _ in $(seq 1 100); do
  [ -s "$work_dir/bridge.json" ] && [ "$(wc -l <"$work_dir/bridge.json")" -ge 1 ] && break
  kill -0 "$bridge_pid" 2>/dev/null || { echo "the Upstash bridge exited at start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$work_dir/bridge.json" ] || { echo "the Upstash bridge printed no address within 10 s" >&2; exit 1; }
bridge_url="$(node -e 'const l=require("node:fs").readFileSync(process.argv[1],"utf8").split("\n")[0]; process.stdout.write(JSON.parse(l).url)' "$work_dir/bridge.json")"
export UPSTASH_REDIS_REST_URL="$bridge_url"
export UPSTASH_REDIS_REST_TOKEN="$bridge_token"
echo "UPSTASH_REDIS_REST_URL=$UPSTASH_REDIS_REST_URL"

step "typecheck"
bin tsc --noEmit

step "lint"
bin eslint --max-warnings=0 .

step "architecture (dependency-cruiser: .dependency-cruiser.cjs)"
npm run --silent lint:deps

step "sizes (files ≤ 300 lines, functions ≤ 80 outside React components)"
npm run --silent lint:sizes

step "unit and database tests (TZ=UTC)"
TZ=UTC bin vitest run

if [ -n "$(find lib -name '*.tz.test.ts' -not -path '*/node_modules/*' -print -quit 2>/dev/null)" ]; then
  step "time-zone tests again in a second host zone (TZ=America/Sao_Paulo)"
  TZ=America/Sao_Paulo bin vitest run .tz.test
fi

# The app is built and run in its embedded mode (PGlite, no Redis), as playwright.config.ts starts it.
step "production build"
env -u DATABASE_URL -u TEST_DATABASE_URL -u UPSTASH_REDIS_REST_URL -u UPSTASH_REDIS_REST_TOKEN -u AUTH_SECRET \
  npx --no -- next build

step "end-to-end tests (Playwright, Debian Chromium)"
bin playwright test --project=chromium

# Alone on the machine: it measures the browser's main-thread tasks with 5,000 people moving.
step "end-to-end test of the live map at scale (Playwright, alone)"
bin playwright test --project=scale
