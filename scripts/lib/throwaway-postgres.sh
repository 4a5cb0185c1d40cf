# A throwaway PostgreSQL 15 cluster on 127.0.0.1 for the benchmark scripts, sourced by them:
#
#   source scripts/lib/throwaway-postgres.sh
#   start_throwaway_postgres FIRST_PORT LAST_PORT [durable]   # sets pg_work, pg_port, pg_password; stops on EXIT
#
# Without `durable` the cluster skips fsync (nothing in it outlives the run); with it, commits reach the disk as a
# production server's do, which is what a benchmark of writes must measure.

pg_bin=/usr/lib/postgresql/15/bin
pg_work=""
pg_data=""
pg_port=""
pg_password=""

# PostgreSQL refuses to run as root: root hands over to `postgres`, from a folder that user may enter.
as_postgres() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_throwaway_postgres() {
  if [[ -n $pg_data && -f $pg_data/postmaster.pid ]]; then
    as_postgres "$pg_bin/pg_ctl" --pgdata="$pg_data" --mode=immediate --silent stop >/dev/null 2>&1 || true
  fi
  if [[ -n $pg_work ]]; then
    rm -rf "$pg_work"
  fi
}

start_throwaway_postgres() {
  local first_port=$1 last_port=$2 durable=${3:-}
  [[ -x $pg_bin/pg_ctl ]] || { echo "PostgreSQL 15 is missing: scripts/test installs it (postgresql-15)." >&2; exit 1; }

  pg_work=$(mktemp -d -t perimeter-bench.XXXXXX)
  pg_data=$pg_work/data
  pg_password=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$pg_password" >"$pg_work/password"
  if [[ $EUID -eq 0 ]]; then
    chown -R postgres: "$pg_work"
  fi
  as_postgres "$pg_bin/initdb" --pgdata="$pg_data" --username=postgres --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 --pwfile="$pg_work/password" >"$pg_work/initdb.log" 2>&1 ||
    { cat "$pg_work/initdb.log" >&2; exit 1; }
  rm -f "$pg_work/password"

  cat >>"$pg_data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pg_work'
shared_buffers = 1GB
CONF
  if [[ $durable != durable ]]; then
    printf '%s\n' "fsync = off" "synchronous_commit = off" "full_page_writes = off" >>"$pg_data/postgresql.conf"
  fi

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
  echo "PostgreSQL 15 is up on 127.0.0.1:$pg_port${durable:+ (durable)}."
}
