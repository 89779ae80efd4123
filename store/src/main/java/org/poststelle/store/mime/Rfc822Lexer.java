package org.poststelle.store.mime;

/**
 * RFC 5322 / RFC 2045 lexical rules over an unfolded header value held as a byte string. The methods follow
 * one convention: they return 1 when input remains after the token and its trailing CFWS, 0 when the input
 * is used up, and -1 on a syntax error. Bytes of 0x80 and above count as atom text, as in real mail, where
 * raw UTF-8 shows up in phrases and parameters.
 */
final class Rfc822Lexer {
    private final String s;
    int pos;
    /** The text of the last comment skipped, or null; the address parser uses it as a display name. */
    StringBuilder lastComment;

    Rfc822Lexer(String s) {
        this.s = s;
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    char peek() {
        return s.charAt(pos);
    }

    /** Current char, or NUL at the end (which matches no token rule). */
    char cur() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    static boolean isAtext(char c) {
        if (c >= 0x80) {
            return true;
        }
        if (c <= 0x20 || c == 0x7f) {
            return false;
        }
        switch (c) {
            case '"': case '(': case ')': case ',': case '.': case ':': case ';':
            case '<': case '>': case '@': case '[': case '\\': case ']':
                return false;
            default:
                return true;
        }
    }

    /** RFC 2045 token char (atext without "/", "?", "=", plus "."). */
    static boolean isTokenChar(char c) {
        return c == '.' || (isAtext(c) && c != '/' && c != '?' && c != '=');
    }

    int skipComment() {
        // at '('
        if (lastComment != null) {
            lastComment.setLength(0);
        }
        int level = 1;
        int start = ++pos;
        for (; pos < s.length(); pos++) {
            char c = s.charAt(pos);
            if (c == '(') {
                level++;
            } else if (c == ')') {
                if (--level == 0) {
                    if (lastComment != null) {
                        lastComment.append(s, start, pos);
                    }
                    pos++;
                    return pos < s.length() ? 1 : 0;
                }
            } else if (c == '\\') {
                if (lastComment != null) {
                    lastComment.append(s, start, pos);
                }
                start = pos + 1;
                pos++;
                if (pos >= s.length()) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** Skips whitespace, line breaks and comments. */
    int skipCfws() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pos++;
                continue;
            }
            if (c != '(') {
                break;
            }
            if (skipComment() < 0) {
                return -1;
            }
        }
        return pos < s.length() ? 1 : 0;
    }

    int atom(StringBuilder out) {
        if (pos >= s.length() || !isAtext(s.charAt(pos))) {
            return -1;
        }
        int start = pos++;
        while (pos < s.length() && isAtext(s.charAt(pos))) {
            pos++;
        }
        out.append(s, start, pos);
        return skipCfws();
    }

    /**
     * dot-atom, allowing CFWS around the dots as obs-local-part and obs-domain do, and (like Dovecot) empty
     * atoms between dots: "a.", "a..b" are common enough in the wild.
     */
    int dotAtom(StringBuilder out) {
        if (pos >= s.length() || !isAtext(s.charAt(pos))) {
            return -1;
        }
        int start = pos++;
        while (pos < s.length()) {
            if (isAtext(s.charAt(pos))) {
                pos++;
                continue;
            }
            out.append(s, start, pos);
            int ret = skipCfws();
            if (ret <= 0) {
                return ret;
            }
            if (s.charAt(pos) != '.') {
                return 1;
            }
            pos++;
            out.append('.');
            ret = skipCfws();
            if (ret <= 0) {
                return ret;
            }
            start = pos;
        }
        out.append(s, start, pos);
        return 0;
    }

    int mimeToken(StringBuilder out) {
        int start = pos;
        while (pos < s.length() && isTokenChar(s.charAt(pos))) {
            pos++;
        }
        out.append(s, start, pos);
        return skipCfws();
    }

    /** At '"': appends the unescaped content. */
    int quotedString(StringBuilder out) {
        pos++;
        int start = pos;
        for (; pos < s.length(); pos++) {
            char c = s.charAt(pos);
            if (c == '"') {
                out.append(s, start, pos);
                pos++;
                return skipCfws();
            } else if (c == '\n' || c == '\r') {
                // a fold inside the quotes: the line break is not part of the value
                out.append(s, start, pos);
                start = pos + 1;
            } else if (c == '\\') {
                out.append(s, start, pos);
                pos++;
                if (pos >= s.length()) {
                    return -1;
                }
                start = pos;
            }
        }
        return -1;
    }

    private int atomOrDots(StringBuilder out) {
        int start = pos;
        while (pos < s.length() && (isAtext(s.charAt(pos)) || s.charAt(pos) == '.')) {
            pos++;
        }
        out.append(s, start, pos);
        return skipCfws();
    }

    /** phrase = 1*word / obs-phrase; words are joined with one space. */
    int phrase(StringBuilder out) {
        if (pos >= s.length()) {
            return 0;
        }
        if (s.charAt(pos) == '.') {
            return -1;
        }
        while (true) {
            int ret = s.charAt(pos) == '"' ? quotedString(out) : atomOrDots(out);
            if (ret <= 0) {
                return ret;
            }
            char c = s.charAt(pos);
            if (!isAtext(c) && c != '"' && c != '.') {
                break;
            }
            out.append(' ');
        }
        return skipCfws();
    }

    private int domainLiteral(StringBuilder out) {
        int start = pos;
        for (; pos < s.length(); pos++) {
            char c = s.charAt(pos);
            if (c == '\\') {
                pos++;
                if (pos >= s.length()) {
                    break;
                }
            } else if (c == ']') {
                pos++;
                out.append(s, start, pos);
                return skipCfws();
            }
        }
        return -1;
    }

    /** At '@': the domain after it. */
    int domain(StringBuilder out) {
        pos++;
        if (skipCfws() <= 0) {
            return -1;
        }
        return s.charAt(pos) == '[' ? domainLiteral(out) : dotAtom(out);
    }
}
