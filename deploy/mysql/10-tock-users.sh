#!/bin/sh
# Runs once, when the MySQL volume is first initialised (docker-entrypoint-initdb.d).
# The image has already created MYSQL_USER (the migrator) with every privilege on
# MYSQL_DATABASE only. Here: the application's own user, which can read and
# write rows of that database and nothing else (no DDL, no other databases).
set -eu
mysql --protocol=socket -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE USER IF NOT EXISTS 'tock_app'@'%' IDENTIFIED BY '${TOCK_APP_DB_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, DELETE ON \`${MYSQL_DATABASE}\`.* TO 'tock_app'@'%';
FLUSH PRIVILEGES;
SQL
