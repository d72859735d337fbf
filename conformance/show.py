#!/usr/bin/env python3
"""Print a fixture (or a runner jsonl) as a readable timeline: ms, direction by host name,
flags, seq/ack relative to each side's ISN, len, win, options; calls and final states.

    python3 conformance/show.py conformance/fixtures/handshake.json [--abs] [--opts]
"""
import json
import sys


def load(path):
    with open(path) as f:
        text = f.read()
    try:
        fx = json.loads(text)
        if isinstance(fx, dict) and 'events' in fx:
            return fx
    except ValueError:
        pass
    evs = [json.loads(line) for line in text.splitlines() if line.strip()]
    return {'events': [e for e in evs if e.get('type') != 'final'],
            'final': [e for e in evs if e.get('type') == 'final'], 'scenario': None}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    absolute = '--abs' in sys.argv
    opts = '--opts' in sys.argv
    fx = load(args[0])
    ip2host = {}
    if fx.get('scenario'):
        ip2host = {h['ip']: n for n, h in fx['scenario']['hosts'].items()}
    isn = {}

    def name(ep):
        ip, port = ep.rsplit(':', 1)
        return '%s:%s' % (ip2host.get(ip, ip), port)

    for e in fx['events']:
        if e['type'] == 'segment':
            src, dst = e['src'], e['dst']
            fwd, back = (src, dst), (dst, src)  # ISNs are per connection and direction
            if 'S' in e['flags'] and fwd not in isn:
                isn[fwd] = e['seq']
            seq, ack = e['seq'], e['ack']
            if not absolute:
                if fwd in isn:
                    seq = (seq - isn[fwd]) % 2 ** 32
                if back in isn and '.' in e['flags']:
                    ack = (ack - isn[back]) % 2 ** 32
            line = '%10.1f  %-14s > %-14s %-4s seq %-6d ack %-6d len %-4d win %-5d' % (
                e['t'] * 1000, name(src), name(dst), e['flags'], seq, ack, e['len'], e['win'])
            if e['fate'] != 'delivered':
                line += ' %s(%s)' % (e['fate'].upper(), e.get('reason', ''))
            if e.get('duplicate'):
                line += ' DUP'
            if opts and e.get('options'):
                line += ' [%s]' % e['options']
            print(line)
        elif e['type'] == 'call':
            res = e.get('errno', e.get('ret'))
            extra = ''
            if 'data' in e and e.get('ret'):
                extra = ' %r' % e['data']
            if e.get('expectOk') is False:
                extra += '  (EXPECTED %r)' % e['expect']
            print('%10.1f  %s/%s %s(fd=%s) = %s%s  [called at %.1f]' % (
                e['t'] * 1000, e['host'], e['thread'], e['call'], e.get('fd', ''), res, extra, e['start'] * 1000))
    for f in fx.get('final', []):
        print('final %-7s %-34s %-12s %s' % (f['host'], f['socket'], f['state'], f.get('timer', '')))
    if fx.get('notes'):
        print('notes:', fx['notes'])


if __name__ == '__main__':
    main()
