# Fills in literal sizes: usage python3 literals.py in.script.in out.script
# A C: line ending in {?} or {?+} starts a literal made of the following C: lines, each with CRLF, up to a
# line "C: ." which becomes the empty line ending the command (APPEND); "C: .rest" becomes "C: rest" (the rest of
# the command after the literal, e.g. the ")" of APPEND's UTF8 form). Literals inside a command line
# (search strings) are written with their size by hand.
import sys, re
out = []
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
i = 0
while i < len(lines):
    l = lines[i]
    m = re.search(r'\{\?(\+?)\}$', l)
    if l.startswith('C:') and m:
        body = []
        j = i + 1
        while not (lines[j] == 'C: .' or lines[j].startswith('C: .') and not lines[j].startswith('C: ..')):
            body.append(lines[j][3:] if lines[j].startswith('C: ') else lines[j][2:])
            j += 1
        n = sum(len(b.encode('utf-8')) + 2 for b in body)
        out.append(l[:m.start()] + '{%d%s}' % (n, m.group(1)))
        out.extend(lines[i+1:j])
        rest = lines[j][4:]
        out.append('C: ' + rest if rest else 'C:')
        i = j + 1
        continue
    out.append(l)
    i += 1
open(sys.argv[2], 'w', encoding='utf-8').write('\n'.join(out))
