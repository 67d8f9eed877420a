#!/usr/bin/env bash
# Where the time goes between the README's run command on a fresh clone and the first answered message.
# Results: docs/performance-intake.md ("First run").
#
#   scripts/measure-first-run.sh                       # clones HEAD into a temporary folder and measures it
#   REF=main PORT=7141 AZURITE_PORT=10140 scripts/measure-first-run.sh
#
# It runs, in a fresh `git clone` (no node_modules, bin or obj; the NuGet and npm caches are whatever this machine
# holds, which the report says):
#   1. npm ci                                          (the README's first command)
#   2. dotnet run --project src/Frontdesk.DevHost       (restore, build and run, as the README says), with
#      --urls on PORT and storage on an Azurite the script starts on AZURITE_PORT..+2 with DevHost's own flags, so a
#      developer's DevHost (7071) and Azurite (10000-10002) are neither used nor disturbed; the Azurite start is
#      timed on its own, at the moment DevHost would start it;
#   3. the README's signed POST of tests/Fixtures/webhooks/text.json once DevHost listens, until the reply is
#      printed ("printed, not sent"), which is the first answered message.
# Every line DevHost prints is timestamped as it arrives, so the phases inside start-up (storage, demo seeding) show too.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
REF=${REF:-HEAD}
PORT=${PORT:-7141}
AZURITE_PORT=${AZURITE_PORT:-10140}
WORK=${WORK:-$(mktemp -d /tmp/frontdesk-first-run.XXXXXX)}
mkdir -p "$WORK"
LOG=$WORK/measure.log

for port in "$PORT" "$AZURITE_PORT" $((AZURITE_PORT + 1)) $((AZURITE_PORT + 2)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use; set PORT / AZURITE_PORT" >&2
    exit 1
  fi
done

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
report() { printf '%-52s %7s s\n' "$1" "$2" | tee -a "$LOG"; }

AZURITE_PID=""
DEVHOST_PID=""
stop() {
  if [[ -n $DEVHOST_PID ]]; then kill -TERM "$DEVHOST_PID" 2>/dev/null || true; wait "$DEVHOST_PID" 2>/dev/null || true; fi
  if [[ -n $AZURITE_PID ]]; then kill "$AZURITE_PID" 2>/dev/null || true; wait "$AZURITE_PID" 2>/dev/null || true; fi
}
trap stop EXIT

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg); node $(node --version), npm $(npm --version), dotnet $(dotnet --version)" | tee "$LOG"
start=$(now)
if [[ ${SKIP_SETUP:-0} == 1 ]]; then
  # Start-up only, on a clone a previous run left in WORK (already installed and built).
  echo "== reusing $WORK/repo (SKIP_SETUP=1): no clone, npm ci or build" | tee -a "$LOG"
  cd "$WORK/repo"
  rm -rf .azurite
else
  echo "== clone $REF into $WORK/repo" | tee -a "$LOG"
  git clone --quiet "$ROOT" "$WORK/repo"
  git -C "$WORK/repo" checkout --quiet "$(git -C "$ROOT" rev-parse "$REF")"
  cd "$WORK/repo"

  t=$(now)
  npm ci >"$WORK/npm.log" 2>&1
  report "npm ci" "$(since "$t")"
  grep -i "EBADENGINE\|warn" "$WORK/npm.log" | sed 's/^/   npm: /' | tee -a "$LOG" || true

  t=$(now)
  dotnet build src/Frontdesk.DevHost -nologo -v quiet -clp:PerformanceSummary >"$WORK/build.log" 2>&1
  report "dotnet build src/Frontdesk.DevHost (restore + build, Debug)" "$(since "$t")"
  grep -A 12 '^Project Performance Summary' "$WORK/build.log" | grep ' ms ' | sort -k1 -n -r | head -n 8 | sed 's/^/   build: /' | tee -a "$LOG" || true
fi

# Azurite with DevHost's own launcher flags (src/Frontdesk.DevHost/Azurite/AzuriteLauncher.cs), on this run's ports.
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
storage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$AZURITE_PORT/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$((AZURITE_PORT + 1))/devstoreaccount1;TableEndpoint=http://127.0.0.1:$((AZURITE_PORT + 2))/devstoreaccount1;"
debug=()
grep -q '"--debug"' src/Frontdesk.DevHost/Azurite/AzuriteLauncher.cs && debug=(--debug "$WORK/repo/.azurite/debug.log")
mkdir -p "$WORK/repo/.azurite"
t=$(now)
node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --loose --disableTelemetry \
  --location "$WORK/repo/.azurite" "${debug[@]}" \
  --blobPort "$AZURITE_PORT" --queuePort $((AZURITE_PORT + 1)) --tablePort $((AZURITE_PORT + 2)) >"$WORK/azurite.log" 2>&1 &
AZURITE_PID=$!
for port in "$AZURITE_PORT" $((AZURITE_PORT + 1)) $((AZURITE_PORT + 2)); do
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do sleep 0.05; done
done
report "Azurite start (DevHost's flags${debug:+, with --debug log})" "$(since "$t")"

# The README's command again: dotnet run still restores and checks the build (up to date now), then starts DevHost.
t=$(now)
stamp() { while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done; }
AzureWebJobsStorage=$storage FrontdeskStorage=$storage \
  dotnet run --project src/Frontdesk.DevHost -- --urls "http://127.0.0.1:$PORT" > >(stamp >"$WORK/devhost.log") 2>&1 &
DEVHOST_PID=$!
run_start=$t
t=$(now)
url="http://127.0.0.1:$PORT/api/webhook"
until [[ $(curl -s "$url?hub.mode=subscribe&hub.verify_token=local_verify_token_change_me&hub.challenge=42" || true) == 42 ]]; do
  kill -0 "$DEVHOST_PID" 2>/dev/null || { cat "$WORK/devhost.log"; echo "DevHost exited" >&2; exit 1; }
  sleep 0.1
done
report "dotnet run: up-to-date check, start-up, storage, demo seeding, listening" "$(since "$t")"

t=$(now)
# As the README does: the fixture stamped with the current time (a reply an hour late is not sent).
body=$(sed "s/\"timestamp\": \"[0-9]*\"/\"timestamp\": \"$(date +%s)\"/" tests/Fixtures/webhooks/text.json)
sig=$(printf '%s' "$body" | openssl dgst -sha256 -hmac local_app_secret_change_me -hex | cut -d' ' -f2)
curl -s -o /dev/null -X POST -H "X-Hub-Signature-256: sha256=$sig" -H 'Content-Type: application/json' \
  --data-binary "$body" "$url"
report "first webhook: POST answered" "$(since "$t")"
until grep -Eq "(Greeting|Menu|Rule|Away|Fallback|Catalogue) reply .*not sent|not sent.*(Greeting|Menu|Rule|Away|Fallback|Catalogue)" "$WORK/devhost.log"; do
  kill -0 "$DEVHOST_PID" 2>/dev/null || { echo "DevHost exited" >&2; exit 1; }
  sleep 0.05
done
report "first webhook: to the first reply printed" "$(since "$t")"
report "TOTAL: npm ci && dotnet run to the first answer" "$(since "$start")"

echo "== DevHost's output, in seconds since dotnet run started" | tee -a "$LOG"
awk -v t0="$run_start" '{ $1 = sprintf("%6.1f", $1 - t0); print }' "$WORK/devhost.log" | cut -c1-200 | tee -a "$LOG"
echo "== logs in $WORK"
