#!/usr/bin/env python3
"""Records the reference Dovecot's FETCH answers for DovecotCorpus (a maintenance tool, not run by tests).

Start it first: ../shared/reference/dovecot.sh start (IMAP on 127.0.0.1:10143, carol/secret).
usage: dovecot_fetch.py ITEMS file.eml...   e.g. dovecot_fetch.py "ENVELOPE BODYSTRUCTURE BODY[1.MIME]" m.eml
Appends each file (LF turned into CRLF unless --raw) to a fresh mailbox "mimecmp" and prints each untagged
FETCH answer with CR, LF, backslash, tab and 8-bit bytes escaped, one block per message."""
import socket, sys, re

class C:
    def __init__(s):
        s.s = socket.create_connection(("127.0.0.1", 10143)); s.buf = b""; s.n = 0
        s.readline()
    def readline(s):
        while b"\r\n" not in s.buf:
            d = s.s.recv(65536)
            if not d: raise EOFError
            s.buf += d
        i = s.buf.index(b"\r\n") + 2
        l, s.buf = s.buf[:i], s.buf[i:]
        return l
    def readn(s, n):
        while len(s.buf) < n:
            s.buf += s.s.recv(65536)
        d, s.buf = s.buf[:n], s.buf[n:]
        return d
    def resp(s):
        """one full response line including literals"""
        out = b""
        while True:
            l = s.readline(); out += l
            m = re.search(rb"\{(\d+)\}\r\n$", l)
            if not m: return out
            out += s.readn(int(m.group(1)))
    def cmd(s, c, lit=None):
        s.n += 1; t = b"a%d" % s.n
        if lit is not None:
            s.s.sendall(t + b" " + c + b" {%d}\r\n" % len(lit))
            l = s.readline(); assert l.startswith(b"+"), l
            s.s.sendall(lit + b"\r\n")
        else:
            s.s.sendall(t + b" " + c + b"\r\n")
        res = []
        while True:
            r = s.resp()
            if r.startswith(t + b" "):
                return res, r
            res.append(r)

def esc(b):
    out=[]
    for c in b:
        if c==13: out.append("\\r")
        elif c==10: out.append("\\n")
        elif c==92: out.append("\\\\")
        elif c==9: out.append("\\t")
        elif c<32 or c>=127: out.append("\\x%02x"%c)
        else: out.append(chr(c))
    return "".join(out)

def crlf(b):
    return re.sub(rb"\r?\n", b"\r\n", b)

if __name__ == "__main__":
    items = sys.argv[1]
    raw = "--raw" in sys.argv
    files = [f for f in sys.argv[2:] if f != "--raw"]
    c = C()
    c.cmd(b"LOGIN carol secret")
    c.cmd(b"DELETE mimecmp")
    c.cmd(b"CREATE mimecmp")
    for f in files:
        data = open(f, "rb").read()
        if not raw: data = crlf(data)
        _, r = c.cmd(b"APPEND mimecmp", data)
        if b"OK" not in r: print(f, r)
    c.cmd(b"SELECT mimecmp")
    for i, f in enumerate(files, 1):
        res, r = c.cmd(b"FETCH %d (%s)" % (i, items.encode()))
        print("==", f)
        for x in res: print(esc(x))
    c.cmd(b"LOGOUT")
