package org.poststelle.store.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses an address-list header value (From, To, Cc, ...) into IMAP envelope addresses. Lenient the way the
 * reference server is, so that real mail gives the same answers: a comment stands in for a missing display
 * name ({@code a@b (Joe)}), a missing mailbox or host becomes {@code MISSING_MAILBOX} / {@code MISSING_DOMAIN},
 * a broken angle address gets the host {@code SYNTAX_ERROR}, and parsing resumes after broken members.
 * Unlike the reference, empty list members ({@code a@b, , c@d}) are skipped as RFC 5322 §4.4 (obs-addr-list)
 * requires instead of becoming a MISSING_MAILBOX entry.
 */
public final class AddressParser {
    static final String MISSING_MAILBOX = "MISSING_MAILBOX";
    static final String MISSING_DOMAIN = "MISSING_DOMAIN";
    private static final int MAX_ADDRESSES = 10_000;

    private final Rfc822Lexer lx;
    private final List<Address> out = new ArrayList<>();
    private final StringBuilder str = new StringBuilder();
    private String name;
    private String route;
    private String mailbox;
    private String domain;
    private boolean invalid;
    private final boolean byteString;

    private AddressParser(String value, boolean byteString) {
        lx = new Rfc822Lexer(value);
        lx.lastComment = new StringBuilder();
        this.byteString = byteString;
    }

    /**
     * Parses an unfolded header value given as a byte string (one char per byte). Returns the addresses, or an
     * empty list when there are none.
     */
    static List<Address> parseBytes(String byteString) {
        return run(new AddressParser(byteString, true));
    }

    /** Parses an unfolded header value (text). Returns an empty list when there are no addresses. */
    public static List<Address> parse(String value) {
        return run(new AddressParser(value, false));
    }

    private static List<Address> run(AddressParser p) {
        if (p.lx.skipCfws() > 0) {
            p.addressList();
        }
        return List.copyOf(p.out);
    }

    private String text(String s) {
        return byteString ? HeaderText.display(s) : s;
    }

    private void reset() {
        name = null;
        route = null;
        mailbox = null;
        domain = null;
        invalid = false;
    }

    private void add() {
        out.add(new Address(text(name), text(route), text(mailbox), text(domain)));
        reset();
    }

    private void addFixed() {
        if (mailbox == null) {
            mailbox = MISSING_MAILBOX;
            invalid = true;
        }
        if (domain == null || domain.isEmpty()) {
            domain = MISSING_DOMAIN;
            invalid = true;
        }
        add();
    }

    private int localPart() {
        str.setLength(0);
        int ret = lx.peek() == '"' ? lx.quotedString(str) : lx.dotAtom(str);
        if (ret < 0) {
            return -1;
        }
        mailbox = str.toString();
        return ret;
    }

    private int domain() {
        str.setLength(0);
        int ret = lx.domain(str);
        if (ret < 0) {
            return -1;
        }
        domain = str.toString();
        return ret;
    }

    private int domainList() {
        // obs-domain-list = "@" domain *(*(CFWS / ",") [CFWS] "@" domain)
        StringBuilder routeText = new StringBuilder();
        while (true) {
            if (lx.atEnd()) {
                return 0;
            }
            if (lx.peek() != '@') {
                break;
            }
            if (routeText.length() > 0) {
                routeText.append(',');
            }
            routeText.append('@');
            int ret = lx.domain(routeText);
            if (ret <= 0) {
                return ret;
            }
            while (lx.skipCfws() > 0 && lx.peek() == ',') {
                lx.pos++;
            }
        }
        route = routeText.toString();
        return 1;
    }

    private int angleAddr() {
        // "<" [ "@" route ":" ] local-part "@" domain ">"
        lx.pos++;
        if (lx.skipCfws() <= 0) {
            return -1;
        }
        if (lx.peek() == '@') {
            if (domainList() > 0 && lx.peek() == ':') {
                lx.pos++;
            } else {
                route = "INVALID_ROUTE";
                if (lx.atEnd()) {
                    return -1;
                }
            }
            if (lx.skipCfws() <= 0) {
                return -1;
            }
        }
        if (lx.peek() != '>') {
            if (localPart() <= 0) {
                return -1;
            }
            if (lx.peek() == '@' && domain() <= 0) {
                return -1;
            }
        }
        if (lx.cur() != '>') {
            return -1;
        }
        lx.pos++;
        return lx.skipCfws();
    }

    private int nameAddr() {
        str.setLength(0);
        if (lx.phrase(str) <= 0 || lx.peek() != '<') {
            return -1;
        }
        name = str.length() == 0 ? null : str.toString();
        if (angleAddr() < 0) {
            domain = "SYNTAX_ERROR";
            invalid = true;
        }
        return lx.atEnd() ? 0 : 1;
    }

    private int addrSpec() {
        int ret2 = -2;
        lx.lastComment.setLength(0);
        boolean quoted = lx.peek() == '"';
        int ret = localPart();
        if (ret <= 0) {
            invalid = true;
        }
        if (ret != 0 && !lx.atEnd() && lx.peek() == '@') {
            ret2 = domain();
            if (ret2 <= 0) {
                ret = ret2;
            }
        }
        if (lx.lastComment.length() > 0) {
            name = lx.lastComment.toString();
        } else if (ret2 == -2) {
            // "user" alone is a mailbox, but "user more words" is a display name without an address
            str.append(' ');
            int before = str.length();
            lx.phrase(str);
            if (str.length() != before) {
                mailbox = null;
                name = str.toString();
            } else if (!quoted) {
                domain = "";
            }
            invalid = true;
            ret = -1;
        }
        return ret;
    }

    private int mailbox() {
        int start = lx.pos;
        int ret = nameAddr();
        if (ret < 0) {
            lx.pos = start;
            reset();
            ret = addrSpec();
            if (invalid && name == null && mailbox != null && domain == null) {
                name = mailbox;
                mailbox = null;
            }
        }
        if (ret < 0) {
            invalid = true;
        }
        addFixed();
        return ret;
    }

    private int group() {
        // group = display-name ":" [group-list] ";" [CFWS]
        str.setLength(0);
        if (lx.phrase(str) <= 0 || lx.peek() != ':') {
            return -1;
        }
        lx.pos++;
        int ret = lx.skipCfws();
        out.add(Address.groupStart(text(str.toString())));
        reset();
        if (ret > 0 && lx.peek() != ';') {
            while (true) {
                if (lx.peek() == ',') {
                    // empty member (obs-mbox-list): nothing to add
                } else {
                    mailbox();
                }
                if (lx.atEnd() || lx.peek() != ',') {
                    break;
                }
                lx.pos++;
                if (lx.skipCfws() <= 0) {
                    ret = -1;
                    break;
                }
            }
        }
        if (ret >= 0) {
            if (lx.atEnd() || lx.peek() != ';') {
                ret = -1;
            } else {
                lx.pos++;
                ret = lx.skipCfws();
            }
        }
        out.add(Address.groupEnd());
        reset();
        return ret == 0 ? 0 : 1;
    }

    private int address() {
        int start = lx.pos;
        int ret = group();
        if (ret < 0) {
            lx.pos = start;
            reset();
            ret = mailbox();
        }
        return ret;
    }

    private void addressList() {
        int ret;
        for (int n = 0; n < MAX_ADDRESSES; n++) {
            if (lx.peek() == ',') {
                // empty member of an obs-addr-list: skipped (RFC 5322 §4.4)
                ret = 1;
            } else if ((ret = address()) == 0) {
                break;
            }
            if (lx.atEnd() || lx.peek() != ',') {
                break;
            }
            lx.pos++;
            if ((ret = lx.skipCfws()) <= 0) {
                if (ret < 0) {
                    // ends with some garbage (an unterminated comment)
                    addFixed();
                }
                break;
            }
        }
    }
}
