#!/usr/bin/env bash
# Storage requests per answered inbound text, counted from Azurite's own request log (docs/performance.md, issue 11).
#
#   scripts/count-storage-requests.sh              # 100 first-time customers
#   N=200 scripts/count-storage-requests.sh
#
# Starts Azurite with --debug on its own ports (AZURITE_PORT, +1, +2; a temporary data directory), a fake Graph API
# (scripts/count-storage-requests.mjs, loopback only) and a Release DevHost with an access token, so replies really go
# to the fake. Warm-up first (tables, queues, rule cache, JIT); then idle polling is counted for IDLE seconds; then N
# first-time customers each send "Hi! Are you open today?" (a greeting and the opening-hours answer, plus the read
# receipt), the run waits until the fake has every reply and the queues are empty, and the requests of that window
# minus the idle rate over the same time are printed per message, by kind.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
N=${N:-100}
IDLE=${IDLE:-10}
PORT=${PORT:-7181}
GRAPH_PORT=${GRAPH_PORT:-7184}
AZURITE_PORT=${AZURITE_PORT:-10181}
OUT=${OUT:-$ROOT/.count}
SECRET=local_app_secret_change_me
HELPER="node scripts/count-storage-requests.mjs"
mkdir -p "$OUT"

for port in "$PORT" "$GRAPH_PORT" "$AZURITE_PORT" $((AZURITE_PORT + 1)) $((AZURITE_PORT + 2)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use; set PORT / GRAPH_PORT / AZURITE_PORT" >&2
    exit 1
  fi
done
[[ -f node_modules/azurite/dist/src/azurite.js ]] || { echo "Azurite missing: run npm ci" >&2; exit 1; }

echo "== build (Release)"
dotnet build -c Release src/Frontdesk.DevHost/Frontdesk.DevHost.csproj -v quiet -nologo >"$OUT/build.log"
DEVHOST_DLL=src/Frontdesk.DevHost/bin/Release/net10.0/Frontdesk.DevHost.dll

PIDS=()
AZURITE_DIR=$(mktemp -d)
stop() {
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$AZURITE_DIR"
}
trap stop EXIT

LOG=$AZURITE_DIR/debug.log
node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --loose --disableTelemetry \
  --location "$AZURITE_DIR" --debug "$LOG" \
  --blobPort "$AZURITE_PORT" --queuePort $((AZURITE_PORT + 1)) --tablePort $((AZURITE_PORT + 2)) >"$OUT/azurite.log" 2>&1 &
PIDS+=($!)
$HELPER graph "$GRAPH_PORT" >"$OUT/graph.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$((AZURITE_PORT + 2))") 2>/dev/null && break; sleep 0.2; done

KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$((AZURITE_PORT + 1))/devstoreaccount1;TableEndpoint=http://127.0.0.1:$((AZURITE_PORT + 2))/devstoreaccount1;"
env AzureWebJobsStorage="$STORAGE" FrontdeskStorage="$STORAGE" \
  WhatsApp__AccessToken=count-run-token WhatsApp__GraphBaseUrl="http://127.0.0.1:$GRAPH_PORT" \
  dotnet "$DEVHOST_DLL" --urls "http://127.0.0.1:$PORT" --contentRoot "$ROOT/$(dirname "$DEVHOST_DLL")" >"$OUT/devhost.log" 2>&1 &
PIDS+=($!)
URL="http://127.0.0.1:$PORT/api/webhook"
for _ in $(seq 240); do
  [[ $(curl -s "$URL?hub.mode=subscribe&hub.verify_token=local_verify_token_change_me&hub.challenge=42" || true) == 42 ]] && break
  sleep 0.5
done

graph_total() { curl -s "http://127.0.0.1:$GRAPH_PORT/count" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).total))'; }
# Waits until the fake Graph API holds $1 requests and then 3 s more with no new one (the last deletes land).
wait_for_graph() {
  local want=$1 last=-1 same=0
  for _ in $(seq 600); do
    local now; now=$(graph_total)
    if (( now >= want )) && (( now == last )); then same=$((same + 1)); (( same >= 6 )) && return 0; else same=0; fi
    last=$now
    sleep 0.5
  done
  echo "the fake Graph API got $last of $want requests; see $OUT/devhost.log" >&2
  exit 1
}
now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }

echo "== warm-up: 20 customers"
$HELPER send "$URL" "$SECRET" 20 900
wait_for_graph 60

echo "== idle: ${IDLE} s"
IDLE_FROM=$(now); sleep "$IDLE"; IDLE_TO=$(now)

echo "== $N first-time customers"
BEFORE=$(graph_total)
FROM=$(now); START=$(date +%s.%N)
$HELPER send "$URL" "$SECRET" "$N" 100
wait_for_graph $((BEFORE + 3 * N))
TO=$(now); END=$(date +%s.%N)
curl -s "http://127.0.0.1:$GRAPH_PORT/count" >"$OUT/graph-count.json"

node - "$($HELPER count "$LOG" "$IDLE_FROM" "$IDLE_TO")" "$($HELPER count "$LOG" "$FROM" "$TO")" "$IDLE" \
  "$(echo "$END - $START" | bc)" "$N" "$BEFORE" "$(cat "$OUT/graph-count.json")" <<'EOF'
const [idle, run, idleSeconds, runSeconds, n, before, graph] = process.argv.slice(2);
const idleKinds = JSON.parse(idle), runKinds = JSON.parse(run);
const scale = Number(runSeconds) / Number(idleSeconds);
const rows = [...new Set([...Object.keys(idleKinds), ...Object.keys(runKinds)])].sort().map((kind) => {
  const net = (runKinds[kind] ?? 0) - (idleKinds[kind] ?? 0) * scale;
  return [kind, runKinds[kind] ?? 0, (idleKinds[kind] ?? 0) * scale, net / Number(n)];
});
// Queue metadata reads (GET queue) come from the QueueDepth timer once a minute, not from messages.
const timer = rows.filter((r) => r[0].endsWith(': GET queue'));
const counted = rows.filter((r) => !r[0].endsWith(': GET queue'));
const total = counted.reduce((sum, r) => sum + r[3], 0);
const sent = JSON.parse(graph).total - Number(before);
console.log(`${n} messages in ${Number(runSeconds).toFixed(1)} s; the fake Graph API got ${sent} requests (${(sent / n).toFixed(2)} per message: ${graph})`);
console.log('| request | in the run | idle polling over the same time | per message |');
console.log('|---|---:|---:|---:|');
for (const [kind, seen, idleShare, per] of counted) {
  if (Math.abs(per) >= 0.005) console.log(`| ${kind} | ${seen} | ${idleShare.toFixed(1)} | ${per.toFixed(2)} |`);
}
console.log(`| **total** | | | **${total.toFixed(2)}** |`);
if (timer.length > 0) console.log(`(not counted: ${timer.reduce((s, r) => s + r[1], 0)} queue metadata reads by the QueueDepth timer)`);
EOF
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)"
