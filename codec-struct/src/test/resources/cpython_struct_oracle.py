# Reads one case per line on stdin and answers one line per case on stdout, using CPython's struct.
# A case is: op TAB hex(format) TAB space-separated argument tokens.
# Tokens: N (None), T/F (bool), i:<int>, d:<8 bytes little-endian hex of a double>, b:<hex bytes>, s:<hex utf-8 str>.
# Also: repr (Python's repr of the argument) and literal (the format column holds a literal to read).
# An answer is "ok <tokens>" or "err <ExceptionType> <message>"; iter_unpack ends each struct with "|".
import ast
import struct
import sys


def dec(t):
    if t == 'N':
        return None
    if t == 'T':
        return True
    if t == 'F':
        return False
    kind, value = t[0], t[2:]
    if kind == 'i':
        return int(value)
    if kind == 'd':
        return struct.unpack('<d', bytes.fromhex(value))[0]
    if kind == 'b':
        return bytes.fromhex(value)
    if kind == 's':
        return bytes.fromhex(value).decode('utf-8')
    raise ValueError('bad token ' + t)


def enc(v):
    if v is None:
        return 'N'
    if v is True:
        return 'T'
    if v is False:
        return 'F'
    if isinstance(v, int):
        return 'i:%d' % v
    if isinstance(v, float):
        return 'd:' + struct.pack('<d', v).hex()
    if isinstance(v, bytes):
        return 'b:' + v.hex()
    raise ValueError('cannot encode %r' % (v,))


def run(op, fmt, args):
    if op == 'calcsize':
        return ['i:%d' % struct.calcsize(fmt)]
    if op == 'pack':
        return [enc(struct.pack(fmt, *args))]
    if op == 'unpack':
        return [enc(x) for x in struct.unpack(fmt, args[0])]
    if op == 'pack_into':
        buf = bytearray(b'\xaa' * args[0])
        struct.pack_into(fmt, buf, args[1], *args[2:])
        return [enc(bytes(buf))]
    if op == 'unpack_from':
        return [enc(x) for x in struct.unpack_from(fmt, args[0], args[1])]
    if op == 'iter_unpack':
        out = []
        for values in struct.iter_unpack(fmt, args[0]):
            out += [enc(x) for x in values] + ['|']
        return out
    if op == 'repr':
        return [repr(args[0])]
    if op == 'literal':
        # fmt holds the literal text; inf and nan are read as float() reads them
        text = fmt.strip()
        if text.lower().lstrip('+-') in ('inf', 'infinity', 'nan'):
            return [enc(float(text))]
        value = ast.literal_eval(text)
        if not isinstance(value, (int, float, bytes, type(None))):
            raise ValueError('not a number, bool, None or bytes')
        return [enc(value)]
    raise ValueError('bad op ' + op)


for line in sys.stdin:
    op, fmt, tokens = line.rstrip('\n').split('\t')
    fmt = bytes.fromhex(fmt).decode('ascii')
    args = [dec(t) for t in tokens.split(' ')] if tokens else []
    try:
        print('ok ' + ' '.join(run(op, fmt, args)))
    except Exception as e:
        print('err %s %s' % (type(e).__name__, str(e).replace('\n', ' ')))
sys.stdout.flush()
