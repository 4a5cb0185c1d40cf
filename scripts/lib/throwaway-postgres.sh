# A throwaway PostgreSQL 15 cluster on 127.0.0.1, sourced by scripts/test and the benchmark scripts:
#
#   source scripts/lib/throwaway-postgres.sh
#   start_throwaway_postgres FIRST_PORT LAST_PORT fast|durable [CONF_LINE…]   # sets pg_work, pg_port, pg_password
#   stop_throwaway_postgres                                                  # in the caller's EXIT trap
#
# `fast` skips fsync (nothing in the cluster outlives the run); `durable` commits to disk as a production server
# does, which is what a benchmark of writes must measure. CONF_LINEs go to postgresql.conf as they are.

pg_bin=/usr/lib/postgresql/15/bin
pg_work=""
pg_data=""
pg_port=""
pg_password=""

# Runs a PostgreSQL tool as a user it accepts: it refuses to run as root, so root hands over to `postgres`,
# from a folder that user may enter (a clone under /root is closed to it).
as_postgres() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

port_in_use() {
  # Bash connects to the port itself: no dependency on ss, netstat or lsof.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The cluster is thrown away, so there is nothing to flush: stopped at once.
stop_throwaway_postgres() {
  if [[ -n $pg_data && -f $pg_data/postmaster.pid ]]; then
    as_postgres "$pg_bin/pg_ctl" --pgdata="$pg_data" --mode=immediate --silent stop >/dev/null 2>&1 || true
  fi
  if [[ -n $pg_work ]]; then
    rm -rf "$pg_work"
  fi
}

start_throwaway_postgres() {
  local first_port=$1 last_port=$2 durability=$3
  shift 3
  [[ -x $pg_bin/pg_ctl ]] || { echo "PostgreSQL 15 is missing: scripts/test installs it (postgresql-15)." >&2; exit 1; }

  pg_work=$(mktemp -d -t perimeter-postgres.XXXXXX)
  pg_data=$pg_work/data
  pg_password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$pg_password" >"$pg_work/password"
  if [[ $EUID -eq 0 ]]; then
    chown -R postgres: "$pg_work"
  fi
  # A random password, even on loopback: other users of a shared CI machine can reach 127.0.0.1 too.
  as_postgres "$pg_bin/initdb" --pgdata="$pg_data" --username=postgres --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 --pwfile="$pg_work/password" >"$pg_work/initdb.log" 2>&1 ||
    { cat "$pg_work/initdb.log" >&2; exit 1; }
  rm -f "$pg_work/password"

  printf '%s\n' "listen_addresses = '127.0.0.1'" "unix_socket_directories = '$pg_work'" "$@" >>"$pg_data/postgresql.conf"
  if [[ $durability == fast ]]; then
    printf '%s\n' "fsync = off" "synchronous_commit = off" "full_page_writes = off" >>"$pg_data/postgresql.conf"
  fi

  # Another run (or anything else) may hold a port: take the first free one, and move on if it was taken between
  # the check and the start.
  for ((pg_port = first_port; pg_port <= last_port; pg_port++)); do
    port_in_use "$pg_port" && continue
    if as_postgres "$pg_bin/pg_ctl" --pgdata="$pg_data" --log="$pg_work/postgres.log" --options="-p $pg_port" \
      --wait --timeout=60 --silent start >/dev/null; then
      break
    fi
  done
  if ((pg_port > last_port)); then
    echo "Could not start PostgreSQL on any port from $first_port to $last_port; its log:" >&2
    cat "$pg_work/postgres.log" >&2 || true
    exit 1
  fi
  local tries
  for ((tries = 0; tries < 60; tries++)); do
    "$pg_bin/pg_isready" --quiet --host=127.0.0.1 --port="$pg_port" && break
    sleep 0.5
  done
  echo "PostgreSQL 15 is up on 127.0.0.1:$pg_port ($durability, data in $pg_data)."
}
