package org.poststelle.imap.fetch.structure;

import java.util.List;

/**
 * Test messages and the answers of the reference Dovecot (2.3.19) to {@code FETCH} of ENVELOPE, BODY,
 * BODYSTRUCTURE and {@code BODY[section]}, recorded once against a live server and hard-coded here. Where
 * our answer deliberately differs, the entry carries our expected answer and the reason (see {@link Why});
 * the comment above it shows what Dovecot answered. Messages are written with LF; tests convert to CRLF as
 * the store hands them out. To compare new messages, {@code dovecot_fetch.py} next to this file prints the
 * reference's raw answers.
 */
final class DovecotCorpus {
    private DovecotCorpus() {
    }

    /** Why an expected answer is not Dovecot's. */
    enum Why {
        /** Same as Dovecot. */
        SAME,
        /**
         * Dovecot rewrites subjects and display names "for humans" (whitespace runs collapsed, tabs and edges
         * trimmed) and then always sends a literal; RFC 3501 §7.4.2 asks for the header value, which we send
         * unfolded, quoted when possible.
         */
        HUMANS,
        /**
         * Dovecot counts the CRLF before the next boundary into a message/rfc822 part when the embedded message
         * ends in a close delimiter or in a header without blank line; RFC 2046 §5.1.1 gives that CRLF to the
         * boundary, as everywhere else.
         */
        BOUNDARY_CRLF,
        /** RFC 2045 §5.2: a syntactically invalid Content-Type means text/plain; Dovecot reports the broken type. */
        INVALID_TYPE,
        /** Folded value: we strip the folding blanks at the start as for every value; Dovecot keeps them. */
        FOLDED_VALUE,
        /** 8-bit non-UTF-8 header bytes: we send them as UTF-8 (read as ISO-8859-1), Dovecot sends them raw. */
        LATIN1,
        /** RFC 5322 §4.4 obs-addr-list: empty members are ignored; Dovecot adds a MISSING_MAILBOX address. */
        EMPTY_MEMBER,
        /** RFC 5322 obs-local-part / obs-domain allow CFWS around dots; Dovecot gives up on the address. */
        CFWS_DOTS,
        /**
         * RFC 3501 §6.4.5: a message with neither body nor blank line has no blank line in any header fetch;
         * Dovecot adds CRLF and a blank line to HEADER.FIELDS (not to HEADER or HEADER.FIELDS.NOT).
         */
        NO_BLANK_LINE
    }

    /** One FETCH item of one message with its expected answer (bytes as ISO-8859-1 chars). */
    record Expectation(String message, String item, String expected, Why why) {
        @Override
        public String toString() {
            return message + " " + item + (why == Why.SAME ? "" : " (" + why + ")");
        }
    }

    /** m01.eml */
    static final String M01 = "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\n"
            + "From: Fred Foobar <foobar@Blurdybloop.example>\n"
            + "Subject: afternoon meeting\n"
            + "To: mooch@owatagu.siam.example\n"
            + "Message-Id: <B27397-0100000@Blurdybloop.example>\n"
            + "MIME-Version: 1.0\n"
            + "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\n"
            + "\n"
            + "Hello Joe, do you think we can meet at 3:30 tomorrow?\n";

    /** m02.eml */
    static final String M02 = "From: \"Joe Q. Public\" <john.q.public@example.com>\n"
            + "To: Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>\n"
            + "Cc: <boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>\n"
            + "Sender: =?utf-8?q?J=C3=B6rg?= <joerg@example.com>\n"
            + "Reply-To: A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;\n"
            + "Bcc: Undisclosed recipients:;\n"
            + "In-Reply-To: <1234@local.machine.example>\n"
            + "Subject: =?iso-8859-1?q?Gr=FC=DFe?= und   mehr\n"
            + "Date: Fri, 21 Nov 1997 09:55:06 -0600\n"
            + "Message-ID: <5678.21-Nov-1997@example.com>\n"
            + "\n"
            + "body\n";

    /** m03.eml */
    static final String M03 = "From: Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>\n"
            + "To:A Group(Some people)\n"
            + "     :Chris Jones <c@(Chris's host.)public.example>,\n"
            + "         joe@example.org,\n"
            + "  John <jdoe@one.test> (my dear friend); (the end of the group)\n"
            + "Cc:(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;\n"
            + "Date: Thu,\n"
            + "      13\n"
            + "        Feb\n"
            + "          1969\n"
            + "      23:32\n"
            + "               -0330 (Newfoundland Time)\n"
            + "Message-ID:              <testabcd.1234@silly.test>\n"
            + "Subject: folded\n"
            + " subject\twith tab\n"
            + "Reply-To: foo@bar (Comment Name)\n"
            + "X-Other: x\n"
            + "\n"
            + "Testing.\n";

    /** m04.eml */
    static final String M04 = "Subject: no from no date\n"
            + "To: @route1,@route2:user@host.test\n"
            + "From: user, @x:a@b, \"q uote\"@host.test, <@r:u@h>, \"\" <e@h>, no-at, @, <>, a@, @b\n"
            + "\n"
            + "body\n";

    /** m05.eml */
    static final String M05 = "Subject: empty body\n"
            + "\n";

    /** m06.eml */
    static final String M06 = "Subject: no separator\n"
            + "From: a@b";

    /** m07.eml */
    static final String M07 = "Subject: no separator2\n"
            + "From: a@b\n";

    /** m09.eml */
    static final String M09 = "From: Nathaniel Borenstein <nsb@nsb.fv.com>\n"
            + "To: Ned Freed <ned@innosoft.com>\n"
            + "Date: Fri, 07 Oct 1994 16:15:05 -0700 (PDT)\n"
            + "Subject: A multipart example\n"
            + "MIME-Version: 1.0\n"
            + "Content-Type: multipart/mixed; \n"
            + "\tboundary=\"unique-boundary-1\"\n"
            + "\n"
            + "This is the preamble area of a multipart message.\n"
            + "\n"
            + "--unique-boundary-1\n"
            + "\n"
            + "  ... Some text appears here ...\n"
            + "--unique-boundary-1\n"
            + "Content-type: text/plain; charset=US-ASCII\n"
            + "\n"
            + "This could have been part of the previous part,\n"
            + "but illustrates explicit versus implicit typing of body parts.\n"
            + "--unique-boundary-1\n"
            + "Content-Type: multipart/parallel; boundary=unique-boundary-2\n"
            + "\n"
            + "--unique-boundary-2\n"
            + "Content-Type: audio/basic\n"
            + "Content-Transfer-Encoding: base64\n"
            + "\n"
            + "QUJD\n"
            + "--unique-boundary-2\n"
            + "Content-Type: image/jpeg\n"
            + "Content-Transfer-Encoding: base64\n"
            + "Content-ID: <img1@x>\n"
            + "Content-Description: A picture\n"
            + "\n"
            + "/9j/4AAQ\n"
            + "--unique-boundary-2--\n"
            + "\n"
            + "--unique-boundary-1\n"
            + "Content-type: text/enriched\n"
            + "\n"
            + "This is <bold><italic>enriched.</italic></bold>\n"
            + "<smaller>as defined in RFC 1896</smaller>\n"
            + "\n"
            + "--unique-boundary-1\n"
            + "Content-Type: message/rfc822\n"
            + "\n"
            + "From: (mailbox in US-ASCII)\n"
            + "To: (address in US-ASCII)\n"
            + "Subject: (subject in US-ASCII)\n"
            + "Content-Type: Text/plain; charset=ISO-8859-1\n"
            + "Content-Transfer-Encoding: Quoted-printable\n"
            + "\n"
            + "  ... Additional text in ISO-8859-1 goes here ...\n"
            + "\n"
            + "--unique-boundary-1--\n"
            + "epilogue\n";

    /** m10.eml */
    static final String M10 = "From: a@b.test\n"
            + "Subject: attachments\n"
            + "Content-Type: multipart/mixed; boundary=\"XX\"; foo=bar\n"
            + "\n"
            + "--XX\n"
            + "Content-Type: text/plain; charset=utf-8\n"
            + "Content-Disposition: inline\n"
            + "Content-Language: de, en-US\n"
            + "Content-Location: http://example.com/a.txt\n"
            + "Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==\n"
            + "\n"
            + "Hallo\n"
            + "--XX\n"
            + "Content-Type: application/pdf; name=\"doc.pdf\"\n"
            + "Content-Disposition: attachment; filename=\"doc.pdf\"; size=3\n"
            + "Content-Transfer-Encoding: base64\n"
            + "Content-Language: fr\n"
            + "\n"
            + "QUJD\n"
            + "--XX\n"
            + "Content-Type: application/octet-stream; name*=utf-8''%E2%82%AC.bin\n"
            + "Content-Disposition: attachment; filename*0*=utf-8''%E2%82; filename*1*=%AC.bin; x=\"y\"\n"
            + "\n"
            + "data\n"
            + "--XX--\n";

    /** m11.eml */
    static final String M11 = "From: a@b.test\n"
            + "Subject: alternative\n"
            + "Content-Type: multipart/alternative; boundary=alt\n"
            + "Content-Language: en\n"
            + "Content-Location: foo\n"
            + "Content-Disposition: inline\n"
            + "\n"
            + "--alt\n"
            + "Content-Type: text/plain\n"
            + "\n"
            + "plain\n"
            + "--alt\n"
            + "Content-Type: text/html; charset=\"utf-8\"\n"
            + "\n"
            + "<p>html</p>\n"
            + "--alt--\n";

    /** m12.eml */
    static final String M12 = "From: a@b.test\n"
            + "Subject: digest\n"
            + "Content-Type: multipart/digest; boundary=d\n"
            + "\n"
            + "--d\n"
            + "\n"
            + "From: x@y\n"
            + "Subject: one\n"
            + "\n"
            + "one body\n"
            + "--d\n"
            + "Content-Type: text/plain\n"
            + "\n"
            + "not a message\n"
            + "--d\n"
            + "Content-Type: message/rfc822\n"
            + "\n"
            + "Subject: three\n"
            + "Content-Type: multipart/alternative; boundary=inner\n"
            + "\n"
            + "--inner\n"
            + "Content-Type: text/plain\n"
            + "\n"
            + "inner plain\n"
            + "--inner--\n"
            + "--d--\n";

    /** m13.eml */
    static final String M13 = "From: a@b.test\n"
            + "Subject: forwarded\n"
            + "Content-Type: message/rfc822\n"
            + "\n"
            + "From: inner@b.test\n"
            + "Subject: inner\n"
            + "\n"
            + "inner body\n"
            + "line 2\n";

    /** s01.eml */
    static final String S01 = "Subject: s01 multipart no boundary\n"
            + "Content-Type: multipart/mixed\n"
            + "\n"
            + "--x\n"
            + "Content-Type: text/plain\n"
            + "\n"
            + "a\n"
            + "--x--\n";

    /** s02.eml */
    static final String S02 = "Subject: s02 boundary never appears\n"
            + "Content-Type: multipart/mixed; boundary=zz\n"
            + "\n"
            + "just text\n"
            + "more\n";

    /** s03.eml */
    static final String S03 = "Subject: s03 unterminated\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "Content-Type: text/plain\n"
            + "\n"
            + "one\n"
            + "--b\n"
            + "Content-Type: text/html\n"
            + "\n"
            + "<b>two</b>\n";

    /** s04.eml */
    static final String S04 = "Subject: s04 padding\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b   \n"
            + "\n"
            + "x\n"
            + "--b--  \n"
            + "epi\n";

    /** s05.eml */
    static final String S05 = "Subject: s05 prefix boundaries\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "Content-Type: multipart/alternative; boundary=b1\n"
            + "\n"
            + "--b1\n"
            + "Content-Type: text/plain\n"
            + "\n"
            + "inner1\n"
            + "--b1\n"
            + "Content-Type: text/plain\n"
            + "\n"
            + "inner2\n"
            + "--b1--\n"
            + "--b\n"
            + "Content-Type: text/plain\n"
            + "\n"
            + "outer2\n"
            + "--b--\n";

    /** s06.eml */
    static final String S06 = "Subject: s06 header cut by boundary\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "Content-Type: text/plain\n"
            + "--b\n"
            + "Content-Type: text/plain\n"
            + "\n"
            + "ok\n"
            + "--b--\n";

    /** s07.eml */
    static final String S07 = "Subject: s07 consecutive\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "--b\n"
            + "\n"
            + "x\n"
            + "--b--\n";

    /** s08.eml */
    static final String S08 = "Subject: s08 leading crlf\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "\n"
            + "--b\n"
            + "\n"
            + "x\n"
            + "\n"
            + "--b--\n";

    /** s09a.eml */
    static final String S09A = "Subject: s09a\n"
            + "Content-Type: garbage\n"
            + "\n"
            + "body\n";

    /** s09b.eml */
    static final String S09B = "Subject: s09b\n"
            + "Content-Type: text\n"
            + "\n"
            + "body\n";

    /** s09c.eml */
    static final String S09C = "Subject: s09c\n"
            + "Content-Type: text/\n"
            + "\n"
            + "body\n";

    /** s09d.eml */
    static final String S09D = "Subject: s09d\n"
            + "Content-Type: image/png;\n"
            + "\n"
            + "body\n";

    /** s09e.eml */
    static final String S09E = "Subject: s09e\n"
            + "Content-Type: ;charset=utf-8\n"
            + "\n"
            + "body\n";

    /** s09f.eml */
    static final String S09F = "Subject: s09f\n"
            + "Content-Type: application/x (comment) ; a=b\n"
            + "\n"
            + "body\n";

    /** s10.eml */
    static final String S10 = "Subject: s10 dup\n"
            + "Content-Type: text/html\n"
            + "Content-Type: image/gif\n"
            + "\n"
            + "body\n";

    /** s11.eml */
    static final String S11 = "Subject: s11 b64 rfc822\n"
            + "Content-Type: message/rfc822\n"
            + "Content-Transfer-Encoding: base64\n"
            + "\n"
            + "U3ViamVjdDogeAoKeQo=\n";

    /** s12.eml */
    static final String S12 = "Subject: s12 global\n"
            + "Content-Type: message/global\n"
            + "\n"
            + "Subject: inner\n"
            + "\n"
            + "body\n";

    /** s13.eml */
    static final String S13 = "Subject: s13 rfc822 cut\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "Content-Type: message/rfc822\n"
            + "\n"
            + "Subject: inner\n"
            + "From: a@b\n"
            + "--b--\n";

    /** s16.eml */
    static final String S16 = "Subject: s16\n"
            + "Content-Type: text/plain; format=flowed; delsp=yes\n"
            + "\n"
            + "body\n";

    /** s17a.eml */
    static final String S17A = "Subject: s17a\n"
            + "Content-Transfer-Encoding: base64 junk\n"
            + "\n"
            + "body\n";

    /** s17b.eml */
    static final String S17B = "Subject: s17b\n"
            + "Content-Transfer-Encoding:\n"
            + "\n"
            + "body\n";

    /** s17c.eml */
    static final String S17C = "Subject: s17c\n"
            + "Content-Transfer-Encoding: X-UUEncode\n"
            + "\n"
            + "body\n";

    /** s18.eml */
    static final String S18 = "Subject: s18\n"
            + "Content-Type: text/plain\n"
            + "Content-Disposition: INLINE\n"
            + "Content-Language: en (english), de-AT\n"
            + "Content-Location:\n"
            + "  http://x.test/a\n"
            + "   b\n"
            + "Content-MD5: abc\n"
            + "\n"
            + "body\n";

    /** s19.eml */
    static final String S19 = "Subject: s19 \u00c3\u00bcml\u00c3\u00a4ut\n"
            + "From: \u00c3\u009c <u@x>\n"
            + "\n"
            + "body\n";

    /** s19b.eml */
    static final String S19B = "Subject: s19b latin \u00fc\n"
            + "From: \u00dc <u@x>\n"
            + "\n"
            + "body\n";

    /** s20.eml */
    static final String S20 = "Subject: s20\n"
            + "Content-Type: text/plain\n"
            + "Content-ID:   <a b@c>  \n"
            + "Content-Description: =?utf-8?q?h=C3=A9?= desc\n"
            + "\n"
            + "body\n";

    /** s24.eml */
    static final String S24 = "Subject: s24\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "\n"
            + "--b\n"
            + "Content-Type: text/plain\n"
            + "\n"
            + "--b--\n";

    /** s25.eml */
    static final String S25 = "Subject: s25 outer boundary in inner epilogue\n"
            + "Content-Type: multipart/mixed; boundary=outer\n"
            + "\n"
            + "--outer\n"
            + "Content-Type: multipart/alternative; boundary=inner\n"
            + "\n"
            + "--inner\n"
            + "\n"
            + "a\n"
            + "--inner--\n"
            + "inner epilogue\n"
            + "--outer\n"
            + "\n"
            + "b\n"
            + "--outer--\n";

    /** s27.eml */
    static final String S27 = "Subject: s27 rfc2231\n"
            + "Content-Type: application/x; a*0=\"x\"; a*1=\"y\"; b*0*=utf-8'en'%41; b*1=B%; c*1=q; c*2=r; d=1; D=2; e; f=; g=\"q\\\"uote\"; h==?utf-8?b?QQ==?=\n"
            + "Content-Disposition: attachment; FILENAME=\"A.txt\"; filename*=iso-8859-1''%FC\n"
            + "\n"
            + "body\n";

    /** s28.eml */
    static final String S28 = "Subject: s28\n"
            + "Content-Type: Multipart/Mixed; BOUNDARY=\"b\"\n"
            + "\n"
            + "--b\n"
            + "Content-Type: Text/Plain; Charset=\"UTF-8\"\n"
            + "\n"
            + "x\n"
            + "--b--\n";

    /** s30.eml */
    static final String S30 = "Subject: s30\n"
            + "Content-Type: message/rfc822\n"
            + "\n";

    /** s31.eml */
    static final String S31 = "Subject: s31 text params\n"
            + "Content-Type: text/plain; charset=\"\"\n"
            + "\n"
            + "body\n";

    /** s32.eml */
    static final String S32 = "Subject:   leading and trailing   \n"
            + "In-Reply-To:  <a@b>   \n"
            + "Message-ID:\n"
            + " <x@y>\n"
            + "Date:\n"
            + "\n"
            + "body\n";

    /** s33.eml */
    static final String S33 = "Subject: s33 \"quoted\" and \\back\\slash\n"
            + "\n"
            + "body\n";

    /** s34.eml */
    static final String S34 = "Subject: s34\n"
            + "From: \"Quoted   spaces\" <a@b>, \"tab\tname\" <c@d>\n"
            + "\n"
            + "body\n";

    /** s35.eml */
    static final String S35 = "Subject: s35 nul\n"
            + "X: \u0000\n"
            + "Content-Description: a\u0000b\n"
            + "\n"
            + "body\u0000x\n";

    /** s36.eml */
    static final String S36 = "no colon line\n"
            + "Subject: s36\n"
            + "\n"
            + "body\n";

    /** s37.eml */
    static final String S37 = " continuation first\n"
            + "Subject: s37\n"
            + "\n"
            + "body\n";

    /** s38.eml */
    static final String S38 = "Subject: s38\n"
            + "Subject: second\n"
            + "From: a@b\n"
            + "From: c@d\n"
            + "\n"
            + "body\n";

    /** s39.eml */
    static final String S39 = "Subject: s39 lines\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "pre\n"
            + "--b\n"
            + "\n"
            + "no newline at end\n"
            + "--b\n"
            + "\n"
            + "ends with newline\n"
            + "\n"
            + "--b--";

    /** r01.eml */
    static final String R01 = "From: =?utf-8?q?J=C3=B6rg_M=C3=BCller?= <joerg@example.de>\r\n"
            + "To: Anna <anna@example.com>, \"Smith, Bob\" <bob@example.com>\r\n"
            + "Subject: =?utf-8?b?R3LDvMOfZSBhdXMgTcO8bmNoZW4g4oCTIGVpbiBsw6RuZ2VyZXI=?=\r\n"
            + " Betreff, der gefaltet werden muss, weil er so lang ist\r\n"
            + "Date: Tue, 01 Aug 2023 10:00:00 +0200\r\n"
            + "Message-ID: <abc.123@example.de>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"===============6148594101033017458==\"\r\n"
            + "\r\n"
            + "--===============6148594101033017458==\r\n"
            + "Content-Type: multipart/alternative;\r\n"
            + " boundary=\"===============8246113936341881586==\"\r\n"
            + "\r\n"
            + "--===============8246113936341881586==\r\n"
            + "Content-Type: text/plain; charset=\"utf-8\"\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n"
            + "\r\n"
            + "Hallo Anna,\r\n"
            + "\r\n"
            + "anbei die Unterlagen.\r\n"
            + "\r\n"
            + "Gr\u00c3\u00bc\u00c3\u009fe\r\n"
            + "J\u00c3\u00b6rg\r\n"
            + "\r\n"
            + "--===============8246113936341881586==\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/related;\r\n"
            + " boundary=\"===============5908085049183403056==\"\r\n"
            + "\r\n"
            + "--===============5908085049183403056==\r\n"
            + "Content-Type: text/html; charset=\"utf-8\"\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n"
            + "\r\n"
            + "<html><body><p>Hallo Anna,</p><p>anbei <img src=3D\"cid:logo@x\"></p></body></h=\r\n"
            + "tml>\r\n"
            + "\r\n"
            + "--===============5908085049183403056==\r\n"
            + "Content-Type: image/png\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"logo.png\"\r\n"
            + "Content-ID: <logo@x>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "\r\n"
            + "iVBORw0KGgoAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8w\r\n"
            + "MTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hp\r\n"
            + "amtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGi\r\n"
            + "o6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb\r\n"
            + "3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/AAECAwQFBgcICQoLDA0ODxAREhMU\r\n"
            + "FRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xN\r\n"
            + "Tk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWG\r\n"
            + "h4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/\r\n"
            + "wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4\r\n"
            + "+fr7/P3+/wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAx\r\n"
            + "MjM0NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eX2BhYmNkZWZnaGlq\r\n"
            + "a2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4SFhoeIiYqLjI2Oj5CRkpOUlZaXmJmam5ydnp+goaKj\r\n"
            + "pKWmp6ipqqusra6vsLGys7S1tre4ubq7vL2+v8DBwsPExcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc\r\n"
            + "3d7f4OHi4+Tl5ufo6err7O3u7/Dx8vP09fb3+Pn6+/z9/v8AAQIDBAUGBwgJCgsMDQ4PEBESExQV\r\n"
            + "FhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1O\r\n"
            + "T1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaH\r\n"
            + "iImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/A\r\n"
            + "wcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5\r\n"
            + "+vv8/f7/\r\n"
            + "\r\n"
            + "--===============5908085049183403056==--\r\n"
            + "\r\n"
            + "--===============8246113936341881586==--\r\n"
            + "\r\n"
            + "--===============6148594101033017458==\r\n"
            + "Content-Type: application/pdf\r\n"
            + "Content-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename*=utf-8''Rechnung%20M%C3%A4rz.pdf\r\n"
            + "MIME-Version: 1.0\r\n"
            + "\r\n"
            + "JVBERi0xLjQKAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v\r\n"
            + "MDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdo\r\n"
            + "aWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6Ch\r\n"
            + "oqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna\r\n"
            + "29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/wABAgMEBQYHCAkKCwwNDg8QERIT\r\n"
            + "FBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktM\r\n"
            + "TU5PUFFSU1RVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4SF\r\n"
            + "hoeIiYqLjI2Oj5CRkpOUlZaXmJmam5ydnp+goaKjpKWmp6ipqqusra6vsLGys7S1tre4ubq7vL2+\r\n"
            + "v8DBwsPExcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi4+Tl5ufo6err7O3u7/Dx8vP09fb3\r\n"
            + "+Pn6+/z9/v8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8w\r\n"
            + "MTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hp\r\n"
            + "amtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGi\r\n"
            + "o6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb\r\n"
            + "3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/AAECAwQFBgcICQoLDA0ODxAREhMU\r\n"
            + "FRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xN\r\n"
            + "Tk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWG\r\n"
            + "h4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/\r\n"
            + "wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4\r\n"
            + "+fr7/P3+/wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAx\r\n"
            + "MjM0NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eX2BhYmNkZWZnaGlq\r\n"
            + "a2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4SFhoeIiYqLjI2Oj5CRkpOUlZaXmJmam5ydnp+goaKj\r\n"
            + "pKWmp6ipqqusra6vsLGys7S1tre4ubq7vL2+v8DBwsPExcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc\r\n"
            + "3d7f4OHi4+Tl5ufo6err7O3u7/Dx8vP09fb3+Pn6+/z9/v8AAQIDBAUGBwgJCgsMDQ4PEBESExQV\r\n"
            + "FhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1O\r\n"
            + "T1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaH\r\n"
            + "iImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/A\r\n"
            + "wcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5\r\n"
            + "+vv8/f7/AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEy\r\n"
            + "MzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWpr\r\n"
            + "bG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOk\r\n"
            + "paanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd\r\n"
            + "3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/wABAgMEBQYHCAkKCwwNDg8QERITFBUW\r\n"
            + "FxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTU5P\r\n"
            + "UFFSU1RVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4SFhoeI\r\n"
            + "iYqLjI2Oj5CRkpOUlZaXmJmam5ydnp+goaKjpKWmp6ipqqusra6vsLGys7S1tre4ubq7vL2+v8DB\r\n"
            + "wsPExcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi4+Tl5ufo6err7O3u7/Dx8vP09fb3+Pn6\r\n"
            + "+/z9/v8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIz\r\n"
            + "NDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamts\r\n"
            + "bW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGio6Sl\r\n"
            + "pqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e\r\n"
            + "3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/AAECAwQFBgcICQoLDA0ODxAREhMUFRYX\r\n"
            + "GBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9Q\r\n"
            + "UVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJ\r\n"
            + "iouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHC\r\n"
            + "w8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7\r\n"
            + "/P3+/wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAxMjM0\r\n"
            + "NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xt\r\n"
            + "bm9wcXJzdHV2d3h5ent8fX5/gIGCg4SFhoeIiYqLjI2Oj5CRkpOUlZaXmJmam5ydnp+goaKjpKWm\r\n"
            + "p6ipqqusra6vsLGys7S1tre4ubq7vL2+v8DBwsPExcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f\r\n"
            + "4OHi4+Tl5ufo6err7O3u7/Dx8vP09fb3+Pn6+/z9/v8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY\r\n"
            + "GRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BR\r\n"
            + "UlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImK\r\n"
            + "i4yNjo+QkZKTlJWWl5iZmpucnZ6foKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLD\r\n"
            + "xMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8\r\n"
            + "/f7/AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1\r\n"
            + "Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1u\r\n"
            + "b3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaan\r\n"
            + "qKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g\r\n"
            + "4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZ\r\n"
            + "GhscHR4fICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTU5PUFFS\r\n"
            + "U1RVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4SFhoeIiYqL\r\n"
            + "jI2Oj5CRkpOUlZaXmJmam5ydnp+goaKjpKWmp6ipqqusra6vsLGys7S1tre4ubq7vL2+v8DBwsPE\r\n"
            + "xcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi4+Tl5ufo6err7O3u7/Dx8vP09fb3+Pn6+/z9\r\n"
            + "/v8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2\r\n"
            + "Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5v\r\n"
            + "cHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yNjo+QkZKTlJWWl5iZmpucnZ6foKGio6Slpqeo\r\n"
            + "qaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLDxMXGx8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh\r\n"
            + "4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBka\r\n"
            + "GxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJT\r\n"
            + "VFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouM\r\n"
            + "jY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TF\r\n"
            + "xsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+\r\n"
            + "/wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAxMjM0NTY3\r\n"
            + "ODk6Ozw9Pj9AQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVpbXF1eX2BhYmNkZWZnaGlqa2xtbm9w\r\n"
            + "cXJzdHV2d3h5ent8fX5/gIGCg4SFhoeIiYqLjI2Oj5CRkpOUlZaXmJmam5ydnp+goaKjpKWmp6ip\r\n"
            + "qqusra6vsLGys7S1tre4ubq7vL2+v8DBwsPExcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi\r\n"
            + "4+Tl5ufo6err7O3u7/Dx8vP09fb3+Pn6+/z9/v8AAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRob\r\n"
            + "HB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4/QEFCQ0RFRkdISUpLTE1OT1BRUlNU\r\n"
            + "VVZXWFlaW1xdXl9gYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXp7fH1+f4CBgoOEhYaHiImKi4yN\r\n"
            + "jo+QkZKTlJWWl5iZmpucnZ6foKGio6SlpqeoqaqrrK2ur7CxsrO0tba3uLm6u7y9vr/AwcLDxMXG\r\n"
            + "x8jJysvMzc7P0NHS09TV1tfY2drb3N3e3+Dh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/\r\n"
            + "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4\r\n"
            + "OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3Bx\r\n"
            + "cnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmq\r\n"
            + "q6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj\r\n"
            + "5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhsc\r\n"
            + "HR4fICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj9AQUJDREVGR0hJSktMTU5PUFFSU1RV\r\n"
            + "VldYWVpbXF1eX2BhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4SFhoeIiYqLjI2O\r\n"
            + "j5CRkpOUlZaXmJmam5ydnp+goaKjpKWmp6ipqqusra6vsLGys7S1tre4ubq7vL2+v8DBwsPExcbH\r\n"
            + "yMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7f4OHi4+Tl5ufo6err7O3u7/Dx8vP09fb3+Pn6+/z9/v8=\r\n"
            + "\r\n"
            + "--===============6148594101033017458==\r\n"
            + "Content-Type: message/rfc822\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Disposition: attachment\r\n"
            + "\r\n"
            + "From: x@y.test\r\n"
            + "Subject: inner fwd\r\n"
            + "Content-Type: text/plain; charset=\"utf-8\"\r\n"
            + "Content-Transfer-Encoding: quoted-printable\r\n"
            + "MIME-Version: 1.0\r\n"
            + "\r\n"
            + "quoted printable =C3=A4 =C3=B6 =C3=BC quoted printable =C3=A4 =C3=B6 =C3=BC q=\r\n"
            + "uoted printable =C3=A4 =C3=B6 =C3=BC quoted printable =C3=A4 =C3=B6 =C3=BC qu=\r\n"
            + "oted printable =C3=A4 =C3=B6 =C3=BC quoted printable =C3=A4 =C3=B6 =C3=BC quo=\r\n"
            + "ted printable =C3=A4 =C3=B6 =C3=BC quoted printable =C3=A4 =C3=B6 =C3=BC quot=\r\n"
            + "ed printable =C3=A4 =C3=B6 =C3=BC quoted printable =C3=A4 =C3=B6 =C3=BC=20\r\n"
            + "\r\n"
            + "--===============6148594101033017458==--\r\n";

    /** a01.eml */
    static final String A01 = "To: user\n"
            + "Subject: a01\n"
            + "\n"
            + "x\n";

    /** a02.eml */
    static final String A02 = "To: @x:a@b\n"
            + "Subject: a02\n"
            + "\n"
            + "x\n";

    /** a03.eml */
    static final String A03 = "To: \"q uote\"@host.test\n"
            + "Subject: a03\n"
            + "\n"
            + "x\n";

    /** a04.eml */
    static final String A04 = "To: <@r:u@h>\n"
            + "Subject: a04\n"
            + "\n"
            + "x\n";

    /** a05.eml */
    static final String A05 = "To: \"\" <e@h>\n"
            + "Subject: a05\n"
            + "\n"
            + "x\n";

    /** a06.eml */
    static final String A06 = "To: no-at\n"
            + "Subject: a06\n"
            + "\n"
            + "x\n";

    /** a07.eml */
    static final String A07 = "To: @\n"
            + "Subject: a07\n"
            + "\n"
            + "x\n";

    /** a08.eml */
    static final String A08 = "To: <>\n"
            + "Subject: a08\n"
            + "\n"
            + "x\n";

    /** a09.eml */
    static final String A09 = "To: a@\n"
            + "Subject: a09\n"
            + "\n"
            + "x\n";

    /** a10.eml */
    static final String A10 = "To: @b\n"
            + "Subject: a10\n"
            + "\n"
            + "x\n";

    /** a11.eml */
    static final String A11 = "To: a@b, , c@d\n"
            + "Subject: a11\n"
            + "\n"
            + "x\n";

    /** a12.eml */
    static final String A12 = "To: a@b,,c@d\n"
            + "Subject: a12\n"
            + "\n"
            + "x\n";

    /** a13.eml */
    static final String A13 = "To: John Doe <j@d>, garbage here, x@y\n"
            + "Subject: a13\n"
            + "\n"
            + "x\n";

    /** a14.eml */
    static final String A14 = "To: \"John \\\"Q\\\" Doe\" <j@d>\n"
            + "Subject: a14\n"
            + "\n"
            + "x\n";

    /** a15.eml */
    static final String A15 = "To: John    \"Q\"   Doe <j@d>\n"
            + "Subject: a15\n"
            + "\n"
            + "x\n";

    /** a16.eml */
    static final String A16 = "To: =?utf-8?b?SsO2cmc=?= <j@d>\n"
            + "Subject: a16\n"
            + "\n"
            + "x\n";

    /** a17.eml */
    static final String A17 = "To: a@[127.0.0.1]\n"
            + "Subject: a17\n"
            + "\n"
            + "x\n";

    /** a18.eml */
    static final String A18 = "To: <a@b> trailing\n"
            + "Subject: a18\n"
            + "\n"
            + "x\n";

    /** a19.eml */
    static final String A19 = "To: a@b (c1) (c2)\n"
            + "Subject: a19\n"
            + "\n"
            + "x\n";

    /** a20.eml */
    static final String A20 = "To: Name <a@b> (comment)\n"
            + "Subject: a20\n"
            + "\n"
            + "x\n";

    /** a21.eml */
    static final String A21 = "To:   spaced.local . part @ dom . ain\n"
            + "Subject: a21\n"
            + "\n"
            + "x\n";

    /** a22.eml */
    static final String A22 = "To: (only comment)\n"
            + "Subject: a22\n"
            + "\n"
            + "x\n";

    /** a23.eml */
    static final String A23 = "To: g1:;, g2: a@b;\n"
            + "Subject: a23\n"
            + "\n"
            + "x\n";

    /** a24.eml */
    static final String A24 = "To: g3: a@b, c@d\n"
            + "Subject: a24\n"
            + "\n"
            + "x\n";

    /** a25.eml */
    static final String A25 = "To:  \n"
            + "Subject: a25\n"
            + "\n"
            + "x\n";

    /** a26.eml */
    static final String A26 = "To: \"unterminated <a@b>\n"
            + "Subject: a26\n"
            + "\n"
            + "x\n";

    /** a27.eml */
    static final String A27 = "To: \u00c3\u009cn\u00c3\u00afc\u00c3\u00b6d\u00c3\u00a9 <u@\u00c3\u00bc.test>\n"
            + "Subject: a27\n"
            + "\n"
            + "x\n";

    /** a28.eml */
    static final String A28 = "To: a.@b\n"
            + "Subject: a28\n"
            + "\n"
            + "x\n";

    /** a29.eml */
    static final String A29 = "To: Name<a@b>\n"
            + "Subject: a29\n"
            + "\n"
            + "x\n";

    /** a30.eml */
    static final String A30 = "To: <a@b>, <c@d>\n"
            + "Subject: a30\n"
            + "\n"
            + "x\n";

    /** a31.eml */
    static final String A31 = "To: a@b;c@d\n"
            + "Subject: a31\n"
            + "\n"
            + "x\n";

    /** h1.eml */
    static final String H1 = "Subject: no sep\n"
            + "From: a@b";

    /** h2.eml */
    static final String H2 = "Subject: no sep2\n"
            + "From: a@b\n";

    /** h3.eml */
    static final String H3 = "Subject : spaced name\n"
            + "no colon line\n"
            + "X-Folded: a\n"
            + " b\n"
            + "\tc\n"
            + "FROM: a@b\n"
            + "subject: second\n"
            + "\n"
            + "body\n";

    /** h4.eml */
    static final String H4 = "Subject: x\n"
            + "\n";

    /** e1.eml */
    static final String E1 = "Subject: e1\n"
            + "Content-Type: multipart/mixed; boundary=\"BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\"\n"
            + "\n"
            + "--BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\n"
            + "\n"
            + "one\n"
            + "--BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\n"
            + "\n"
            + "two\n"
            + "--BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB--\n";

    /** e10.eml */
    static final String E10 = "Subject: e10\n"
            + "MIME-Version: 1.0\n"
            + "Content-Type: text/plain; charset=US-ASCII\n"
            + "Content-Transfer-Encoding: 7BIT\n"
            + "\n"
            + "x\n";

    /** e11.eml */
    static final String E11 = "Subject: e11\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "Content-Type: text/plain\n"
            + "\n"
            + "\n"
            + "--b\n"
            + "\n"
            + "\n"
            + "\n"
            + "--b--\n";

    /** e2.eml */
    static final String E2 = "Subject: e2\n"
            + "Content-Type: multipart/mixed; boundary=\"a b\"\n"
            + "\n"
            + "--a b\n"
            + "\n"
            + "one\n"
            + "--a b--\n";

    /** e3.eml */
    static final String E3 = "Subject: e3\n"
            + "Content-Type:multipart/mixed;boundary=b\n"
            + "\n"
            + "--b\n"
            + "Content-Type: MESSAGE/RFC822; name=\"x.eml\"\n"
            + "\n"
            + "Subject: in\n"
            + "\n"
            + "x\n"
            + "--b--\n";

    /** e4.eml */
    static final String E4 = "Subject: e4\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "Content-Type: text/plain";

    /** e5.eml */
    static final String E5 = "Subject: e5\n"
            + "Content-Type: text/plain; charset=utf-8; charset=iso-8859-1; name=\"a\n"
            + " b\"\n"
            + "\n"
            + "x\n";

    /** e6.eml */
    static final String E6 = "Subject: e6\n"
            + "Content-Type: text/plain\n"
            + "Content-Disposition: attachment; filename=\"a\n"
            + "  b.txt\"\n"
            + "Content-Language: en_US, 12, x\n"
            + "\n"
            + "x\n";

    /** e7.eml */
    static final String E7 = "Subject: e7\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "\n"
            + "inner?\n"
            + "--b--\n"
            + "--b--\n";

    /** e8.eml */
    static final String E8 = "Subject: e8\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\r\n"
            + "\r\n"
            + "x\r\n"
            + "--b--";

    /** e9.eml */
    static final String E9 = "Subject: e9\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "\n"
            + "--b\n"
            + "\n"
            + "--b--\n";

    /** f1.eml */
    static final String F1 = "Subject: f1\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "Content-Type: message/rfc822\n"
            + "\n"
            + "--b--\n";

    /** f2.eml */
    static final String F2 = "Subject: f2\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "Content-Type: multipart/alternative; boundary=c\n"
            + "\n"
            + "--b--\n";

    /** f3.eml */
    static final String F3 = "Subject: f3\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "Content-Type: multipart/alternative; boundary=c\n"
            + "\n"
            + "--c\n"
            + "\n"
            + "--b--\n";

    /** g1.eml */
    static final String G1 = "Subject: g1\n"
            + "Content-Type: TEXT/PLAIN\n"
            + "\n"
            + "x\n";

    /** g2.eml */
    static final String G2 = "Subject: g2\n"
            + "Content-Type: Text/Plain; format=flowed\n"
            + "\n"
            + "x\n";

    /** g3.eml */
    static final String G3 = "Subject: g3\n"
            + "Content-Type: multipart/mixed; boundary=b\n"
            + "\n"
            + "--b\n"
            + "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\n"
            + "\n"
            + "x\n"
            + "--b--\n";

    /** g4.eml */
    static final String G4 = "Subject: g4\n"
            + "Content-Type: message/rfc822\n"
            + "\n"
            + "Content-Type: TEXT/PLAIN; charset=us-ascii\n"
            + "\n"
            + "x\n";

    static String message(String name) {
        switch (name) {
            case "M01": return M01;
            case "M02": return M02;
            case "M03": return M03;
            case "M04": return M04;
            case "M05": return M05;
            case "M06": return M06;
            case "M07": return M07;
            case "M09": return M09;
            case "M10": return M10;
            case "M11": return M11;
            case "M12": return M12;
            case "M13": return M13;
            case "S01": return S01;
            case "S02": return S02;
            case "S03": return S03;
            case "S04": return S04;
            case "S05": return S05;
            case "S06": return S06;
            case "S07": return S07;
            case "S08": return S08;
            case "S09A": return S09A;
            case "S09B": return S09B;
            case "S09C": return S09C;
            case "S09D": return S09D;
            case "S09E": return S09E;
            case "S09F": return S09F;
            case "S10": return S10;
            case "S11": return S11;
            case "S12": return S12;
            case "S13": return S13;
            case "S16": return S16;
            case "S17A": return S17A;
            case "S17B": return S17B;
            case "S17C": return S17C;
            case "S18": return S18;
            case "S19": return S19;
            case "S19B": return S19B;
            case "S20": return S20;
            case "S24": return S24;
            case "S25": return S25;
            case "S27": return S27;
            case "S28": return S28;
            case "S30": return S30;
            case "S31": return S31;
            case "S32": return S32;
            case "S33": return S33;
            case "S34": return S34;
            case "S35": return S35;
            case "S36": return S36;
            case "S37": return S37;
            case "S38": return S38;
            case "S39": return S39;
            case "R01": return R01;
            case "A01": return A01;
            case "A02": return A02;
            case "A03": return A03;
            case "A04": return A04;
            case "A05": return A05;
            case "A06": return A06;
            case "A07": return A07;
            case "A08": return A08;
            case "A09": return A09;
            case "A10": return A10;
            case "A11": return A11;
            case "A12": return A12;
            case "A13": return A13;
            case "A14": return A14;
            case "A15": return A15;
            case "A16": return A16;
            case "A17": return A17;
            case "A18": return A18;
            case "A19": return A19;
            case "A20": return A20;
            case "A21": return A21;
            case "A22": return A22;
            case "A23": return A23;
            case "A24": return A24;
            case "A25": return A25;
            case "A26": return A26;
            case "A27": return A27;
            case "A28": return A28;
            case "A29": return A29;
            case "A30": return A30;
            case "A31": return A31;
            case "H1": return H1;
            case "H2": return H2;
            case "H3": return H3;
            case "H4": return H4;
            case "E1": return E1;
            case "E10": return E10;
            case "E11": return E11;
            case "E2": return E2;
            case "E3": return E3;
            case "E4": return E4;
            case "E5": return E5;
            case "E6": return E6;
            case "E7": return E7;
            case "E8": return E8;
            case "E9": return E9;
            case "F1": return F1;
            case "F2": return F2;
            case "F3": return F3;
            case "G1": return G1;
            case "G2": return G2;
            case "G3": return G3;
            case "G4": return G4;
            default: throw new IllegalArgumentException(name);
        }
    }

    static List<Expectation> expectations() {
        return List.of(
                new Expectation("M01", "ENVELOPE",
                        "(\"Mon, 7 Feb 1994 21:52:25 -0800 (PST)\" \"afternoon meeting\" ((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\")) ((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\")) ((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\")) ((NIL NIL \"mooch\" \"owatagu.siam.example\")) NIL NIL NIL \"<B27397-0100000@Blurdybloop.example>\")",
                        Why.SAME),
                new Expectation("M01", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 55 1)",
                        Why.SAME),
                new Expectation("M01", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 55 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M01", "BODY[1]",
                        "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n",
                        Why.SAME),
                new Expectation("M01", "BODY[1.MIME]",
                        "Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r\nFrom: Fred Foobar <foobar@Blurdybloop.example>\r\nSubject: afternoon meeting\r\nTo: mooch@owatagu.siam.example\r\nMessage-Id: <B27397-0100000@Blurdybloop.example>\r\nMIME-Version: 1.0\r\nContent-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n\r\n",
                        Why.SAME),
                new Expectation("M01", "BODY[TEXT]",
                        "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n",
                        Why.SAME),
                new Expectation("M01", "BODY[2]",
                        "",
                        Why.SAME),
                new Expectation("M01", "BODY[1.1]",
                        "",
                        Why.SAME),
                new Expectation("M01", "BODY[1.HEADER]",
                        "",
                        Why.SAME),
                new Expectation("M01", "BODY[1.TEXT]",
                        "",
                        Why.SAME),
                new Expectation("M01", "BODY[HEADER.FIELDS (subject FROM x-none)]",
                        "From: Fred Foobar <foobar@Blurdybloop.example>\r\nSubject: afternoon meeting\r\n\r\n",
                        Why.SAME),
                new Expectation("M01", "BODY[HEADER.FIELDS.NOT (Subject From date message-id mime-version)]",
                        "To: mooch@owatagu.siam.example\r\nContent-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n\r\n",
                        Why.SAME),
                // Dovecot: ("Fri, 21 Nov 1997 09:55:06 -0600" {35}\r\n=?iso-8859-1?q?Gr=FC=DFe?= und mehr (("Joe Q. Public" NIL "john.q.public" "example.com")) (("=?utf-8?q?J=C3=B6rg?=" NIL "joerg" "example.com")) ((NIL NIL "A Group" NIL)("Ed Jones" NIL "c" "a.test")(NIL NIL "joe" "where.test")("John" NIL "jdoe" "one.test")(NIL NIL NIL NIL)) (("Mary Smith" NIL "mary" "x.test")(NIL NIL "jdoe" "example.org")("Who?" NIL "one" ...
                new Expectation("M02", "ENVELOPE",
                        "(\"Fri, 21 Nov 1997 09:55:06 -0600\" \"=?iso-8859-1?q?Gr=FC=DFe?= und   mehr\" ((\"Joe Q. Public\" NIL \"john.q.public\" \"example.com\")) ((\"=?utf-8?q?J=C3=B6rg?=\" NIL \"joerg\" \"example.com\")) ((NIL NIL \"A Group\" NIL)(\"Ed Jones\" NIL \"c\" \"a.test\")(NIL NIL \"joe\" \"where.test\")(\"John\" NIL \"jdoe\" \"one.test\")(NIL NIL NIL NIL)) ((\"Mary Smith\" NIL \"mary\" \"x.test\")(NIL NIL \"jdoe\" \"example.org\")(\"Who?\" NIL \"one\" \"y.test\")) ((NIL NIL \"boss\" \"nil.test\")(\"Giant; \\\"Big\\\" Box\" NIL \"sysservices\" \"example.net\")) ((NIL NIL \"Undisclosed recipients\" NIL)(NIL NIL NIL NIL)) \"<1234@local.machine.example>\" \"<5678.21-Nov-1997@example.com>\")",
                        Why.HUMANS),
                new Expectation("M02", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("M02", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: ("Thu,      13        Feb          1969      23:32               -0330 (Newfoundland Time)" {23}\r\nfolded subject with tab (("Pete" NIL "pete" "silly.test")) (("Pete" NIL "pete" "silly.test")) (("Comment Name" NIL "foo" "bar")) ((NIL NIL "A Group" NIL)("Chris Jones" NIL "c" "public.example")(NIL NIL "joe" "example.org")("John" NIL "jdoe" "one.test")(NIL NIL NIL NIL)) ((NIL NIL "Hidden recipients"...
                new Expectation("M03", "ENVELOPE",
                        "(\"Thu,      13        Feb          1969      23:32               -0330 (Newfoundland Time)\" \"folded subject\twith tab\" ((\"Pete\" NIL \"pete\" \"silly.test\")) ((\"Pete\" NIL \"pete\" \"silly.test\")) ((\"Comment Name\" NIL \"foo\" \"bar\")) ((NIL NIL \"A Group\" NIL)(\"Chris Jones\" NIL \"c\" \"public.example\")(NIL NIL \"joe\" \"example.org\")(\"John\" NIL \"jdoe\" \"one.test\")(NIL NIL NIL NIL)) ((NIL NIL \"Hidden recipients\" NIL)(NIL NIL NIL NIL)) NIL NIL \"<testabcd.1234@silly.test>\")",
                        Why.HUMANS),
                new Expectation("M03", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 1)",
                        Why.SAME),
                new Expectation("M03", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M04", "ENVELOPE",
                        "(NIL \"no from no date\" ((NIL NIL \"user\" \"MISSING_DOMAIN\")(NIL NIL \"MISSING_MAILBOX\" \"x\")) ((NIL NIL \"user\" \"MISSING_DOMAIN\")(NIL NIL \"MISSING_MAILBOX\" \"x\")) ((NIL NIL \"user\" \"MISSING_DOMAIN\")(NIL NIL \"MISSING_MAILBOX\" \"x\")) ((NIL NIL \"MISSING_MAILBOX\" \"route1\")(NIL NIL \"MISSING_MAILBOX\" \"route2\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M04", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("M04", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M05", "ENVELOPE",
                        "(NIL \"empty body\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M05", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)",
                        Why.SAME),
                new Expectation("M05", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M06", "ENVELOPE",
                        "(NIL \"no separator\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M06", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)",
                        Why.SAME),
                new Expectation("M06", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M07", "ENVELOPE",
                        "(NIL \"no separator2\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M07", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)",
                        Why.SAME),
                new Expectation("M07", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M09", "ENVELOPE",
                        "(\"Fri, 07 Oct 1994 16:15:05 -0700 (PDT)\" \"A multipart example\" ((\"Nathaniel Borenstein\" NIL \"nsb\" \"nsb.fv.com\")) ((\"Nathaniel Borenstein\" NIL \"nsb\" \"nsb.fv.com\")) ((\"Nathaniel Borenstein\" NIL \"nsb\" \"nsb.fv.com\")) ((\"Ned Freed\" NIL \"ned\" \"innosoft.com\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M09", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 32 0)(\"text\" \"plain\" (\"charset\" \"US-ASCII\") NIL NIL \"7bit\" 111 1)((\"audio\" \"basic\" NIL NIL NIL \"base64\" 4)(\"image\" \"jpeg\" NIL \"<img1@x>\" \"A picture\" \"base64\" 8) \"parallel\")(\"text\" \"enriched\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 92 2)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 232 (NIL \"(subject in US-ASCII)\" NIL NIL NIL NIL NIL NIL NIL NIL) (\"Text\" \"plain\" (\"charset\" \"ISO-8859-1\") NIL NIL \"Quoted-printable\" 51 1) 7) \"mixed\")",
                        Why.SAME),
                new Expectation("M09", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 32 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"US-ASCII\") NIL NIL \"7bit\" 111 1 NIL NIL NIL NIL)((\"audio\" \"basic\" NIL NIL NIL \"base64\" 4 NIL NIL NIL NIL)(\"image\" \"jpeg\" NIL \"<img1@x>\" \"A picture\" \"base64\" 8 NIL NIL NIL NIL) \"parallel\" (\"boundary\" \"unique-boundary-2\") NIL NIL NIL)(\"text\" \"enriched\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 92 2 NIL NIL NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 232 (NIL \"(subject in US-ASCII)\" NIL NIL NIL NIL NIL NIL NIL NIL) (\"Text\" \"plain\" (\"charset\" \"ISO-8859-1\") NIL NIL \"Quoted-printable\" 51 1 NIL NIL NIL NIL) 7 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"unique-boundary-1\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M09", "BODY[2]",
                        "This could have been part of the previous part,\r\nbut illustrates explicit versus implicit typing of body parts.",
                        Why.SAME),
                new Expectation("M09", "BODY[2.MIME]",
                        "Content-type: text/plain; charset=US-ASCII\r\n\r\n",
                        Why.SAME),
                new Expectation("M09", "BODY[3.2.MIME]",
                        "Content-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <img1@x>\r\nContent-Description: A picture\r\n\r\n",
                        Why.SAME),
                new Expectation("M09", "BODY[3.2]",
                        "/9j/4AAQ",
                        Why.SAME),
                new Expectation("M09", "BODY[3.1.TEXT]",
                        "",
                        Why.SAME),
                new Expectation("M09", "BODY[3.HEADER]",
                        "",
                        Why.SAME),
                new Expectation("M09", "BODY[3.TEXT]",
                        "",
                        Why.SAME),
                new Expectation("M09", "BODY[5]",
                        "From: (mailbox in US-ASCII)\r\nTo: (address in US-ASCII)\r\nSubject: (subject in US-ASCII)\r\nContent-Type: Text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: Quoted-printable\r\n\r\n  ... Additional text in ISO-8859-1 goes here ...\r\n",
                        Why.SAME),
                new Expectation("M09", "BODY[5.HEADER]",
                        "From: (mailbox in US-ASCII)\r\nTo: (address in US-ASCII)\r\nSubject: (subject in US-ASCII)\r\nContent-Type: Text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: Quoted-printable\r\n\r\n",
                        Why.SAME),
                new Expectation("M09", "BODY[5.TEXT]",
                        "  ... Additional text in ISO-8859-1 goes here ...\r\n",
                        Why.SAME),
                new Expectation("M09", "BODY[5.1]",
                        "  ... Additional text in ISO-8859-1 goes here ...\r\n",
                        Why.SAME),
                new Expectation("M09", "BODY[5.MIME]",
                        "Content-Type: message/rfc822\r\n\r\n",
                        Why.SAME),
                new Expectation("M09", "BODY[5.HEADER.FIELDS (Subject)]",
                        "Subject: (subject in US-ASCII)\r\n\r\n",
                        Why.SAME),
                new Expectation("M09", "BODY[5.1.1]",
                        "",
                        Why.SAME),
                new Expectation("M09", "BODY[6]",
                        "",
                        Why.SAME),
                new Expectation("M09", "BODY[2.1]",
                        "This could have been part of the previous part,\r\nbut illustrates explicit versus implicit typing of body parts.",
                        Why.SAME),
                new Expectation("M09", "BODY[3.3]",
                        "",
                        Why.SAME),
                new Expectation("M09", "BODY[1.1.1]",
                        "",
                        Why.SAME),
                new Expectation("M09", "BODY[3]",
                        "--unique-boundary-2\r\nContent-Type: audio/basic\r\nContent-Transfer-Encoding: base64\r\n\r\nQUJD\r\n--unique-boundary-2\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <img1@x>\r\nContent-Description: A picture\r\n\r\n/9j/4AAQ\r\n--unique-boundary-2--\r\n",
                        Why.SAME),
                new Expectation("M09", "BODY[1]",
                        "  ... Some text appears here ...",
                        Why.SAME),
                new Expectation("M09", "BODY[TEXT]",
                        "This is the preamble area of a multipart message.\r\n\r\n--unique-boundary-1\r\n\r\n  ... Some text appears here ...\r\n--unique-boundary-1\r\nContent-type: text/plain; charset=US-ASCII\r\n\r\nThis could have been part of the previous part,\r\nbut illustrates explicit versus implicit typing of body parts.\r\n--unique-boundary-1\r\nContent-Type: multipart/parallel; boundary=unique-boundary-2\r\n\r\n--unique-boundary-2\r\nContent-Type: audio/basic\r\nContent-Transfer-Encoding: base64\r\n\r\nQUJD\r\n--unique-boundary-2\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <img1@x>\r\nContent-Description: A picture\r\n\r\n/9j/4AAQ\r\n--unique-boundary-2--\r\n\r\n--unique-boundary-1\r\nContent-type: text/enriched\r\n\r\nThis is <bold><italic>enriched.</italic></bold>\r\n<smaller>as defined in RFC 1896</smaller>\r\n\r\n--unique-boundary-1\r\nContent-Type: message/rfc822\r\n\r\nFrom: (mailbox in US-ASCII)\r\nTo: (address in US-ASCII)\r\nSubject: (subject in US-ASCII)\r\nContent-Type: Text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: Quoted-printable\r\n\r\n  ... Additional text in ISO-8859-1 goes here ...\r\n\r\n--unique-boundary-1--\r\nepilogue\r\n",
                        Why.SAME),
                new Expectation("M09", "BODY[HEADER]",
                        "From: Nathaniel Borenstein <nsb@nsb.fv.com>\r\nTo: Ned Freed <ned@innosoft.com>\r\nDate: Fri, 07 Oct 1994 16:15:05 -0700 (PDT)\r\nSubject: A multipart example\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; \r\n\tboundary=\"unique-boundary-1\"\r\n\r\n",
                        Why.SAME),
                new Expectation("M10", "ENVELOPE",
                        "(NIL \"attachments\" ((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"a\" \"b.test\")) NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M10", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 5 0)(\"application\" \"pdf\" (\"name\" \"doc.pdf\") NIL NIL \"base64\" 4)(\"application\" \"octet-stream\" (\"name*\" \"utf-8''%E2%82%AC.bin\") NIL NIL \"7bit\" 4) \"mixed\")",
                        Why.SAME),
                new Expectation("M10", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 5 0 \"Q2hlY2sgSW50ZWdyaXR5IQ==\" (\"inline\" NIL) (\"de\" \"en-US\") \"http://example.com/a.txt\")(\"application\" \"pdf\" (\"name\" \"doc.pdf\") NIL NIL \"base64\" 4 NIL (\"attachment\" (\"filename\" \"doc.pdf\" \"size\" \"3\")) (\"fr\") NIL)(\"application\" \"octet-stream\" (\"name*\" \"utf-8''%E2%82%AC.bin\") NIL NIL \"7bit\" 4 NIL (\"attachment\" (\"x\" \"y\" \"filename*\" \"utf-8''%E2%82%AC.bin\")) NIL NIL) \"mixed\" (\"boundary\" \"XX\" \"foo\" \"bar\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M11", "ENVELOPE",
                        "(NIL \"alternative\" ((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"a\" \"b.test\")) NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M11", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 5 0)(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 11 0) \"alternative\")",
                        Why.SAME),
                new Expectation("M11", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 5 0 NIL NIL NIL NIL)(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 11 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"alt\") (\"inline\" NIL) (\"en\") \"foo\")",
                        Why.SAME),
                new Expectation("M12", "ENVELOPE",
                        "(NIL \"digest\" ((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"a\" \"b.test\")) NIL NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: (("message" "rfc822" NIL NIL NIL "7bit" 35 (NIL "one" ((NIL NIL "x" "y")) ((NIL NIL "x" "y")) ((NIL NIL "x" "y")) NIL NIL NIL NIL NIL) ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 8 0) 3)("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 13 0)("message" "rfc822" NIL NIL NIL "7bit" 132 (NIL "three" NIL NIL NIL NIL NIL NIL NIL NIL) (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 1...
                new Expectation("M12", "BODY",
                        "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 35 (NIL \"one\" ((NIL NIL \"x\" \"y\")) ((NIL NIL \"x\" \"y\")) ((NIL NIL \"x\" \"y\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 8 0) 3)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 0)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 130 (NIL \"three\" NIL NIL NIL NIL NIL NIL NIL NIL) ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 11 0) \"alternative\") 7) \"digest\")",
                        Why.BOUNDARY_CRLF),
                // Dovecot: (("message" "rfc822" NIL NIL NIL "7bit" 35 (NIL "one" ((NIL NIL "x" "y")) ((NIL NIL "x" "y")) ((NIL NIL "x" "y")) NIL NIL NIL NIL NIL) ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 8 0 NIL NIL NIL NIL) 3 NIL NIL NIL NIL)("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 13 0 NIL NIL NIL NIL)("message" "rfc822" NIL NIL NIL "7bit" 132 (NIL "three" NIL NIL NIL NIL NIL NIL NIL NIL) (("text"...
                new Expectation("M12", "BODYSTRUCTURE",
                        "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 35 (NIL \"one\" ((NIL NIL \"x\" \"y\")) ((NIL NIL \"x\" \"y\")) ((NIL NIL \"x\" \"y\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 8 0 NIL NIL NIL NIL) 3 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 0 NIL NIL NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 130 (NIL \"three\" NIL NIL NIL NIL NIL NIL NIL NIL) ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 11 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"inner\") NIL NIL NIL) 7 NIL NIL NIL NIL) \"digest\" (\"boundary\" \"d\") NIL NIL NIL)",
                        Why.BOUNDARY_CRLF),
                new Expectation("M12", "BODY[1]",
                        "From: x@y\r\nSubject: one\r\n\r\none body",
                        Why.SAME),
                new Expectation("M12", "BODY[1.MIME]",
                        "\r\n",
                        Why.SAME),
                new Expectation("M12", "BODY[3.HEADER]",
                        "Subject: three\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n",
                        Why.SAME),
                // Dovecot: --inner\r\nContent-Type: text/plain\r\n\r\ninner plain\r\n--inner--\r\n
                new Expectation("M12", "BODY[3.TEXT]",
                        "--inner\r\nContent-Type: text/plain\r\n\r\ninner plain\r\n--inner--",
                        Why.BOUNDARY_CRLF),
                new Expectation("M12", "BODY[3.1]",
                        "inner plain",
                        Why.SAME),
                new Expectation("M12", "BODY[3.1.MIME]",
                        "Content-Type: text/plain\r\n\r\n",
                        Why.SAME),
                new Expectation("M12", "BODY[2.1]",
                        "not a message",
                        Why.SAME),
                new Expectation("M13", "ENVELOPE",
                        "(NIL \"forwarded\" ((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"a\" \"b.test\")) ((NIL NIL \"a\" \"b.test\")) NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M13", "BODY",
                        "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 58 (NIL \"inner\" ((NIL NIL \"inner\" \"b.test\")) ((NIL NIL \"inner\" \"b.test\")) ((NIL NIL \"inner\" \"b.test\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 20 2) 5)",
                        Why.SAME),
                new Expectation("M13", "BODYSTRUCTURE",
                        "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 58 (NIL \"inner\" ((NIL NIL \"inner\" \"b.test\")) ((NIL NIL \"inner\" \"b.test\")) ((NIL NIL \"inner\" \"b.test\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 20 2 NIL NIL NIL NIL) 5 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("M13", "BODY[1]",
                        "From: inner@b.test\r\nSubject: inner\r\n\r\ninner body\r\nline 2\r\n",
                        Why.SAME),
                new Expectation("M13", "BODY[1.1]",
                        "inner body\r\nline 2\r\n",
                        Why.SAME),
                new Expectation("M13", "BODY[1.MIME]",
                        "From: a@b.test\r\nSubject: forwarded\r\nContent-Type: message/rfc822\r\n\r\n",
                        Why.SAME),
                new Expectation("M13", "BODY[1.HEADER]",
                        "From: inner@b.test\r\nSubject: inner\r\n\r\n",
                        Why.SAME),
                new Expectation("M13", "BODY[1.TEXT]",
                        "inner body\r\nline 2\r\n",
                        Why.SAME),
                new Expectation("M13", "BODY[1.2]",
                        "",
                        Why.SAME),
                new Expectation("M13", "BODY[HEADER]",
                        "From: a@b.test\r\nSubject: forwarded\r\nContent-Type: message/rfc822\r\n\r\n",
                        Why.SAME),
                new Expectation("M13", "BODY[TEXT]",
                        "From: inner@b.test\r\nSubject: inner\r\n\r\ninner body\r\nline 2\r\n",
                        Why.SAME),
                new Expectation("S01", "ENVELOPE",
                        "(NIL \"s01 multipart no boundary\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S01", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")",
                        Why.SAME),
                new Expectation("S01", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S02", "ENVELOPE",
                        "(NIL \"s02 boundary never appears\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S02", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")",
                        Why.SAME),
                new Expectation("S02", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"zz\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S03", "ENVELOPE",
                        "(NIL \"s03 unterminated\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S03", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0)(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 12 1) \"mixed\")",
                        Why.SAME),
                new Expectation("S03", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0 NIL NIL NIL NIL)(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 12 1 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S03", "BODY[1.MIME]",
                        "Content-Type: text/plain\r\n\r\n",
                        Why.SAME),
                new Expectation("S03", "BODY[2.MIME]",
                        "Content-Type: text/html\r\n\r\n",
                        Why.SAME),
                new Expectation("S03", "BODY[1]",
                        "one",
                        Why.SAME),
                new Expectation("S03", "BODY[2]",
                        "<b>two</b>\r\n",
                        Why.SAME),
                new Expectation("S03", "BODY[TEXT]",
                        "--b\r\nContent-Type: text/plain\r\n\r\none\r\n--b\r\nContent-Type: text/html\r\n\r\n<b>two</b>\r\n",
                        Why.SAME),
                new Expectation("S04", "ENVELOPE",
                        "(NIL \"s04 padding\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S04", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0) \"mixed\")",
                        Why.SAME),
                new Expectation("S04", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S05", "ENVELOPE",
                        "(NIL \"s05 prefix boundaries\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S05", "BODY",
                        "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 0)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 0) \"alternative\")(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 0) \"mixed\")",
                        Why.SAME),
                new Expectation("S05", "BODYSTRUCTURE",
                        "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"b1\") NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S05", "BODY[1.MIME]",
                        "Content-Type: multipart/alternative; boundary=b1\r\n\r\n",
                        Why.SAME),
                new Expectation("S05", "BODY[2.MIME]",
                        "Content-Type: text/plain\r\n\r\n",
                        Why.SAME),
                // Dovecot: --b1\r\nContent-Type: text/plain\r\n\r\ninner1\r\n--b1\r\nContent-Type: text/plain\r\n\r\ninner2\r\n--b1--\r\n
                new Expectation("S05", "BODY[1]",
                        "--b1\r\nContent-Type: text/plain\r\n\r\ninner1\r\n--b1\r\nContent-Type: text/plain\r\n\r\ninner2\r\n--b1--",
                        Why.BOUNDARY_CRLF),
                new Expectation("S05", "BODY[2]",
                        "outer2",
                        Why.SAME),
                new Expectation("S05", "BODY[TEXT]",
                        "--b\r\nContent-Type: multipart/alternative; boundary=b1\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\ninner1\r\n--b1\r\nContent-Type: text/plain\r\n\r\ninner2\r\n--b1--\r\n--b\r\nContent-Type: text/plain\r\n\r\nouter2\r\n--b--\r\n",
                        Why.SAME),
                new Expectation("S06", "ENVELOPE",
                        "(NIL \"s06 header cut by boundary\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S06", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 2 0) \"mixed\")",
                        Why.SAME),
                new Expectation("S06", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 2 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S06", "BODY[1]",
                        "",
                        Why.SAME),
                new Expectation("S06", "BODY[1.MIME]",
                        "Content-Type: text/plain",
                        Why.SAME),
                new Expectation("S06", "BODY[2]",
                        "ok",
                        Why.SAME),
                new Expectation("S06", "BODY[2.MIME]",
                        "Content-Type: text/plain\r\n\r\n",
                        Why.SAME),
                new Expectation("S07", "ENVELOPE",
                        "(NIL \"s07 consecutive\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S07", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0) \"mixed\")",
                        Why.SAME),
                new Expectation("S07", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S07", "BODY[1.MIME]",
                        "",
                        Why.SAME),
                new Expectation("S07", "BODY[2.MIME]",
                        "\r\n",
                        Why.SAME),
                new Expectation("S07", "BODY[1]",
                        "",
                        Why.SAME),
                new Expectation("S07", "BODY[2]",
                        "x",
                        Why.SAME),
                new Expectation("S07", "BODY[TEXT]",
                        "--b\r\n--b\r\n\r\nx\r\n--b--\r\n",
                        Why.SAME),
                new Expectation("S08", "ENVELOPE",
                        "(NIL \"s08 leading crlf\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S08", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1) \"mixed\")",
                        Why.SAME),
                new Expectation("S08", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S08", "BODY[1]",
                        "x\r\n",
                        Why.SAME),
                new Expectation("S08", "BODY[1.MIME]",
                        "\r\n",
                        Why.SAME),
                new Expectation("S08", "BODY[TEXT]",
                        "\r\n--b\r\n\r\nx\r\n\r\n--b--\r\n",
                        Why.SAME),
                new Expectation("S09A", "ENVELOPE",
                        "(NIL \"s09a\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: ("garbage" "" NIL NIL NIL "7bit" 6)
                new Expectation("S09A", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.INVALID_TYPE),
                // Dovecot: ("garbage" "" NIL NIL NIL "7bit" 6 NIL NIL NIL NIL)
                new Expectation("S09A", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.INVALID_TYPE),
                new Expectation("S09B", "ENVELOPE",
                        "(NIL \"s09b\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: ("text" "" ("charset" "us-ascii") NIL NIL "7bit" 6 1)
                new Expectation("S09B", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.INVALID_TYPE),
                // Dovecot: ("text" "" ("charset" "us-ascii") NIL NIL "7bit" 6 1 NIL NIL NIL NIL)
                new Expectation("S09B", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.INVALID_TYPE),
                new Expectation("S09C", "ENVELOPE",
                        "(NIL \"s09c\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: ("" "" NIL NIL NIL "7bit" 6)
                new Expectation("S09C", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.INVALID_TYPE),
                // Dovecot: ("" "" NIL NIL NIL "7bit" 6 NIL NIL NIL NIL)
                new Expectation("S09C", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.INVALID_TYPE),
                new Expectation("S09D", "ENVELOPE",
                        "(NIL \"s09d\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S09D", "BODY",
                        "(\"image\" \"png\" NIL NIL NIL \"7bit\" 6)",
                        Why.SAME),
                new Expectation("S09D", "BODYSTRUCTURE",
                        "(\"image\" \"png\" NIL NIL NIL \"7bit\" 6 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S09E", "ENVELOPE",
                        "(NIL \"s09e\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: ("" "" NIL NIL NIL "7bit" 6)
                new Expectation("S09E", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.INVALID_TYPE),
                // Dovecot: ("" "" NIL NIL NIL "7bit" 6 NIL NIL NIL NIL)
                new Expectation("S09E", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.INVALID_TYPE),
                new Expectation("S09F", "ENVELOPE",
                        "(NIL \"s09f\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S09F", "BODY",
                        "(\"application\" \"x\" (\"a\" \"b\") NIL NIL \"7bit\" 6)",
                        Why.SAME),
                new Expectation("S09F", "BODYSTRUCTURE",
                        "(\"application\" \"x\" (\"a\" \"b\") NIL NIL \"7bit\" 6 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S10", "ENVELOPE",
                        "(NIL \"s10 dup\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S10", "BODY",
                        "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S10", "BODYSTRUCTURE",
                        "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S11", "ENVELOPE",
                        "(NIL \"s11 b64 rfc822\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S11", "BODY",
                        "(\"message\" \"rfc822\" NIL NIL NIL \"base64\" 22 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) 1)",
                        Why.SAME),
                new Expectation("S11", "BODYSTRUCTURE",
                        "(\"message\" \"rfc822\" NIL NIL NIL \"base64\" 22 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S12", "ENVELOPE",
                        "(NIL \"s12 global\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S12", "BODY",
                        "(\"message\" \"global\" NIL NIL NIL \"7bit\" 24)",
                        Why.SAME),
                new Expectation("S12", "BODYSTRUCTURE",
                        "(\"message\" \"global\" NIL NIL NIL \"7bit\" 24 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S12", "BODY[1.1.MIME]",
                        "",
                        Why.SAME),
                new Expectation("S12", "BODY[1.1]",
                        "",
                        Why.SAME),
                new Expectation("S12", "BODY[1.HEADER]",
                        "",
                        Why.SAME),
                new Expectation("S12", "BODY[1]",
                        "Subject: inner\r\n\r\nbody\r\n",
                        Why.SAME),
                new Expectation("S13", "ENVELOPE",
                        "(NIL \"s13 rfc822 cut\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: (("message" "rfc822" NIL NIL NIL "7bit" 27 (NIL "inner" ((NIL NIL "a" "b")) ((NIL NIL "a" "b")) ((NIL NIL "a" "b")) NIL NIL NIL NIL NIL) ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0) 2) "mixed")
                new Expectation("S13", "BODY",
                        "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 25 (NIL \"inner\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) 1) \"mixed\")",
                        Why.BOUNDARY_CRLF),
                // Dovecot: (("message" "rfc822" NIL NIL NIL "7bit" 27 (NIL "inner" ((NIL NIL "a" "b")) ((NIL NIL "a" "b")) ((NIL NIL "a" "b")) NIL NIL NIL NIL NIL) ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 0 0 NIL NIL NIL NIL) 2 NIL NIL NIL NIL) "mixed" ("boundary" "b") NIL NIL NIL)
                new Expectation("S13", "BODYSTRUCTURE",
                        "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 25 (NIL \"inner\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) 1 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.BOUNDARY_CRLF),
                // Dovecot: Subject: inner\r\nFrom: a@b\r\n
                new Expectation("S13", "BODY[1]",
                        "Subject: inner\r\nFrom: a@b",
                        Why.BOUNDARY_CRLF),
                new Expectation("S13", "BODY[1.MIME]",
                        "Content-Type: message/rfc822\r\n\r\n",
                        Why.SAME),
                new Expectation("S13", "BODY[1.HEADER]",
                        "Subject: inner\r\nFrom: a@b",
                        Why.SAME),
                new Expectation("S13", "BODY[1.TEXT]",
                        "",
                        Why.SAME),
                new Expectation("S13", "BODY[1.1]",
                        "",
                        Why.SAME),
                new Expectation("S13", "BODY[2]",
                        "",
                        Why.SAME),
                new Expectation("S16", "ENVELOPE",
                        "(NIL \"s16\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S16", "BODY",
                        "(\"text\" \"plain\" (\"format\" \"flowed\" \"delsp\" \"yes\" \"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S16", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"format\" \"flowed\" \"delsp\" \"yes\" \"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S17A", "ENVELOPE",
                        "(NIL \"s17a\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S17A", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S17A", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S17B", "ENVELOPE",
                        "(NIL \"s17b\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S17B", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S17B", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S17C", "ENVELOPE",
                        "(NIL \"s17c\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S17C", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S17C", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S18", "ENVELOPE",
                        "(NIL \"s18\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S18", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                // Dovecot: ("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 6 1 "abc" ("INLINE" NIL) ("en" "de-AT") "  http://x.test/a   b")
                new Expectation("S18", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 \"abc\" (\"INLINE\" NIL) (\"en\" \"de-AT\") \"http://x.test/a   b\")",
                        Why.FOLDED_VALUE),
                new Expectation("S19", "ENVELOPE",
                        "(NIL {12}\r\ns19 \u00c3\u00bcml\u00c3\u00a4ut (({2}\r\n\u00c3\u009c NIL \"u\" \"x\")) (({2}\r\n\u00c3\u009c NIL \"u\" \"x\")) (({2}\r\n\u00c3\u009c NIL \"u\" \"x\")) NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S19", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S19", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: (NIL {12}\r\ns19b latin \xfc (({1}\r\n\xdc NIL "u" "x")) (({1}\r\n\xdc NIL "u" "x")) (({1}\r\n\xdc NIL "u" "x")) NIL NIL NIL NIL NIL)
                new Expectation("S19B", "ENVELOPE",
                        "(NIL {13}\r\ns19b latin \u00c3\u00bc (({2}\r\n\u00c3\u009c NIL \"u\" \"x\")) (({2}\r\n\u00c3\u009c NIL \"u\" \"x\")) (({2}\r\n\u00c3\u009c NIL \"u\" \"x\")) NIL NIL NIL NIL NIL)",
                        Why.LATIN1),
                new Expectation("S19B", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S19B", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S20", "ENVELOPE",
                        "(NIL \"s20\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S20", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") \"<a b@c>  \" \"=?utf-8?q?h=C3=A9?= desc\" \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S20", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") \"<a b@c>  \" \"=?utf-8?q?h=C3=A9?= desc\" \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S24", "ENVELOPE",
                        "(NIL \"s24\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S24", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")",
                        Why.SAME),
                new Expectation("S24", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S24", "BODY[1.MIME]",
                        "",
                        Why.SAME),
                new Expectation("S24", "BODY[2.MIME]",
                        "Content-Type: text/plain\r\n",
                        Why.SAME),
                new Expectation("S24", "BODY[1]",
                        "",
                        Why.SAME),
                new Expectation("S24", "BODY[2]",
                        "",
                        Why.SAME),
                new Expectation("S24", "BODY[TEXT]",
                        "--b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n--b--\r\n",
                        Why.SAME),
                new Expectation("S25", "ENVELOPE",
                        "(NIL \"s25 outer boundary in inner epilogue\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S25", "BODY",
                        "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0) \"alternative\")(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0) \"mixed\")",
                        Why.SAME),
                new Expectation("S25", "BODYSTRUCTURE",
                        "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"inner\") NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"outer\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S25", "BODY[1.MIME]",
                        "Content-Type: multipart/alternative; boundary=inner\r\n\r\n",
                        Why.SAME),
                new Expectation("S25", "BODY[2.MIME]",
                        "\r\n",
                        Why.SAME),
                new Expectation("S25", "BODY[1]",
                        "--inner\r\n\r\na\r\n--inner--\r\ninner epilogue",
                        Why.SAME),
                new Expectation("S25", "BODY[2]",
                        "b",
                        Why.SAME),
                new Expectation("S25", "BODY[TEXT]",
                        "--outer\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n--inner\r\n\r\na\r\n--inner--\r\ninner epilogue\r\n--outer\r\n\r\nb\r\n--outer--\r\n",
                        Why.SAME),
                new Expectation("S27", "ENVELOPE",
                        "(NIL \"s27 rfc2231\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S27", "BODY",
                        "(\"application\" \"x\" (\"d\" \"1\" \"D\" \"2\" \"g\" \"q\\\"uote\" \"h\" \"=?utf-8?b?QQ==?=\" \"a\" \"xy\" \"b*\" \"utf-8'en'%41B%25\" \"c*1\" \"q\" \"c*2\" \"r\") NIL NIL \"7bit\" 6)",
                        Why.SAME),
                new Expectation("S27", "BODYSTRUCTURE",
                        "(\"application\" \"x\" (\"d\" \"1\" \"D\" \"2\" \"g\" \"q\\\"uote\" \"h\" \"=?utf-8?b?QQ==?=\" \"a\" \"xy\" \"b*\" \"utf-8'en'%41B%25\" \"c*1\" \"q\" \"c*2\" \"r\") NIL NIL \"7bit\" 6 NIL (\"attachment\" (\"FILENAME\" \"A.txt\" \"filename*\" \"iso-8859-1''%FC\")) NIL NIL)",
                        Why.SAME),
                new Expectation("S28", "ENVELOPE",
                        "(NIL \"s28\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S28", "BODY",
                        "((\"Text\" \"Plain\" (\"Charset\" \"UTF-8\") NIL NIL \"7bit\" 1 0) \"Mixed\")",
                        Why.SAME),
                new Expectation("S28", "BODYSTRUCTURE",
                        "((\"Text\" \"Plain\" (\"Charset\" \"UTF-8\") NIL NIL \"7bit\" 1 0 NIL NIL NIL NIL) \"Mixed\" (\"BOUNDARY\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S30", "ENVELOPE",
                        "(NIL \"s30\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S30", "BODY",
                        "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 0 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) 0)",
                        Why.SAME),
                new Expectation("S30", "BODYSTRUCTURE",
                        "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 0 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) 0 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S31", "ENVELOPE",
                        "(NIL \"s31 text params\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S31", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S31", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: ("" {20}\r\nleading and trailing NIL NIL NIL NIL NIL NIL "<a@b>   " " <x@y>")
                new Expectation("S32", "ENVELOPE",
                        "(\"\" \"leading and trailing   \" NIL NIL NIL NIL NIL NIL \"<a@b>   \" \"<x@y>\")",
                        Why.HUMANS),
                new Expectation("S32", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S32", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: (NIL {28}\r\ns33 "quoted" and \\back\\slash NIL NIL NIL NIL NIL NIL NIL NIL)
                new Expectation("S33", "ENVELOPE",
                        "(NIL \"s33 \\\"quoted\\\" and \\\\back\\\\slash\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.HUMANS),
                new Expectation("S33", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S33", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: (NIL "s34" (({13}\r\nQuoted spaces NIL "a" "b")({8}\r\ntab name NIL "c" "d")) (({13}\r\nQuoted spaces NIL "a" "b")({8}\r\ntab name NIL "c" "d")) (({13}\r\nQuoted spaces NIL "a" "b")({8}\r\ntab name NIL "c" "d")) NIL NIL NIL NIL NIL)
                new Expectation("S34", "ENVELOPE",
                        "(NIL \"s34\" ((\"Quoted   spaces\" NIL \"a\" \"b\")(\"tab\tname\" NIL \"c\" \"d\")) ((\"Quoted   spaces\" NIL \"a\" \"b\")(\"tab\tname\" NIL \"c\" \"d\")) ((\"Quoted   spaces\" NIL \"a\" \"b\")(\"tab\tname\" NIL \"c\" \"d\")) NIL NIL NIL NIL NIL)",
                        Why.HUMANS),
                new Expectation("S34", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S34", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S35", "ENVELOPE",
                        "(NIL \"s35 nul\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S35", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 8 1)",
                        Why.SAME),
                new Expectation("S35", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 8 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S36", "ENVELOPE",
                        "(NIL \"s36\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S36", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S36", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S37", "ENVELOPE",
                        "(NIL \"s37\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S37", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S37", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S38", "ENVELOPE",
                        "(NIL \"second\" ((NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"d\")) ((NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"d\")) ((NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"d\")) NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S38", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)",
                        Why.SAME),
                new Expectation("S38", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S39", "ENVELOPE",
                        "(NIL \"s39 lines\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S39", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 17 0)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 19 1) \"mixed\")",
                        Why.SAME),
                new Expectation("S39", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 17 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 19 1 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("S39", "BODY[1.MIME]",
                        "\r\n",
                        Why.SAME),
                new Expectation("S39", "BODY[2.MIME]",
                        "\r\n",
                        Why.SAME),
                new Expectation("S39", "BODY[1]",
                        "no newline at end",
                        Why.SAME),
                new Expectation("S39", "BODY[2]",
                        "ends with newline\r\n",
                        Why.SAME),
                new Expectation("S39", "BODY[TEXT]",
                        "pre\r\n--b\r\n\r\nno newline at end\r\n--b\r\n\r\nends with newline\r\n\r\n--b--",
                        Why.SAME),
                // Dovecot: ("Tue, 01 Aug 2023 10:00:00 +0200" {119}\r\n=?utf-8?b?R3LDvMOfZSBhdXMgTcO8bmNoZW4g4oCTIGVpbiBsw6RuZ2VyZXI=?= Betreff, der gefaltet werden muss, weil er so lang ist (("=?utf-8?q?J=C3=B6rg_M=C3=BCller?=" NIL "joerg" "example.de")) (("=?utf-8?q?J=C3=B6rg_M=C3=BCller?=" NIL "joerg" "example.de")) (("=?utf-8?q?J=C3=B6rg_M=C3=BCller?=" NIL "joerg" "example.de")) (("Anna" NIL "anna" "example.com")("Smith...
                new Expectation("R01", "ENVELOPE",
                        "(\"Tue, 01 Aug 2023 10:00:00 +0200\" \"=?utf-8?b?R3LDvMOfZSBhdXMgTcO8bmNoZW4g4oCTIGVpbiBsw6RuZ2VyZXI=?= Betreff, der gefaltet werden muss, weil er so lang ist\" ((\"=?utf-8?q?J=C3=B6rg_M=C3=BCller?=\" NIL \"joerg\" \"example.de\")) ((\"=?utf-8?q?J=C3=B6rg_M=C3=BCller?=\" NIL \"joerg\" \"example.de\")) ((\"=?utf-8?q?J=C3=B6rg_M=C3=BCller?=\" NIL \"joerg\" \"example.de\")) ((\"Anna\" NIL \"anna\" \"example.com\")(\"Smith, Bob\" NIL \"bob\" \"example.com\")) NIL NIL NIL \"<abc.123@example.de>\")",
                        Why.HUMANS),
                new Expectation("R01", "BODY",
                        "(((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"8bit\" 56 6)((\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 86 2)(\"image\" \"png\" NIL \"<logo@x>\" NIL \"base64\" 1414) \"related\") \"alternative\")(\"application\" \"pdf\" NIL NIL NIL \"base64\" 7020)(\"message\" \"rfc822\" NIL NIL NIL \"8bit\" 541 (NIL \"inner fwd\" ((NIL NIL \"x\" \"y.test\")) ((NIL NIL \"x\" \"y.test\")) ((NIL NIL \"x\" \"y.test\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 396 5) 11) \"mixed\")",
                        Why.SAME),
                new Expectation("R01", "BODYSTRUCTURE",
                        "(((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"8bit\" 56 6 NIL NIL NIL NIL)((\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 86 2 NIL NIL NIL NIL)(\"image\" \"png\" NIL \"<logo@x>\" NIL \"base64\" 1414 NIL (\"attachment\" (\"filename\" \"logo.png\")) NIL NIL) \"related\" (\"boundary\" \"===============5908085049183403056==\") NIL NIL NIL) \"alternative\" (\"boundary\" \"===============8246113936341881586==\") NIL NIL NIL)(\"application\" \"pdf\" NIL NIL NIL \"base64\" 7020 NIL (\"attachment\" (\"filename*\" \"utf-8''Rechnung%20M%C3%A4rz.pdf\")) NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"8bit\" 541 (NIL \"inner fwd\" ((NIL NIL \"x\" \"y.test\")) ((NIL NIL \"x\" \"y.test\")) ((NIL NIL \"x\" \"y.test\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 396 5 NIL NIL NIL NIL) 11 NIL (\"attachment\" NIL) NIL NIL) \"mixed\" (\"boundary\" \"===============6148594101033017458==\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("R01", "BODY[1.2.2.MIME]",
                        "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"logo.png\"\r\nContent-ID: <logo@x>\r\nMIME-Version: 1.0\r\n\r\n",
                        Why.SAME),
                new Expectation("R01", "BODY[3.HEADER]",
                        "From: x@y.test\r\nSubject: inner fwd\r\nContent-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: quoted-printable\r\nMIME-Version: 1.0\r\n\r\n",
                        Why.SAME),
                new Expectation("R01", "BODY[1.2.1]",
                        "<html><body><p>Hallo Anna,</p><p>anbei <img src=3D\"cid:logo@x\"></p></body></h=\r\ntml>\r\n",
                        Why.SAME),
                new Expectation("R01", "BODY[3.1]",
                        "quoted printable =C3=A4 =C3=B6 =C3=BC quoted printable =C3=A4 =C3=B6 =C3=BC q=\r\nuoted printable =C3=A4 =C3=B6 =C3=BC quoted printable =C3=A4 =C3=B6 =C3=BC qu=\r\noted printable =C3=A4 =C3=B6 =C3=BC quoted printable =C3=A4 =C3=B6 =C3=BC quo=\r\nted printable =C3=A4 =C3=B6 =C3=BC quoted printable =C3=A4 =C3=B6 =C3=BC quot=\r\ned printable =C3=A4 =C3=B6 =C3=BC quoted printable =C3=A4 =C3=B6 =C3=BC=20\r\n",
                        Why.SAME),
                new Expectation("R01", "BODY[2.MIME]",
                        "Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename*=utf-8''Rechnung%20M%C3%A4rz.pdf\r\nMIME-Version: 1.0\r\n\r\n",
                        Why.SAME),
                new Expectation("A01", "ENVELOPE",
                        "(NIL \"a01\" NIL NIL NIL ((NIL NIL \"user\" \"MISSING_DOMAIN\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A02", "ENVELOPE",
                        "(NIL \"a02\" NIL NIL NIL ((NIL NIL \"MISSING_MAILBOX\" \"x\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A03", "ENVELOPE",
                        "(NIL \"a03\" NIL NIL NIL ((NIL NIL \"q uote\" \"host.test\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A04", "ENVELOPE",
                        "(NIL \"a04\" NIL NIL NIL ((NIL \"@r\" \"u\" \"h\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A05", "ENVELOPE",
                        "(NIL \"a05\" NIL NIL NIL ((NIL NIL \"e\" \"h\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A06", "ENVELOPE",
                        "(NIL \"a06\" NIL NIL NIL ((NIL NIL \"no-at\" \"MISSING_DOMAIN\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A07", "ENVELOPE",
                        "(NIL \"a07\" NIL NIL NIL ((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A08", "ENVELOPE",
                        "(NIL \"a08\" NIL NIL NIL ((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A09", "ENVELOPE",
                        "(NIL \"a09\" NIL NIL NIL ((NIL NIL \"a\" \"MISSING_DOMAIN\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A10", "ENVELOPE",
                        "(NIL \"a10\" NIL NIL NIL ((NIL NIL \"MISSING_MAILBOX\" \"b\")) NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: (NIL "a11" NIL NIL NIL ((NIL NIL "a" "b")(NIL NIL "MISSING_MAILBOX" "MISSING_DOMAIN")(NIL NIL "c" "d")) NIL NIL NIL NIL)
                new Expectation("A11", "ENVELOPE",
                        "(NIL \"a11\" NIL NIL NIL ((NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"d\")) NIL NIL NIL NIL)",
                        Why.EMPTY_MEMBER),
                // Dovecot: (NIL "a12" NIL NIL NIL ((NIL NIL "a" "b")(NIL NIL "MISSING_MAILBOX" "MISSING_DOMAIN")(NIL NIL "c" "d")) NIL NIL NIL NIL)
                new Expectation("A12", "ENVELOPE",
                        "(NIL \"a12\" NIL NIL NIL ((NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"d\")) NIL NIL NIL NIL)",
                        Why.EMPTY_MEMBER),
                new Expectation("A13", "ENVELOPE",
                        "(NIL \"a13\" NIL NIL NIL ((\"John Doe\" NIL \"j\" \"d\")(\"garbage here\" NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")(NIL NIL \"x\" \"y\")) NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: (NIL "a14" NIL NIL NIL (({12}\r\nJohn "Q" Doe NIL "j" "d")) NIL NIL NIL NIL)
                new Expectation("A14", "ENVELOPE",
                        "(NIL \"a14\" NIL NIL NIL ((\"John \\\"Q\\\" Doe\" NIL \"j\" \"d\")) NIL NIL NIL NIL)",
                        Why.HUMANS),
                new Expectation("A15", "ENVELOPE",
                        "(NIL \"a15\" NIL NIL NIL ((\"John Q Doe\" NIL \"j\" \"d\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A16", "ENVELOPE",
                        "(NIL \"a16\" NIL NIL NIL ((\"=?utf-8?b?SsO2cmc=?=\" NIL \"j\" \"d\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A17", "ENVELOPE",
                        "(NIL \"a17\" NIL NIL NIL ((NIL NIL \"a\" \"[127.0.0.1]\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A18", "ENVELOPE",
                        "(NIL \"a18\" NIL NIL NIL ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A19", "ENVELOPE",
                        "(NIL \"a19\" NIL NIL NIL ((\"c2\" NIL \"a\" \"b\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A20", "ENVELOPE",
                        "(NIL \"a20\" NIL NIL NIL ((\"Name\" NIL \"a\" \"b\")) NIL NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: (NIL "a21" NIL NIL NIL (({18}\r\nspaced.local. part NIL "MISSING_MAILBOX" "MISSING_DOMAIN")) NIL NIL NIL NIL)
                new Expectation("A21", "ENVELOPE",
                        "(NIL \"a21\" NIL NIL NIL ((NIL NIL \"spaced.local.part\" \"dom.ain\")) NIL NIL NIL NIL)",
                        Why.CFWS_DOTS),
                new Expectation("A22", "ENVELOPE",
                        "(NIL \"a22\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A23", "ENVELOPE",
                        "(NIL \"a23\" NIL NIL NIL ((NIL NIL \"g1\" NIL)(NIL NIL NIL NIL)(NIL NIL \"g2\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A24", "ENVELOPE",
                        "(NIL \"a24\" NIL NIL NIL ((NIL NIL \"g3\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"d\")(NIL NIL NIL NIL)) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A25", "ENVELOPE",
                        "(NIL \"a25\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A26", "ENVELOPE",
                        "(NIL \"a26\" NIL NIL NIL ((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A27", "ENVELOPE",
                        "(NIL \"a27\" NIL NIL NIL (({11}\r\n\u00c3\u009cn\u00c3\u00afc\u00c3\u00b6d\u00c3\u00a9 NIL \"u\" {7}\r\n\u00c3\u00bc.test)) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A28", "ENVELOPE",
                        "(NIL \"a28\" NIL NIL NIL ((NIL NIL \"a.\" \"b\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A29", "ENVELOPE",
                        "(NIL \"a29\" NIL NIL NIL ((\"Name\" NIL \"a\" \"b\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A30", "ENVELOPE",
                        "(NIL \"a30\" NIL NIL NIL ((NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"d\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("A31", "ENVELOPE",
                        "(NIL \"a31\" NIL NIL NIL ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("H1", "BODY[HEADER]",
                        "Subject: no sep\r\nFrom: a@b",
                        Why.SAME),
                new Expectation("H1", "BODY[TEXT]",
                        "",
                        Why.SAME),
                // Dovecot: Subject: no sep\r\nFrom: a@b\r\n\r\n
                new Expectation("H1", "BODY[HEADER.FIELDS (subject from)]",
                        "Subject: no sep\r\nFrom: a@b",
                        Why.NO_BLANK_LINE),
                new Expectation("H1", "BODY[HEADER.FIELDS.NOT (subject)]",
                        "From: a@b",
                        Why.SAME),
                // Dovecot: \r\n
                new Expectation("H1", "BODY[HEADER.FIELDS (x-none)]",
                        "",
                        Why.NO_BLANK_LINE),
                new Expectation("H1", "BODY[1]",
                        "",
                        Why.SAME),
                new Expectation("H1", "BODY[1.MIME]",
                        "Subject: no sep\r\nFrom: a@b",
                        Why.SAME),
                new Expectation("H2", "BODY[HEADER]",
                        "Subject: no sep2\r\nFrom: a@b\r\n",
                        Why.SAME),
                new Expectation("H2", "BODY[TEXT]",
                        "",
                        Why.SAME),
                // Dovecot: Subject: no sep2\r\nFrom: a@b\r\n\r\n
                new Expectation("H2", "BODY[HEADER.FIELDS (subject from)]",
                        "Subject: no sep2\r\nFrom: a@b\r\n",
                        Why.NO_BLANK_LINE),
                new Expectation("H2", "BODY[HEADER.FIELDS.NOT (subject)]",
                        "From: a@b\r\n",
                        Why.SAME),
                // Dovecot: \r\n
                new Expectation("H2", "BODY[HEADER.FIELDS (x-none)]",
                        "",
                        Why.NO_BLANK_LINE),
                new Expectation("H2", "BODY[1]",
                        "",
                        Why.SAME),
                new Expectation("H2", "BODY[1.MIME]",
                        "Subject: no sep2\r\nFrom: a@b\r\n",
                        Why.SAME),
                new Expectation("H3", "BODY[HEADER]",
                        "Subject : spaced name\r\nno colon line\r\nX-Folded: a\r\n b\r\n\tc\r\nFROM: a@b\r\nsubject: second\r\n\r\n",
                        Why.SAME),
                new Expectation("H3", "BODY[TEXT]",
                        "body\r\n",
                        Why.SAME),
                new Expectation("H3", "BODY[HEADER.FIELDS (subject from)]",
                        "Subject : spaced name\r\nFROM: a@b\r\nsubject: second\r\n\r\n",
                        Why.SAME),
                new Expectation("H3", "BODY[HEADER.FIELDS.NOT (subject)]",
                        "no colon line\r\nX-Folded: a\r\n b\r\n\tc\r\nFROM: a@b\r\n\r\n",
                        Why.SAME),
                new Expectation("H3", "BODY[HEADER.FIELDS (x-none)]",
                        "\r\n",
                        Why.SAME),
                new Expectation("H3", "BODY[1]",
                        "body\r\n",
                        Why.SAME),
                new Expectation("H3", "BODY[1.MIME]",
                        "Subject : spaced name\r\nno colon line\r\nX-Folded: a\r\n b\r\n\tc\r\nFROM: a@b\r\nsubject: second\r\n\r\n",
                        Why.SAME),
                new Expectation("H4", "BODY[HEADER]",
                        "Subject: x\r\n\r\n",
                        Why.SAME),
                new Expectation("H4", "BODY[TEXT]",
                        "",
                        Why.SAME),
                new Expectation("H4", "BODY[HEADER.FIELDS (subject from)]",
                        "Subject: x\r\n\r\n",
                        Why.SAME),
                new Expectation("H4", "BODY[HEADER.FIELDS.NOT (subject)]",
                        "\r\n",
                        Why.SAME),
                new Expectation("H4", "BODY[HEADER.FIELDS (x-none)]",
                        "\r\n",
                        Why.SAME),
                new Expectation("H4", "BODY[1]",
                        "",
                        Why.SAME),
                new Expectation("H4", "BODY[1.MIME]",
                        "Subject: x\r\n\r\n",
                        Why.SAME),
                new Expectation("E1", "ENVELOPE",
                        "(NIL \"e1\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E1", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")",
                        Why.SAME),
                new Expectation("E1", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E1", "BODY[1]",
                        "one",
                        Why.SAME),
                new Expectation("E1", "BODY[2]",
                        "two",
                        Why.SAME),
                new Expectation("E1", "BODY[1.HEADER]",
                        "",
                        Why.SAME),
                new Expectation("E1", "BODY[1.MIME]",
                        "\r\n",
                        Why.SAME),
                new Expectation("E10", "ENVELOPE",
                        "(NIL \"e10\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E10", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)",
                        Why.SAME),
                new Expectation("E10", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E10", "BODY[1]",
                        "x\r\n",
                        Why.SAME),
                new Expectation("E10", "BODY[2]",
                        "",
                        Why.SAME),
                new Expectation("E10", "BODY[1.HEADER]",
                        "",
                        Why.SAME),
                new Expectation("E10", "BODY[1.MIME]",
                        "Subject: e10\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=US-ASCII\r\nContent-Transfer-Encoding: 7BIT\r\n\r\n",
                        Why.SAME),
                new Expectation("E11", "ENVELOPE",
                        "(NIL \"e11\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E11", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 2 1) \"mixed\")",
                        Why.SAME),
                new Expectation("E11", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 2 1 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E11", "BODY[1]",
                        "",
                        Why.SAME),
                new Expectation("E11", "BODY[2]",
                        "\r\n",
                        Why.SAME),
                new Expectation("E11", "BODY[1.HEADER]",
                        "",
                        Why.SAME),
                new Expectation("E11", "BODY[1.MIME]",
                        "Content-Type: text/plain\r\n\r\n",
                        Why.SAME),
                new Expectation("E2", "ENVELOPE",
                        "(NIL \"e2\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E2", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0) \"mixed\")",
                        Why.SAME),
                new Expectation("E2", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"a b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E2", "BODY[1]",
                        "one",
                        Why.SAME),
                new Expectation("E2", "BODY[2]",
                        "",
                        Why.SAME),
                new Expectation("E2", "BODY[1.HEADER]",
                        "",
                        Why.SAME),
                new Expectation("E2", "BODY[1.MIME]",
                        "\r\n",
                        Why.SAME),
                new Expectation("E3", "ENVELOPE",
                        "(NIL \"e3\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E3", "BODY",
                        "((\"message\" \"rfc822\" (\"name\" \"x.eml\") NIL NIL \"7bit\" 16 (NIL \"in\" NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0) 2) \"mixed\")",
                        Why.SAME),
                new Expectation("E3", "BODYSTRUCTURE",
                        "((\"message\" \"rfc822\" (\"name\" \"x.eml\") NIL NIL \"7bit\" 16 (NIL \"in\" NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0 NIL NIL NIL NIL) 2 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E3", "BODY[1]",
                        "Subject: in\r\n\r\nx",
                        Why.SAME),
                new Expectation("E3", "BODY[2]",
                        "",
                        Why.SAME),
                new Expectation("E3", "BODY[1.HEADER]",
                        "Subject: in\r\n\r\n",
                        Why.SAME),
                new Expectation("E3", "BODY[1.MIME]",
                        "Content-Type: MESSAGE/RFC822; name=\"x.eml\"\r\n\r\n",
                        Why.SAME),
                new Expectation("E4", "ENVELOPE",
                        "(NIL \"e4\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E4", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")",
                        Why.SAME),
                new Expectation("E4", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E4", "BODY[1]",
                        "",
                        Why.SAME),
                new Expectation("E4", "BODY[2]",
                        "",
                        Why.SAME),
                new Expectation("E4", "BODY[1.HEADER]",
                        "",
                        Why.SAME),
                new Expectation("E4", "BODY[1.MIME]",
                        "Content-Type: text/plain",
                        Why.SAME),
                new Expectation("E5", "ENVELOPE",
                        "(NIL \"e5\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E5", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"utf-8\" \"charset\" \"iso-8859-1\" \"name\" \"a b\") NIL NIL \"7bit\" 3 1)",
                        Why.SAME),
                new Expectation("E5", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"utf-8\" \"charset\" \"iso-8859-1\" \"name\" \"a b\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E5", "BODY[1]",
                        "x\r\n",
                        Why.SAME),
                new Expectation("E5", "BODY[2]",
                        "",
                        Why.SAME),
                new Expectation("E5", "BODY[1.HEADER]",
                        "",
                        Why.SAME),
                new Expectation("E5", "BODY[1.MIME]",
                        "Subject: e5\r\nContent-Type: text/plain; charset=utf-8; charset=iso-8859-1; name=\"a\r\n b\"\r\n\r\n",
                        Why.SAME),
                new Expectation("E6", "ENVELOPE",
                        "(NIL \"e6\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E6", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)",
                        Why.SAME),
                new Expectation("E6", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL (\"attachment\" (\"filename\" \"a  b.txt\")) (\"en_US\" \"12\" \"x\") NIL)",
                        Why.SAME),
                new Expectation("E6", "BODY[1]",
                        "x\r\n",
                        Why.SAME),
                new Expectation("E6", "BODY[2]",
                        "",
                        Why.SAME),
                new Expectation("E6", "BODY[1.HEADER]",
                        "",
                        Why.SAME),
                new Expectation("E6", "BODY[1.MIME]",
                        "Subject: e6\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"a\r\n  b.txt\"\r\nContent-Language: en_US, 12, x\r\n\r\n",
                        Why.SAME),
                new Expectation("E7", "ENVELOPE",
                        "(NIL \"e7\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E7", "BODY",
                        "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 0) \"mixed\") \"mixed\")",
                        Why.SAME),
                new Expectation("E7", "BODYSTRUCTURE",
                        "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: --b\r\n\r\ninner?\r\n--b--\r\n
                new Expectation("E7", "BODY[1]",
                        "--b\r\n\r\ninner?\r\n--b--",
                        Why.BOUNDARY_CRLF),
                new Expectation("E7", "BODY[2]",
                        "",
                        Why.SAME),
                new Expectation("E7", "BODY[1.HEADER]",
                        "",
                        Why.SAME),
                new Expectation("E7", "BODY[1.MIME]",
                        "Content-Type: multipart/mixed; boundary=b\r\n\r\n",
                        Why.SAME),
                new Expectation("E8", "ENVELOPE",
                        "(NIL \"e8\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E8", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0) \"mixed\")",
                        Why.SAME),
                new Expectation("E8", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E8", "BODY[1]",
                        "x",
                        Why.SAME),
                new Expectation("E8", "BODY[2]",
                        "",
                        Why.SAME),
                new Expectation("E8", "BODY[1.HEADER]",
                        "",
                        Why.SAME),
                new Expectation("E8", "BODY[1.MIME]",
                        "\r\n",
                        Why.SAME),
                new Expectation("E9", "ENVELOPE",
                        "(NIL \"e9\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E9", "BODY",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")",
                        Why.SAME),
                new Expectation("E9", "BODYSTRUCTURE",
                        "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("E9", "BODY[1]",
                        "",
                        Why.SAME),
                new Expectation("E9", "BODY[2]",
                        "",
                        Why.SAME),
                new Expectation("E9", "BODY[1.HEADER]",
                        "",
                        Why.SAME),
                new Expectation("E9", "BODY[1.MIME]",
                        "",
                        Why.SAME),
                new Expectation("F1", "ENVELOPE",
                        "(NIL \"f1\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("F1", "BODY",
                        "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 0 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) 0) \"mixed\")",
                        Why.SAME),
                new Expectation("F1", "BODYSTRUCTURE",
                        "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 0 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("F1", "BODY[1]",
                        "",
                        Why.SAME),
                new Expectation("F1", "BODY[1.MIME]",
                        "Content-Type: message/rfc822\r\n",
                        Why.SAME),
                new Expectation("F1", "BODY[1.1]",
                        "",
                        Why.SAME),
                new Expectation("F1", "BODY[1.1.MIME]",
                        "",
                        Why.SAME),
                new Expectation("F1", "BODY[TEXT]",
                        "--b\r\nContent-Type: message/rfc822\r\n\r\n--b--\r\n",
                        Why.SAME),
                new Expectation("F2", "ENVELOPE",
                        "(NIL \"f2\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("F2", "BODY",
                        "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"alternative\") \"mixed\")",
                        Why.SAME),
                new Expectation("F2", "BODYSTRUCTURE",
                        "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"c\") NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("F2", "BODY[1]",
                        "",
                        Why.SAME),
                new Expectation("F2", "BODY[1.MIME]",
                        "Content-Type: multipart/alternative; boundary=c\r\n",
                        Why.SAME),
                new Expectation("F2", "BODY[1.1]",
                        "",
                        Why.SAME),
                new Expectation("F2", "BODY[1.1.MIME]",
                        "",
                        Why.SAME),
                new Expectation("F2", "BODY[TEXT]",
                        "--b\r\nContent-Type: multipart/alternative; boundary=c\r\n\r\n--b--\r\n",
                        Why.SAME),
                new Expectation("F3", "ENVELOPE",
                        "(NIL \"f3\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("F3", "BODY",
                        "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"alternative\") \"mixed\")",
                        Why.SAME),
                new Expectation("F3", "BODYSTRUCTURE",
                        "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"c\") NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                // Dovecot: --c\r\n\r\n
                new Expectation("F3", "BODY[1]",
                        "--c\r\n",
                        Why.BOUNDARY_CRLF),
                new Expectation("F3", "BODY[1.MIME]",
                        "Content-Type: multipart/alternative; boundary=c\r\n\r\n",
                        Why.SAME),
                new Expectation("F3", "BODY[1.1]",
                        "",
                        Why.SAME),
                new Expectation("F3", "BODY[1.1.MIME]",
                        "",
                        Why.SAME),
                new Expectation("F3", "BODY[TEXT]",
                        "--b\r\nContent-Type: multipart/alternative; boundary=c\r\n\r\n--c\r\n\r\n--b--\r\n",
                        Why.SAME),
                new Expectation("G1", "ENVELOPE",
                        "(NIL \"g1\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("G1", "BODY",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)",
                        Why.SAME),
                new Expectation("G1", "BODYSTRUCTURE",
                        "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("G2", "ENVELOPE",
                        "(NIL \"g2\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("G2", "BODY",
                        "(\"Text\" \"Plain\" (\"format\" \"flowed\" \"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)",
                        Why.SAME),
                new Expectation("G2", "BODYSTRUCTURE",
                        "(\"Text\" \"Plain\" (\"format\" \"flowed\" \"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("G3", "ENVELOPE",
                        "(NIL \"g3\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("G3", "BODY",
                        "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7bit\" 1 0) \"mixed\")",
                        Why.SAME),
                new Expectation("G3", "BODYSTRUCTURE",
                        "((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7bit\" 1 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL)",
                        Why.SAME),
                new Expectation("G4", "ENVELOPE",
                        "(NIL \"g4\" NIL NIL NIL NIL NIL NIL NIL NIL)",
                        Why.SAME),
                new Expectation("G4", "BODY",
                        "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 49 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"TEXT\" \"PLAIN\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1) 3)",
                        Why.SAME),
                new Expectation("G4", "BODYSTRUCTURE",
                        "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 49 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"TEXT\" \"PLAIN\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL) 3 NIL NIL NIL NIL)",
                        Why.SAME)
        );
    }
}
