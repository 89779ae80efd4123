# Records QUERIES: appends the corpus (INDEX) to a fresh mailbox "fidelity" of alice on the reference Dovecot
# (/work/shared/reference/dovecot.sh start; IMAP_PORT, default 10143) and writes its answer to each line of
# queries.txt. The Java test DovecotFidelityTest replays the same searches against the Maildir store.
import imaplib, os, sys
corpus = os.path.dirname(os.path.abspath(__file__))
M = imaplib.IMAP4('127.0.0.1', int(os.environ.get('IMAP_PORT', '10143')))
M.login('alice', 'secret')
box = 'fidelity'
try: M.delete(box)
except Exception: pass
M.create(box); M.select(box)
for line in open(os.path.join(corpus, 'INDEX')):
    if line.startswith('#'): continue
    fn, flags, date = line.rstrip('\n').split('|')
    data = open(os.path.join(corpus, fn), 'rb').read()
    typ, r = M.append(box, '(' + flags + ')' if flags else None, '"' + date + '"', data)
    assert typ == 'OK', r
M.select(box)
out = open(os.path.join(corpus, 'QUERIES'), 'w')
out.write('# UID SEARCH CHARSET UTF-8 <criteria> | the reference Dovecot 2.3\'s answer (UIDs); server time zone UTC\n')
for q in open(os.path.join(corpus, 'queries.txt'), encoding='utf-8'):
    q = q.rstrip('\n')
    if not q: continue
    cmd = ('UID SEARCH CHARSET UTF-8 ' + q).encode('utf-8')
    # send raw with literal+ style is simpler through _simple_command with bytes; imaplib quotes args, so build manually
    tag = M._new_tag()
    M.send(tag + b' ' + cmd + b'\r\n')
    res = []
    while True:
        line = M.readline()
        if line.startswith(b'* SEARCH'):
            res = line[8:].split()
        elif line.startswith(tag):
            status = line
            break
    if b'OK' not in status.split()[1:2]:
        print('FAILED', q, status); continue
    uids = ' '.join(x.decode() for x in sorted(res, key=int))
    out.write(q + ' | ' + uids + '\n')
    print(q, '=>', uids)
M.logout()
