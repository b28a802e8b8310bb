-- One database per service (a service never reads another service's tables).
-- Run by the postgres image on first start (empty data volume) via /docker-entrypoint-initdb.d.
-- Idempotent, so it can also be run by hand: psql -U postgres -f docker/postgres-init/01-databases.sql
SELECT 'CREATE DATABASE akimat_appeals'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'akimat_appeals')\gexec
SELECT 'CREATE DATABASE akimat_routing'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'akimat_routing')\gexec
SELECT 'CREATE DATABASE akimat_notifications'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'akimat_notifications')\gexec
SELECT 'CREATE DATABASE akimat_stats'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'akimat_stats')\gexec
