#!/usr/bin/env python3
"""Writes the captured byte streams the decoder tests read: <family>/session.bin (a clean session) and
<family>/faulty.bin (every way the wire goes wrong, in a fixed order the tests assert). Run from this folder."""
import os


def frame(payload, check=None):
    x = 0
    for b in payload.encode('ascii'):
        x ^= b
    c = check if check is not None else '%02X' % x
    return b'\x02' + payload.encode('ascii') + b'\x03' + c.encode('ascii') + b'\r\n'


def bad_check(payload):
    x = 0
    for b in payload.encode('ascii'):
        x ^= b
    return frame(payload, '%02X' % (x ^ 0x5A))


FAMILIES = {
    # family: (identity, [3 good readings], out of range, bad number, session readings)
    'lights': ('ID,Luxtec,HLT-900,LX00042,1.4.2,2026-03-01,2027-02-28',
               ['LB,L,24.50,1.20', 'LB,R,23.10,1.35', 'SU,95.2'], 'LB,L,151.00,1.20', 'LB,L,2x.5,1.20',
               ['LB,L,24.50,1.20', 'LB,R,23.10,1.35', 'SU,95.2']),
    'suspension': ('ID,Eusatec,SPT-4,SU00042,1.4.2,2026-03-01,2027-02-28',
                   ['EU,FL,62.0', 'EU,FR,58.5', 'EU,RL,71.2'], 'EU,RR,100.5', 'EU,RR,-',
                   ['EU,FL,62.0', 'EU,FR,58.5', 'EU,RL,71.2', 'EU,RR,69.9']),
    'sideslip': ('ID,Alinex,SSP-2,SS00042,1.4.2,2026-03-01,2027-02-28',
                 ['SS,1,+4.0', 'SS,2,-2.5', 'SS,1,+3.8'], 'SS,1,+25.0', 'SS,1,4,0',
                 ['SS,1,+4.0', 'SS,2,-2.5']),
    'tread': ('ID,Profundi,TG-30,TG00042,1.4.2,2026-03-01,2027-02-28',
              ['TD,FL,3.10', 'TD,FR,3.05', 'TD,RL,2.80'], 'TD,RR,31.00', 'TD,RR,2.8mm',
              ['TD,FL,3.10', 'TD,FR,3.05', 'TD,RL,2.80', 'TD,RR,2.95']),
    'sound': ('ID,Acustek,SLM-2,SL00042,1.4.2,2026-03-01,2027-02-28',
              ['SL,81.2,A', 'SL,82.0,A', 'SL,81.6,A'], 'SL,135.0,A', 'SL,8.2e1,A',
              ['SL,81.2,A', 'SL,82.0,A', 'SL,81.6,A']),
}

for family, (ident, good, out_of_range, bad_number, session) in FAMILIES.items():
    os.makedirs(family, exist_ok=True)
    with open(os.path.join(family, 'session.bin'), 'wb') as f:
        f.write(frame(ident) + b''.join(frame(p) for p in session))
    data = b''
    data += b'\x55\xaa+++ATZ noise\r\n'                      # 1 garbage on the line before the first frame
    data += frame(ident)                                      # 2 identity
    data += frame(good[0])                                    # 3 reading
    data += bad_check(good[1])                                # 4 bad checksum
    data += frame('ER,E12,sensor overload')                   # 5 device error frame
    data += frame(out_of_range)                               # 6 out of range
    data += frame(bad_number)                                 # 7 not a number
    data += frame('ZZ,1,2')                                   # 8 unknown record
    data += b'\x02' + good[1][:5].encode('ascii')             # 9 frame cut short by the next STX ..
    data += frame(good[1])                                    #   .. which is a good reading
    data += frame(good[2]).replace(b'\r\n', b'')              # 10 reading without CR LF
    data += b'\x02' + good[0][:4].encode('ascii')             # 11 stream ends inside a frame
    with open(os.path.join(family, 'faulty.bin'), 'wb') as f:
        f.write(data)
