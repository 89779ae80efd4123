import sys
from corpus_sort import MSGS, raw
out = []
A = out.append
A("# SORT, ESORT and THREAD over a small corpus; every expected answer was recorded from the reference Dovecot 2.3")
A("# with the same messages (SORT=DISPLAY, REFERENCES and ORDEREDSUBJECT), then BADCHARSET and bad syntax.")
A("S: \\* OK .*")
A("C: a1 LOGIN alice secret")
A("S: a1 OK \\[CAPABILITY .* SORT SORT=DISPLAY ESORT THREAD=ORDEREDSUBJECT THREAD=REFERENCES.*\\] .*")
for i, (d, h, b) in enumerate(MSGS, 1):
    n = len(raw(h, b))
    A('C: p%d APPEND INBOX "%s" {%d+}' % (i, d, n))
    for l in h: A("C: " + l)
    A("C:")
    for l in b: A("C: " + l)
    A("C:")
    A("S: p%d OK .*" % i)
A("C: a2 SELECT INBOX")
A("SUB {")
for l in ["\\* FLAGS .*", "\\* OK \\[PERMANENTFLAGS .*", "\\* 6 EXISTS", "\\* 6 RECENT", "\\* OK \\[UNSEEN 1\\] .*",
          "\\* OK \\[UIDVALIDITY \\d+\\] .*", "\\* OK \\[UIDNEXT 7\\] .*"]:
    A("S: " + l)
A("}")
A("S: a2 OK .*")
pairs = [
 ("s1 SORT (ARRIVAL) UTF-8 ALL", "* SORT 3 1 2 4 5 6"),
 ("s2 SORT (REVERSE ARRIVAL) UTF-8 ALL", "* SORT 6 5 4 2 1 3"),
 ("s3 SORT (DATE) UTF-8 ALL", "* SORT 2 1 3 4 5 6"),
 ("s4 SORT (SUBJECT) UTF-8 ALL", "* SORT 3 4 6 1 2 5"),
 ("s5 SORT (FROM) UTF-8 ALL", "* SORT 2 5 3 6 4 1"),
 ("s6 SORT (REVERSE FROM) US-ASCII ALL", "* SORT 1 4 6 3 2 5"),
 ("s7 SORT (TO) UTF-8 ALL", "* SORT 3 6 1 5 2 4"),
 ("s8 SORT (CC) UTF-8 ALL", "* SORT 1 2 4 6 5 3"),
 ("s9 SORT (SIZE) UTF-8 ALL", "* SORT 6 1 4 2 5 3"),
 ("t1 SORT (DISPLAYFROM) UTF-8 ALL", "* SORT 2 5 3 6 4 1"),
 ("t2 sort (displayto) utf-8 all", "* SORT 3 6 1 5 2 4"),
 ("t3 SORT (SUBJECT REVERSE DATE) UTF-8 ALL", "* SORT 4 3 6 5 1 2"),
 ("t4 SORT (DATE) UTF-8 FROM anna", "* SORT 2 5"),
 ("t5 SORT RETURN (MIN MAX COUNT ALL) (DATE) UTF-8 ALL", '* ESEARCH (TAG "t5") MIN 2 MAX 6 ALL 2,1,3:6 COUNT 6'),
 ("t6 THREAD ORDEREDSUBJECT UTF-8 ALL", "* THREAD (2 (1)(5))(3 4)(6)"),
 ("t7 THREAD REFERENCES UTF-8 ALL", "* THREAD (1 2 5)(3 4)(6)"),
 ("t8 SORT RETURN (SAVE) (REVERSE SIZE) UTF-8 NOT FROM anna", None),
 ("t9 FETCH $ (UID)", ["* 1 FETCH (UID 1)", "* 3 FETCH (UID 3)", "* 4 FETCH (UID 4)", "* 6 FETCH (UID 6)"]),
 ("u1 STORE 1 +FLAGS.SILENT (\\Deleted)", None),
 ("u2 EXPUNGE", "* 1 EXPUNGE"),
 ("u3 UID SORT (DATE) UTF-8 ALL", "* SORT 2 3 4 5 6"),
 ("u4 SORT (DATE) UTF-8 ALL", "* SORT 1 2 3 4 5"),
 ("u5 UID THREAD REFERENCES UTF-8 ALL", "* THREAD (2 5)(3 4)(6)"),
 ("u6 THREAD REFERENCES UTF-8 ALL", "* THREAD (1 4)(2 3)(5)"),
 ("u7 UID THREAD ORDEREDSUBJECT UTF-8 NOT FROM carl", "* THREAD (2 5)(3 4)"),
 ("u8 UID SORT RETURN (MIN MAX) (REVERSE DATE) UTF-8 ALL", '* ESEARCH (TAG "u8") UID MIN 6 MAX 2'),
 ("u9 THREAD REFERENCES UTF-8 SUBJECT nothing", "* THREAD"),
 ("v1 SORT (SUBJECT) UTF-8 SUBJECT nothing", "* SORT"),
 ("v2 SORT RETURN (COUNT) (SUBJECT) UTF-8 SUBJECT nothing", '* ESEARCH (TAG "v2") COUNT 0'),
 ("v3 SORT (DATE) UTF-8 $", "* SORT 2 3 5"),
 ("v4 SORT (DATE) UTF-8 MODSEQ 1", "* SORT 1 2 3 4 5 (MODSEQ \\d+)"),
]
import re
def rx(s):
    return re.sub(r'([\\*()\[\]$+.])', r'\\\1', s)
for cmd, resp in pairs:
    A("C: " + cmd)
    tag = cmd.split()[0]
    if isinstance(resp, list):
        for r in resp: A("S: " + rx(r))
    elif resp is not None:
        A("S: " + (rx(resp).replace("\\\\d\\+", "\\d+") ))
    A("S: %s OK .*" % tag)
A("# charsets other than UTF-8 and US-ASCII are refused with NO [BADCHARSET]; SORT and THREAD need a charset")
for cmd in ["w1 SORT (DATE) ISO-8859-1 ALL", "w2 THREAD REFERENCES KOI8-R ALL", "w3 UID SORT (DATE) windows-1252 ALL"]:
    A("C: " + cmd); A("S: %s NO \\[BADCHARSET \\(UTF-8 US-ASCII\\)\\] .*" % cmd.split()[0])
for cmd in ["x1 SORT () UTF-8 ALL", "x2 SORT (DATE)", "x3 SORT (REVERSE) UTF-8 ALL", "x4 SORT (SPAM) UTF-8 ALL",
            "x5 THREAD FOO UTF-8 ALL", "x6 THREAD REFERENCES UTF-8", "x7 SORT DATE UTF-8 ALL", "x8 SORT RETURN (NOPE) (DATE) UTF-8 ALL",
            "x9 UID THREAD ORDEREDSUBJECT UTF-8 SUBJECT"]:
    A("C: " + cmd); A("S: %s BAD .*" % cmd.split()[0])
A("C: z1 LOGOUT")
A("S: \\* BYE .*")
A("S: z1 OK .*")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
