#!/usr/bin/env bash
# Record (or re-record) the kernel ground truth: every id in conformance/scenarios.txt (or the ids given as
# arguments) is run against this machine's kernel by kernel_runner.py and written to conformance/fixtures/<id>.json.
#
#   npm run conformance:record                 # everything (about 6 minutes: connect-timeout alone takes 140 s)
#   bash conformance/record.sh handshake nagle-hello
#   JOBS=3 bash conformance/record.sh          # run up to 3 scenarios at once (separate namespaces)
#   SKIP_LONG=1 bash conformance/record.sh     # skip scenarios whose untilMs is over 60 s
#
# Needs root (network namespaces, TUN devices). Installs iproute2, ethtool and tcpdump with apt-get when missing
# (tcpdump only to read the pcaps in conformance/out/; the faults are applied by the runner's own wire, not nftables).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
cd "$here"

if [ "$(id -u)" != 0 ]; then
  echo "record.sh: must run as root (network namespaces)" >&2
  exit 1
fi

missing=()
command -v ip >/dev/null || missing+=(iproute2)
command -v ss >/dev/null || missing+=(iproute2)
command -v tcpdump >/dev/null || missing+=(tcpdump)
command -v ethtool >/dev/null || missing+=(ethtool)
if [ ${#missing[@]} -gt 0 ]; then
  echo "record.sh: installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v python3 >/dev/null || { echo "record.sh: python3 is required" >&2; exit 1; }
[ -e /dev/net/tun ] || { echo "record.sh: /dev/net/tun is missing" >&2; exit 1; }

mkdir -p fixtures out
if [ $# -gt 0 ]; then ids=("$@"); else mapfile -t ids < <(grep -v '^\s*#' scenarios.txt | grep -v '^\s*$'); fi

record_one() {
  local id="$1" src lib="$repo/src/sim/scenario/library/$1.json" own="$here/scenarios/$1.json" rc=0 note=""
  if [ -f "$lib" ]; then src="$lib"; else src="$own"; fi
  if [ ! -f "$src" ]; then echo "$id: no scenario file" >&2; return 1; fi
  if [ -n "${SKIP_LONG:-}" ] && python3 -c "import json,sys; sys.exit(0 if json.load(open('$src')).get('untilMs',0) > 60000 else 1)"; then
    echo "$id: skipped (long)"; return 0
  fi
  [ -f "notes/$id.md" ] && note="$(cat "notes/$id.md")"
  python3 kernel_runner.py run "$src" --id "$id" --fixture "out/$id.json.tmp" --pcap "out/$id.pcap" \
    --notes "$note" > "out/$id.log" 2>&1 || rc=$?
  if [ $rc = 3 ] && [ "$src" = "$lib" ] && [ -f "$own" ]; then
    echo "$id: library file not reproducible in the kernel ($(grep UNSUPPORTED "out/$id.log")); using conformance/scenarios/$id.json"
    src="$own"; rc=0
    python3 kernel_runner.py run "$src" --id "$id" --fixture "out/$id.json.tmp" --pcap "out/$id.pcap" \
      --notes "$note" > "out/$id.log" 2>&1 || rc=$?
  fi
  if [ $rc = 3 ]; then
    echo "$id: NOT RECORDED: $(grep UNSUPPORTED "out/$id.log")"
    return 0
  elif [ $rc != 0 ]; then
    echo "$id: FAILED (see conformance/out/$id.log)"; tail -5 "out/$id.log" >&2
    return 1
  fi
  mv "out/$id.json.tmp" "fixtures/$id.json"
  echo "$id: recorded from ${src#$repo/} ($(python3 -c "import json; f=json.load(open('fixtures/$id.json')); print(len(f['events']), 'events,', f['durationS'], 's')"))"
}

jobs_max="${JOBS:-1}"
fail=0
for id in "${ids[@]}"; do
  if [ "$jobs_max" -le 1 ]; then
    record_one "$id" || fail=1
  else
    while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n || fail=1; done
    record_one "$id" &
  fi
done
while [ "$(jobs -rp | wc -l)" -gt 0 ]; do wait -n || fail=1; done
exit $fail
