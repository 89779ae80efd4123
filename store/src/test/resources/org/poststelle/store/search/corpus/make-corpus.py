# Writes the corpus messages and INDEX (run once; the .eml files are committed).
import base64, os, quopri
out = os.path.dirname(os.path.abspath(__file__))
def crlf(s): return s.replace('\r\n','\n').replace('\n','\r\n')
msgs = []
def add(name, data, flags='', date='01-Jan-2024 10:00:00 +0000'):
    if isinstance(data, str): data = crlf(data).encode('utf-8')
    msgs.append((name, data, flags, date))

add('plain', '''From: "Doe, John" <John.Doe@Example.ORG>
To: alice@example.org, Bob <bob@example.net>
Cc: carol@example.com
Subject: Quarterly report
Date: Mon, 1 Jan 2024 23:30:00 -0500
Message-ID: <plain@example.org>

The numbers are GOOD this quarter.
''', flags='\\Seen', date='02-Jan-2024 04:30:00 +0000')

add('encoded-words', '''From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <jm@example.de>
To: alice@example.org
Subject: =?ISO-8859-1?Q?Gr=FC=DFe?= aus =?UTF-8?B?0JzQvtGB0LrQstCw?=
Date: Tue, 2 Jan 2024 01:00:00 +0900 (JST)
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1
Content-Transfer-Encoding: quoted-printable

Gr=FC=DFe aus K=F6ln, sch=
ne Stadt
''', flags='\\Flagged', date='03-Jan-2024 10:00:00 +0000')

ru = ('Привет, мир! Ünïcödé text across base64 lines. ' * 5).encode('utf-8')
add('base64-utf8', crlf('''From: ivan@example.ru
Subject: b64
Date: 3 Jan 24 10:00 EST
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

''') .encode() + base64.encodebytes(ru).replace(b'\n', b'\r\n'), date='04-Jan-2024 10:00:00 +0000')

jp = '日本語のテキスト'.encode('iso-2022-jp')
subj = '=?ISO-2022-JP?B?' + base64.b64encode('件名テスト'.encode('iso-2022-jp')).decode() + '?='
add('iso-2022-jp', crlf('From: yamada@example.jp\nSubject: ' + subj + '\nDate: Fri, 5 Jan 2024 10:00:00 +0900\nContent-Type: text/plain; charset=ISO-2022-JP\n\n').encode() + jp + b'\r\n', date='05-Jan-2024 10:00:00 +0000')

add('koi8-r', crlf('From: b@example.ru\nSubject: koi\nContent-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: 8bit\n\n').encode() + 'Съешь же ещё этих булок'.encode('koi8-r') + b'\r\n', flags='\\Answered', date='06-Jan-2024 10:00:00 +0000')

add('windows-1252', crlf('From: w@example.com\nSubject: price\nDate: garbage\nContent-Type: text/plain; charset=windows-1252\n\n').encode() + 'price \u20ac 5 \u201cquoted\u201d'.encode('cp1252') + b'\r\n', date='07-Jan-2024 10:00:00 +0000')

png = base64.encodebytes(b'needle in a binary attachment').decode()
add('multipart', '''From: m@example.com
To: alice@example.org
Subject: mixed content
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="XX"

preamble needle
--XX
Content-Type: multipart/alternative; boundary=YY

--YY
Content-Type: text/plain; charset=us-ascii

plain part says hello
--YY
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

<p>html part says <b>gr=C3=BC=C3=9F</b></p>
--YY--
--XX
Content-Type: image/png
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="pic.png"

''' + png + '''
--XX--
epilogue needle
''', flags='\\Draft', date='08-Jan-2024 10:00:00 +0000')

add('nested', '''From: f@example.com
Subject: Fwd: inner subject
Content-Type: multipart/mixed; boundary=b

--b
Content-Type: text/plain

see the attached message
--b
Content-Type: message/rfc822

From: =?UTF-8?Q?Z=C3=BCrich?= <z@example.ch>
Subject: inner subject
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

inner body with K=E4se
--b--
''', date='09-Jan-2024 10:00:00 +0000')

add('raw-utf8', 'From: Jürgen <j@example.de>\nSubject: Überweisung\nX-Mailer: Frobnicator 3.1\n\nbody\n', flags='$Work', date='10-Jan-2024 10:00:00 +0000')
add('raw-latin1', crlf('From: x@example.de\nSubject: K\u00e4se\n\nbody\n').encode('latin-1'), date='11-Jan-2024 10:00:00 +0000')

add('folded', '''From: folder@example.org
Subject: a long
\t  folded   subject
List-Id: <dev.lists.example.org>
X-Folded: first
 second
Bcc: dave@example.com

Frobnicator in the body
''', flags='\\Deleted $work', date='12-Jan-2024 10:00:00 +0000')

add('unicode', '''From: u@example.org
Subject: unicode

STRASSE İstanbul ΣΊΣΥΦΟΣ straße caf\u00e9 Ko\u0308ln
''', date='13-Jan-2024 10:00:00 +0000')

filler = 'x' * 8190
add('long', 'From: l@example.org\nSubject: long\n\n' + filler + 'needle-across-the-chunk-border' + filler + '\n', date='14-Jan-2024 10:00:00 +0000')
add('minimal', 'Subject: \n\n', date='15-Jan-2024 10:00:00 +0000')
add('plain-cafe', 'From: p@example.org\nSubject: Re: Quarterly report\nIn-Reply-To: <plain@example.org>\n\nplain cafe in Koln\n', date='16-Jan-2024 10:00:00 +0000')

with open(os.path.join(out, 'INDEX'), 'w') as idx:
    idx.write('# file | flags | internal date (appended in this order, UIDs 1..n)\n')
    for i, (name, data, flags, date) in enumerate(msgs, 1):
        fn = '%02d-%s.eml' % (i, name)
        open(os.path.join(out, fn), 'wb').write(data)
        idx.write('%s|%s|%s\n' % (fn, flags, date))
print(len(msgs))
