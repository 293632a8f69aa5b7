#!/usr/bin/env bash
# A throw-away PostgreSQL server for the store tests, from Debian's
# postgresql package (scripts/setup.sh installs it):
#
#   pg_server.sh start DIR PASSWORD   initdb in DIR/data, listen only on a unix
#                                     socket in DIR, password (SCRAM) required
#   pg_server.sh stop DIR             stop it (immediate shutdown) and delete
#                                     its data
#
# The server runs as the user `postgres` (via runuser) when this runs as root,
# since postgres refuses to run as root; DIR is given to that user.
# Connect with postgresql://postgres:PASSWORD@/postgres?host=DIR
# Exit codes: 0 done, 2 usage, 3 PostgreSQL not installed, 1 anything else.
set -euo pipefail

usage() {
  echo "usage: $0 start DIR PASSWORD | stop DIR" >&2
  exit 2
}

find_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z $bin || ! -x $bin/initdb || ! -x $bin/pg_ctl ]]; then
    echo "pg_server.sh: no PostgreSQL server found in /usr/lib/postgresql/*/bin:" \
         "install Debian's postgresql package (bash scripts/setup.sh does)" >&2
    exit 3
  fi
  echo "$bin"
}

# Runs a command as the server's user.
as_server_user() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

[[ $# -ge 2 ]] || usage
action=$1
dir=$(realpath -m "$2")
case $action in
  start)
    [[ $# -eq 3 ]] || usage
    password=$3
    bin=$(find_bin)
    mkdir -p "$dir"
    if [[ $(id -u) -eq 0 ]]; then
      if ! id postgres >/dev/null 2>&1; then
        echo "pg_server.sh: running as root but there is no postgres user to run the server" >&2
        exit 3
      fi
      chown postgres: "$dir"
      # The socket folder's parents must be searchable by postgres.
      parent=$(dirname "$dir")
      while [[ $parent != / ]]; do
        chmod o+x "$parent" 2>/dev/null || true
        parent=$(dirname "$parent")
      done
    fi
    # A server left by an interrupted run in the same folder (ctest's shared
    # one lives in the build folder) is stopped and thrown away.
    if [[ -d $dir/data ]]; then
      if [[ -f $dir/data/postmaster.pid ]]; then
        as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
      fi
      rm -rf "$dir/data"
    fi
    printf '%s\n' "$password" >"$dir/pwfile"
    chmod 0600 "$dir/pwfile"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir/pwfile"
    as_server_user "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
      --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || {
      cat "$dir/initdb.log" >&2
      exit 1
    }
    rm -f "$dir/pwfile"
    # Unix socket in DIR only: no TCP port, so parallel test runs never clash.
    # fsync off: the data is thrown away; max_connections for many writers.
    as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -k '$dir' -c fsync=off -c max_connections=60" start \
      >"$dir/pg_ctl.log" 2>&1 || {
      cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null || true
      exit 1
    }
    ;;
  stop)
    bin=$(find_bin)
    if [[ -f $dir/data/postmaster.pid ]]; then
      as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir/data"
    ;;
  *)
    usage
    ;;
esac
