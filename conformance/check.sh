#!/usr/bin/env bash
# Stability check: re-run the scenario embedded in each fixture against the kernel and compare the new run with the
# fixture using compare.mjs (the same normalization the simulator is held to). A recording is only useful as ground
# truth if a second run of the same scenario gives the same segments, calls and final states.
#
#   bash conformance/check.sh                    # every fixture whose untilMs is at most 60 s
#   LONG=1 bash conformance/check.sh             # every fixture
#   bash conformance/check.sh handshake nagle-hello
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
mkdir -p out/check
if [ $# -gt 0 ]; then ids=("$@"); else ids=(); for f in fixtures/*.json; do ids+=("$(basename "$f" .json)"); done; fi
fail=0
for id in "${ids[@]}"; do
  fx="fixtures/$id.json"
  python3 -c "import json,sys; json.dump(json.load(open('$fx'))['scenario'], open('out/check/$id.scenario.json','w'))"
  if [ -z "${LONG:-}" ] && [ $# -eq 0 ] && python3 -c "import json,sys; sys.exit(0 if json.load(open('out/check/$id.scenario.json')).get('untilMs',0) > 60000 else 1)"; then
    echo "$id: skipped (long; LONG=1 to include)"; continue
  fi
  python3 kernel_runner.py run "out/check/$id.scenario.json" --jsonl "out/check/$id.jsonl" > "out/check/$id.log" 2>&1 || { echo "$id: run failed"; fail=1; continue; }
  node compare.mjs "$fx" "out/check/$id.jsonl" || fail=1
done
exit $fail
