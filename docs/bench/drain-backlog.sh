#!/usr/bin/env bash
# Measures how long an edge agent takes to drain a backlog of N results after the hub comes back, and the
# agent's resident memory (VmRSS, sampled every 0.5 s) while it drains. Real jars, separate processes, loopback.
# Usage: docs/bench/drain-backlog.sh [N=10000]     (run `mvn -q -DskipTests package` first)
set -euo pipefail
N="${1:-10000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
W="$(mktemp -d)"; trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$W"' EXIT
HUB="java -jar $ROOT/hub/target/hub.jar"; SIM="java -jar $ROOT/simulator/target/simulator.jar"
MQTT=$((20000 + RANDOM % 10000)); LANE=$((30000 + RANDOM % 10000))
$HUB init --data "$W/hub" >/dev/null
$HUB provision-station --data "$W/hub" --center CDA-DRAIN --station drain-1 --kind cda-light --out "$W/b.json" --mqtt-url "tcp://127.0.0.1:$MQTT" >/dev/null
$SIM lane --port "$LANE" --interval-ms 0 2>/dev/null & LANE_PID=$!
sleep 2
java -Xmx256m -jar "$ROOT/edge-agent/target/edge-agent.jar" run --bundle "$W/b.json" --data "$W/agent" --lane "tcp://127.0.0.1:$LANE" --progress-seconds 1 > "$W/agent.log" 2>&1 & AGENT=$!
pending() { grep -o 'pending in outbox [0-9]*' "$W/agent.log" | tail -1 | grep -o '[0-9]*$' || echo 0; }
echo "filling the outbox with $N results while the hub is down..." >&2
while [ "$(pending)" -lt "$N" ]; do sleep 1; done
kill $LANE_PID; wait $LANE_PID 2>/dev/null || true
# vehicles already in the socket buffer are still read and stored: wait until the backlog stops growing
PREV=-1; while [ "$(pending)" != "$PREV" ]; do PREV=$(pending); sleep 3; done
BACKLOG=$(pending)
RSS_BEFORE=$(awk '/VmRSS/{print $2}' /proc/$AGENT/status)
echo "backlog $BACKLOG; starting the hub" >&2
$HUB serve --data "$W/hub" --mqtt-port "$MQTT" > "$W/hub.log" 2>&1 & HUBPID=$!
until grep -q "hub ready" "$W/hub.log"; do sleep 0.2; done
START=$(date +%s.%N); MAXRSS=$RSS_BEFORE
while [ "$(pending)" -gt 0 ]; do
  R=$(awk '/VmRSS/{print $2}' /proc/$AGENT/status); [ "$R" -gt "$MAXRSS" ] && MAXRSS=$R
  sleep 0.5
done
END=$(date +%s.%N)
ACCEPTED=$($HUB verify-ledger --data "$W/hub" --json | tail -1)
kill $AGENT $HUBPID; wait 2>/dev/null || true
python3 - "$BACKLOG" "$START" "$END" "$RSS_BEFORE" "$MAXRSS" "$ACCEPTED" <<'PY'
import json, sys
backlog, start, end, before, peak, ledger = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), json.loads(sys.argv[6])
secs = end - start
print(json.dumps({"backlog": backlog, "drainSeconds": round(secs, 1), "resultsPerSecond": round(backlog / secs),
                  "agentRssMiBBeforeDrain": round(before / 1024), "agentRssMiBPeakDuringDrain": round(peak / 1024),
                  "ledgerResults": ledger["results"], "ledgerOk": ledger["ok"]}))
PY
