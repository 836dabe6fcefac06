#!/usr/bin/env bash
# Makes sure what the tests need is here, installing or starting it when it is
# not: MariaDB (127.0.0.1:3306, root, no password), Redis (127.0.0.1:6379) and
# Debian's Chromium for the browser tests. `npm test` runs it first (pretest),
# and `.ci/run` sources it. Installing needs root (apt-get); everything else
# is a quick check when the services already answer.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
log() { echo "[provision] $*"; }

APT_UPDATED=0
apt_install() {
  if [[ $APT_UPDATED -eq 0 ]]; then
    apt-get update
    APT_UPDATED=1
  fi
  apt-get install -y "$@"
}

# wait_for SECONDS COMMAND...: retry COMMAND once a second until it succeeds.
wait_for() {
  local seconds=$1
  shift
  local i
  for ((i = 0; i < seconds; i++)); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  "$@" >/dev/null 2>&1
}

# ---- MariaDB ------------------------------------------------------------------
mariadb_ping() { mariadb-admin -h127.0.0.1 -P3306 -uroot --connect-timeout=2 ping; }
mariadb_tcp_login() { mariadb -h127.0.0.1 -P3306 -uroot --connect-timeout=2 -e 'SELECT 1'; }

start_mariadb() {
  # The Debian package normally leaves an initialised data directory, but a
  # container may lose /run (tmpfs) or never have run the postinst fully.
  [[ -d /run/mysqld ]] || install -d -m 0755 /run/mysqld
  chown mysql:mysql /run/mysqld
  [[ -d /var/log/mysql ]] || install -d -o mysql -g mysql -m 0750 /var/log/mysql
  if [[ ! -d /var/lib/mysql/mysql ]]; then
    log "initialising the MariaDB data directory"
    install -d -o mysql -g mysql -m 0755 /var/lib/mysql
    mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
  fi
  log "starting mariadbd"
  # mariadbd refuses to run as root; --user=mysql makes it drop privileges
  # (the same as `user = mysql` in my.cnf, but independent of the config).
  start-stop-daemon --start --oknodo --background \
    --exec /usr/sbin/mariadbd -- --user=mysql
}

ensure_mariadb() {
  if mariadb_ping >/dev/null 2>&1; then
    log "MariaDB answers on 127.0.0.1:3306"
  else
    if [[ ! -x /usr/sbin/mariadbd ]]; then
      log "installing mariadb-server"
      apt_install mariadb-server mariadb-client
    fi
    # apt's postinst may already have started it (unless policy-rc.d forbids).
    if ! mariadb_ping >/dev/null 2>&1; then
      start_mariadb
    fi
    if ! wait_for 60 mariadb_ping; then
      log "MariaDB did not answer within 60 s"
      tail -n 50 /var/log/mysql/error.log 2>/dev/null || true
      return 1
    fi
    log "MariaDB is up"
  fi

  # Root must log in over TCP without a password. A fresh Debian install only
  # lets root in through the unix socket; we are root, so fix it from there.
  if ! mariadb_tcp_login >/dev/null 2>&1; then
    log "allowing root to log in over TCP without a password"
    mariadb -uroot <<'SQL'
ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD('') OR unix_socket;
CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED VIA mysql_native_password USING PASSWORD('');
ALTER USER 'root'@'127.0.0.1' IDENTIFIED VIA mysql_native_password USING PASSWORD('');
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS 'root'@'::1' IDENTIFIED VIA mysql_native_password USING PASSWORD('');
GRANT ALL PRIVILEGES ON *.* TO 'root'@'::1' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
    mariadb_tcp_login >/dev/null
  fi
  log "MariaDB: $(mariadb -h127.0.0.1 -P3306 -uroot -N -e 'SELECT VERSION()')"
}

# ---- Redis --------------------------------------------------------------------
redis_ping() { [[ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" == "PONG" ]]; }

ensure_redis() {
  if command -v redis-cli >/dev/null 2>&1 && redis_ping; then
    log "Redis answers on 127.0.0.1:6379"
    return 0
  fi
  if ! command -v redis-server >/dev/null 2>&1 || ! command -v redis-cli >/dev/null 2>&1; then
    log "installing redis-server"
    apt_install redis-server redis-tools
  fi
  if ! redis_ping; then
    log "starting redis-server"
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 \
      --save "" --appendonly no --dir /tmp
  fi
  if ! wait_for 30 redis_ping; then
    log "Redis did not answer within 30 s"
    return 1
  fi
  log "Redis is up"
}

# ---- Chromium (browser tests) ---------------------------------------------------
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then
    log "Chromium: $(command -v chromium)"
    return 0
  fi
  log "installing chromium"
  apt_install chromium
}

provision() {
  ensure_mariadb
  ensure_redis
  ensure_chromium
}

# Run only when executed (sourcing lets .ci/run reuse the pieces).
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  provision
fi
