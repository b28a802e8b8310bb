#!/usr/bin/env bash
# `npm start`: installs what is missing, brings the infrastructure up, builds the four services and
# the web console and runs them (each service migrates its database on start; routing seeds the demo
# directory), with the gateway serving the console and the services' APIs on one origin.
# Ctrl-C stops them; Kafka keeps running (`npm run infra -- down` stops it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/ensure-deps.sh
bash scripts/infra.sh up
NX_DAEMON=false npx nx run-many -t build --outputStyle=static

# Optional local overrides; see .env.example for every variable and its default.
if [[ -f .env ]]; then set -a; source .env; set +a; fi

# Staff sign-in: unless .env points at a real identity provider, the services trust the local demo
# one, whose key pair lives in .infra/auth/ (`npm run staff-token -- <login>` signs with it).
node scripts/demo-auth-keys.js
if [[ -z "${AUTH_JWKS_URL:-}" && -z "${AUTH_PUBLIC_KEY:-}" ]]; then
  export AUTH_PUBLIC_KEY="$(cat .infra/auth/public.pem)"
fi
# The services sit behind the local gateway: they take the client's address from X-Forwarded-For
# when it comes from this machine (tracking's rate limit and the audit trail see the real client).
export TRUST_PROXY="${TRUST_PROXY:-loopback}"
# Appeals seals residents' phone and e-mail in events for notifications with this shared key.
export RESIDENT_CONTACT_KEY="${RESIDENT_CONTACT_KEY:-$(cat .infra/auth/resident-contact.key)}"

declare -A PORTS=([appeals]=3001 [routing]=3002 [notifications]=3003 [stats]=3004)
PG_BASE="${PG_BASE_URL:-postgres://postgres@127.0.0.1:5432}"
mkdir -p .infra/logs
pids=()

stop_services() {
  trap - INT TERM EXIT
  if ((${#pids[@]})); then
    echo; echo "[start] stopping services ..."
    kill -TERM "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop_services INT TERM EXIT

for service in appeals routing notifications stats; do
  port=${PORTS[$service]}
  if curl -fs "http://127.0.0.1:$port/health/live" >/dev/null 2>&1; then
    echo "[start] $service already answers on :$port, leaving it"
    continue
  fi
  database_var="${service^^}_DATABASE_URL"   # e.g. APPEALS_DATABASE_URL overrides one service's database
  HTTP_PORT=$port DATABASE_URL="${!database_var:-$PG_BASE/akimat_$service}" \
    node "dist/apps/$service/main.js" >>".infra/logs/$service.log" 2>&1 &
  pids+=($!)
done

for service in appeals routing notifications stats; do
  port=${PORTS[$service]}
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 \
    || { echo "[start] $service did not become ready; see .infra/logs/$service.log"; exit 1; }
done

GATEWAY_PORT="${GATEWAY_PORT:-8080}"
if curl -fs "http://127.0.0.1:$GATEWAY_PORT/health/live" >/dev/null 2>&1; then
  echo "[start] the gateway already answers on :$GATEWAY_PORT, leaving it"
else
  # With a real identity provider (AUTH_JWKS_URL) there is no demo sign-in: staff bring its tokens.
  demo_key="" demo_staff=""
  if [[ -z "${AUTH_JWKS_URL:-}" ]]; then
    demo_key="$PWD/.infra/auth/private.pem" demo_staff="$PWD/.infra/auth/demo-staff.json"
    npm run -s staff-token -- list --json >"$demo_staff"
  fi
  HTTP_PORT=$GATEWAY_PORT DEMO_SIGNING_KEY_FILE="${DEMO_SIGNING_KEY_FILE:-$demo_key}" \
    DEMO_STAFF_FILE="${DEMO_STAFF_FILE:-$demo_staff}" \
    APPEALS_URL="http://127.0.0.1:${PORTS[appeals]}" ROUTING_URL="http://127.0.0.1:${PORTS[routing]}" \
    NOTIFICATIONS_URL="http://127.0.0.1:${PORTS[notifications]}" STATS_URL="http://127.0.0.1:${PORTS[stats]}" \
    CONSOLE_DIR="$PWD/dist/apps/console" node dist/apps/gateway/main.js >>.infra/logs/gateway.log 2>&1 &
  pids+=($!)
  for _ in $(seq 1 40); do
    curl -fs "http://127.0.0.1:$GATEWAY_PORT/health/live" >/dev/null 2>&1 && break
    sleep 0.25
  done
fi

cat <<INFO

Open Akimat appeal routing is running (logs in .infra/logs/):
  console        http://127.0.0.1:$GATEWAY_PORT/   staff sign in there (demo staff listed); residents: /track
  appeals        http://127.0.0.1:3001/api/docs   record: POST /api/v1/appeals; inbox: GET /api/v1/appeals?unitId=; resident: GET /api/v1/track/:number
  routing        http://127.0.0.1:3002/api/docs   directory: /api/v1/units; rules: /api/v1/rules; why: /api/v1/assignments/:appealId
  notifications  http://127.0.0.1:3003/api/docs   GET /api/v1/deliveries?appealId=, /api/v1/inbox?recipient=
  stats          http://127.0.0.1:3004/api/docs   GET /api/v1/stats/summary
  health/metrics /health/live, /health/ready, /metrics (ops token) on each port
Sign in: every staff call carries "Authorization: Bearer <token>"; demo tokens, e.g.
  TOKEN=\$(npm run -s staff-token -- akim)          # see: npm run -s staff-token -- list
Press Ctrl-C to stop the services.
INFO
if ((${#pids[@]})); then
  wait -n "${pids[@]}" || true
  echo "[start] a service exited; see .infra/logs/"
fi
