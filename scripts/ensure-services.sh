#!/usr/bin/env bash
# Makes sure the test machine has what the tests need: Debian's Chromium, PostgreSQL on 127.0.0.1:5432 (role postgres,
# no password) and Redis on 127.0.0.1:6379. Installs with apt-get only what is missing, starts what is not running,
# and prints one line per thing it did (nothing when all is in place). Safe to run any number of times.
set -euo pipefail

say() { echo "ensure-services: $*"; }
die() { echo "ensure-services: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

# ------------------------------------------------------------------------------------------------ install
find_missing() {
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  { command -v pg_ctlcluster && command -v psql && command -v pg_isready && ls /usr/lib/postgresql/*/bin/postgres; } \
    >/dev/null 2>&1 || missing+=(postgresql)
  { command -v redis-server && command -v redis-cli; } >/dev/null 2>&1 || missing+=(redis-server)
}
find_missing

if [ "${#missing[@]}" -gt 0 ]; then
  log="$(mktemp)"
  apt=(env DEBIAN_FRONTEND=noninteractive apt-get -q -o Dpkg::Use-Pty=0)
  if ! { as_root "${apt[@]}" update && as_root "${apt[@]}" install -y "${missing[@]}"; } \
    >"$log" 2>&1 </dev/null; then
    tail -n 30 "$log" >&2
    die "apt-get install ${missing[*]} failed (full log: $log)"
  fi
  installed=("${missing[@]}")
  hash -r
  find_missing
  [ "${#missing[@]}" -eq 0 ] || die "apt-get ran but ${missing[*]} is still missing (log: $log)"
  rm -f "$log"
  for package in "${installed[@]}"; do say "installed $package"; done
fi

# ------------------------------------------------------------------------------------------------ PostgreSQL
pg_version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$pg_version" ]; then
  # Some images skip the cluster that the package normally creates.
  pg_version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  as_root pg_createcluster "$pg_version" main >/dev/null
  say "created PostgreSQL cluster $pg_version/main"
fi
pg_conf="/etc/postgresql/$pg_version/main"

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  pg_isready -q -h 127.0.0.1 -p 5432 || die "PostgreSQL $pg_version/main did not come up on 127.0.0.1:5432"
  say "started PostgreSQL $pg_version/main on 127.0.0.1:5432"
fi

can_connect() { PGCONNECT_TIMEOUT=5 psql -w -h 127.0.0.1 -p 5432 -U postgres -d postgres -qAtc 'select 1' >/dev/null 2>&1; }

if ! can_connect; then
  # A fresh Debian install asks for a password on TCP: trust loopback connections (first matching line wins).
  hba="$pg_conf/pg_hba.conf"
  if ! as_root grep -q '^# event-coming: trust loopback' "$hba"; then
    tmp="$(mktemp)"
    {
      echo "# event-coming: trust loopback (added by scripts/ensure-services.sh for tests)"
      echo "host    all    all    127.0.0.1/32    trust"
      echo "host    all    all    ::1/128         trust"
      as_root cat "$hba"
    } >"$tmp"
    as_root cp "$tmp" "$hba"
    rm -f "$tmp"
  fi
  as_root pg_ctlcluster --skip-systemctl-redirect "$pg_version" main reload
  for _ in $(seq 1 20); do can_connect && break; sleep 0.25; done
  can_connect || die "role postgres still cannot connect to 127.0.0.1:5432 without a password (see $hba)"
  say "set trust auth for 127.0.0.1/32 and ::1/128 in $hba"
fi

# ------------------------------------------------------------------------------------------------ Redis
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }

if ! redis_up; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  for _ in $(seq 1 40); do redis_up && break; sleep 0.25; done
  redis_up || die "Redis did not come up on 127.0.0.1:6379"
  say "started Redis on 127.0.0.1:6379"
fi
