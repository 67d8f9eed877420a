#!/usr/bin/env bash
# Load run of the real intake path: POST /api/webhook on DevHost (Release) backed by Azurite, driven by
# tools/Frontdesk.LoadTest (signed bodies, a new wamid per request, loopback only). Results: docs/performance-intake.md.
#
#   scripts/load-webhook.sh                 # all phases, 20 s or 20 000 requests per run
#   DURATION=10 LEVELS="1 8" scripts/load-webhook.sh
#
# Phases, every run on a fresh Azurite (temporary data directory) and a fresh DevHost:
#   intake    Inbox and OutboundSenderFunction disabled: only the HTTP path (verify, classify, enqueue) is measured;
#             concurrency LEVELS, then 3 MB bodies of 1000 messages (split into ~65 queue messages each).
#   pipeline  consumers enabled, WhatsApp__AccessToken empty (replies are printed, not sent): intake while the Inbox
#             and OutboundSender work the same Azurite.
# Azurite is started here the way DevHost's launcher starts it (same flags, --debug log included unless
# AZURITE_DEBUG=0) but on its own ports (AZURITE_PORT, +1, +2) and a temporary data directory, so a developer's
# Azurite on 10000-10002 is neither used nor disturbed. DevHost's content root is its build output, so its
# appsettings.json log levels apply (Microsoft.AspNetCore at Warning), as under `dotnet run`.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
PORT=${PORT:-7071}
AZURITE_PORT=${AZURITE_PORT:-10100}
DURATION=${DURATION:-20}
REQUESTS=${REQUESTS:-20000}
LEVELS=${LEVELS:-"1 8 32"}
BIG_REQUESTS=${BIG_REQUESTS:-40}
PHASES=${PHASES:-"intake pipeline"}
AZURITE_DEBUG=${AZURITE_DEBUG:-1}
OUT=${OUT:-$ROOT/.load}
URL="http://127.0.0.1:$PORT/api/webhook"
mkdir -p "$OUT"

for port in "$PORT" "$AZURITE_PORT" $((AZURITE_PORT + 1)) $((AZURITE_PORT + 2)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use; set PORT / AZURITE_PORT" >&2
    exit 1
  fi
done
[[ -f node_modules/azurite/dist/src/azurite.js ]] || { echo "Azurite missing: run npm ci" >&2; exit 1; }

echo "== build (Release)"
dotnet build -c Release src/Frontdesk.DevHost/Frontdesk.DevHost.csproj -v quiet -nologo >"$OUT/build-devhost.log"
dotnet build -c Release tools/Frontdesk.LoadTest/Frontdesk.LoadTest.csproj -v quiet -nologo >"$OUT/build-loadtest.log"
DEVHOST_DLL=src/Frontdesk.DevHost/bin/Release/net10.0/Frontdesk.DevHost.dll
LOADTEST_DLL=tools/Frontdesk.LoadTest/bin/Release/net10.0/Frontdesk.LoadTest.dll

AZURITE_PID=""
DEVHOST_PID=""
AZURITE_DIR=""
stop() {
  if [[ -n $DEVHOST_PID ]]; then kill -TERM "$DEVHOST_PID" 2>/dev/null || true; wait "$DEVHOST_PID" 2>/dev/null || true; DEVHOST_PID=""; fi
  if [[ -n $AZURITE_PID ]]; then kill "$AZURITE_PID" 2>/dev/null || true; wait "$AZURITE_PID" 2>/dev/null || true; AZURITE_PID=""; fi
  if [[ -n $AZURITE_DIR ]]; then rm -rf "$AZURITE_DIR"; AZURITE_DIR=""; fi
}
trap stop EXIT

start() { # phase name, then extra environment assignments for DevHost
  local phase=$1; shift
  AZURITE_DIR=$(mktemp -d)
  local debug=""
  [[ $AZURITE_DEBUG == 1 ]] && debug="--debug $AZURITE_DIR/debug.log"
  node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --loose --disableTelemetry \
    --location "$AZURITE_DIR" $debug \
    --blobPort "$AZURITE_PORT" --queuePort $((AZURITE_PORT + 1)) --tablePort $((AZURITE_PORT + 2)) >"$OUT/azurite-$phase.log" 2>&1 &
  AZURITE_PID=$!
  local key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  local storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$((AZURITE_PORT + 1))/devstoreaccount1;TableEndpoint=http://127.0.0.1:$((AZURITE_PORT + 2))/devstoreaccount1;"
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$((AZURITE_PORT + 2))") 2>/dev/null && break; sleep 0.2; done
  env AzureWebJobsStorage="$storage" FrontdeskStorage="$storage" WhatsApp__AccessToken= "$@" \
    dotnet "$DEVHOST_DLL" --urls "http://127.0.0.1:$PORT" --contentRoot "$ROOT/$(dirname "$DEVHOST_DLL")" >"$OUT/devhost-$phase.log" 2>&1 &
  DEVHOST_PID=$!
  for _ in $(seq 120); do
    if [[ $(curl -s "$URL?hub.mode=subscribe&hub.verify_token=local_verify_token_change_me&hub.challenge=42" || true) == 42 ]]; then
      echo "== $phase: DevHost up (pid $DEVHOST_PID), Azurite pid $AZURITE_PID"
      return
    fi
    sleep 0.5
  done
  echo "DevHost did not answer; see $OUT/devhost-$phase.log" >&2
  exit 1
}

load() { # label, then generator arguments
  local label=$1; shift
  dotnet "$LOADTEST_DLL" --url "$URL" --duration "$DURATION" --label "$label" "$@" | tee -a "$OUT/results.txt" || true
}

: >"$OUT/results.txt"
header="| run | workers | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | > 1 s |"
for phase in $PHASES; do
  case $phase in
    intake)
      # A fresh Azurite for every run: nothing drains webhook-inbox here, and Azurite slows as a queue grows deep.
      for c in $LEVELS; do
        start "intake-c$c" AzureWebJobs.Inbox.Disabled=true AzureWebJobs.OutboundSender.Disabled=true
        load "intake text.json" --concurrency "$c" --requests "$REQUESTS"
        stop
      done
      start intake-3mb AzureWebJobs.Inbox.Disabled=true AzureWebJobs.OutboundSender.Disabled=true
      load "intake 3 MB / 1000 msgs" --concurrency 1 --requests "$BIG_REQUESTS" --warmup 2 --messages 1000 --text-bytes 2900
      stop
      ;;
    pipeline)
      start pipeline
      load "pipeline text.json" --concurrency 8 --requests "$REQUESTS"
      echo "pipeline: $(grep -c 'Webhook accepted' "$OUT/devhost-pipeline.log" || true) webhook(s) logged accepted; Inbox/outbound activity in $OUT/devhost-pipeline.log" | tee -a "$OUT/results.txt"
      stop
      ;;
  esac
done

echo
echo "$header"
echo "|---|---|---|---|---|---|---|---|---|---|"
grep '^| ' "$OUT/results.txt"
