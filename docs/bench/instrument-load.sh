#!/usr/bin/env bash
# The edge agent's CPU and resident memory while every instrument of a light-vehicle lane streams at once
# (`simulator lane --stream-all`: brake tester, suspension, side-slip, tread, gas, opacity and sound play one
# vehicle after another without pause; the headlight tester is polled and stays quiet), against a baseline in
# the same run: the same agent with no instruments, idle. No hub is needed: the agent keeps its results.
# Usage: docs/bench/instrument-load.sh [SECONDS_PER_WINDOW=20] [WINDOWS=3]   (run `mvn -q -DskipTests package` first)
set -euo pipefail
SECS="${1:-20}"; WINDOWS="${2:-3}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
W="$(mktemp -d)"; trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$W"' EXIT
HUB="java -jar $ROOT/hub/target/hub.jar"; SIM="java -jar $ROOT/simulator/target/simulator.jar"
MQTT=$((20000 + RANDOM % 10000)); LANE=$((30000 + RANDOM % 10000))
TICKS=$(getconf CLK_TCK)
$HUB init --data "$W/hub" >/dev/null
$HUB provision-station --data "$W/hub" --center CDA-LOAD --station load-1 --kind cda-light --out "$W/b.json" --mqtt-url "tcp://127.0.0.1:$MQTT" >/dev/null

# cpu% of PID over SECS seconds (utime+stime from /proc), one number per window; then VmRSS in KiB
measure() {
  local pid=$1 out=()
  for _ in $(seq "$WINDOWS"); do
    local a b; a=$(awk '{print $14+$15}' "/proc/$pid/stat"); sleep "$SECS"; b=$(awk '{print $14+$15}' "/proc/$pid/stat")
    out+=("$(python3 -c "print(round(100*($b-$a)/$TICKS/$SECS,2))")")
  done
  echo "${out[*]} $(awk '/VmRSS/{print $2}' "/proc/$pid/status")"
}
agent() { java -Xmx256m -jar "$ROOT/edge-agent/target/edge-agent.jar" run --bundle "$W/b.json" --data "$W/$1" --lane "tcp://127.0.0.1:$LANE" "${@:2}" > "$W/$1.log" 2>&1 & echo $!; }

echo "baseline: the agent alone, no instruments, ${WINDOWS} windows of ${SECS}s..." >&2
A=$(agent idle); sleep 10
BASE=$(measure "$A"); kill "$A"; wait "$A" 2>/dev/null || true

$SIM lane --profile cda-light --stream-all --instruments "$W/instruments.yaml" 2> "$W/lane.log" & SIMPID=$!
until [ -s "$W/instruments.yaml" ]; do sleep 0.2; done
echo "every instrument streaming: ${WINDOWS} windows of ${SECS}s..." >&2
A=$(agent streamed --instruments "$W/instruments.yaml"); sleep 10
LOAD=$(measure "$A")
kill "$A" "$SIMPID"; wait 2>/dev/null || true
python3 - "$BASE" "$LOAD" <<'PY'
import json, statistics, sys
def parse(s):
    v = s.split(); return [float(x) for x in v[:-1]], int(v[-1])
(bc, br), (lc, lr) = parse(sys.argv[1]), parse(sys.argv[2])
print(json.dumps({"baselineCpuPct": bc, "baselineCpuPctMedian": statistics.median(bc), "baselineRssMiB": round(br / 1024),
                  "streamingCpuPct": lc, "streamingCpuPctMedian": statistics.median(lc), "streamingRssMiB": round(lr / 1024)}))
PY
