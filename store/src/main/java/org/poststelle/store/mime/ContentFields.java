package org.poststelle.store.mime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Parsers for the structured Content-* fields (RFC 2045, 2183, 2231, 3282), working on unfolded values held as
 * byte strings. Parameter lists are kept in their original order; RFC 2231 continuations are merged and put
 * after the plain parameters, and broken parameters are skipped with the same resynchronisation as the
 * reference server (skip one character and try again), so that BODYSTRUCTURE answers match.
 */
final class ContentFields {
    private ContentFields() {
    }

    /**
     * A parsed Content-Type; null from {@link #contentType} when the value is syntactically invalid.
     * {@code boundary} is the raw (byte string) value of the first boundary parameter, or null.
     */
    record ContentType(String type, String subtype, List<MimeParameter> params, String boundary) {
    }

    /** A parsed Content-Disposition. */
    record Disposition(String type, List<MimeParameter> params) {
    }

    /**
     * type "/" subtype *(";" parameter). Invalid when either token is missing: RFC 2045 §5.2 then says to treat
     * the part as text/plain (the reference server keeps the broken type instead).
     */
    static ContentType contentType(String value) {
        Rfc822Lexer lx = new Rfc822Lexer(value);
        if (lx.skipCfws() <= 0) {
            return null;
        }
        StringBuilder type = new StringBuilder();
        if (lx.mimeToken(type) <= 0 || type.length() == 0 || lx.peek() != '/') {
            return null;
        }
        lx.pos++;
        if (lx.skipCfws() <= 0) {
            return null;
        }
        StringBuilder subtype = new StringBuilder();
        lx.mimeToken(subtype);
        if (subtype.length() == 0) {
            return null;
        }
        List<MimeParameter> raw = parameters(lx);
        String boundary = null;
        for (MimeParameter p : raw) {
            if (p.name().equalsIgnoreCase("boundary")) {
                boundary = p.value();
                break;
            }
        }
        return new ContentType(HeaderText.shared(HeaderText.display(type.toString())),
                HeaderText.shared(HeaderText.display(subtype.toString())), display(raw), boundary);
    }

    private static List<MimeParameter> display(List<MimeParameter> raw) {
        if (raw.isEmpty()) {
            return raw;
        }
        List<MimeParameter> out = new ArrayList<>(raw.size());
        for (MimeParameter p : raw) {
            out.add(new MimeParameter(HeaderText.shared(HeaderText.display(p.name())),
                    HeaderText.shared(HeaderText.display(p.value()))));
        }
        return List.copyOf(out);
    }

    /** A Content-Transfer-Encoding token, or null when missing or not a single token. */
    static String transferEncoding(String value) {
        Rfc822Lexer lx = new Rfc822Lexer(value);
        lx.skipCfws();
        StringBuilder token = new StringBuilder();
        if (lx.mimeToken(token) != 0 || token.length() == 0) {
            return null;
        }
        return HeaderText.shared(HeaderText.display(token.toString()));
    }

    static Disposition disposition(String value) {
        Rfc822Lexer lx = new Rfc822Lexer(value);
        lx.skipCfws();
        StringBuilder token = new StringBuilder();
        if (lx.mimeToken(token) < 0 || token.length() == 0) {
            return null;
        }
        return new Disposition(HeaderText.shared(HeaderText.display(token.toString())), display(parameters(lx)));
    }

    /** Content-Language: 1#language-tag; stops at the first thing that is not one. Null when empty. */
    static List<String> languages(String value) {
        Rfc822Lexer lx = new Rfc822Lexer(value);
        lx.skipCfws();
        List<String> langs = new ArrayList<>();
        StringBuilder tag = new StringBuilder();
        while (lx.atom(tag) >= 0) {
            langs.add(HeaderText.display(tag.toString()));
            tag.setLength(0);
            if (lx.atEnd() || lx.peek() != ',') {
                break;
            }
            lx.pos++;
            lx.skipCfws();
        }
        return langs.isEmpty() ? null : List.copyOf(langs);
    }

    private static int parameter(Rfc822Lexer lx, StringBuilder key, StringBuilder value) {
        key.setLength(0);
        value.setLength(0);
        if (lx.atEnd()) {
            return 0;
        }
        if (lx.peek() != ';') {
            return -1;
        }
        lx.pos++;
        if (lx.skipCfws() <= 0) {
            return -1;
        }
        if (lx.mimeToken(key) <= 0 || lx.peek() != '=') {
            return -1;
        }
        lx.pos++;
        int ret = lx.skipCfws();
        if (ret <= 0) {
            // no value
        } else if (lx.peek() == '"') {
            ret = lx.quotedString(value);
        } else if (lx.peek() == '=') {
            // broken but common: name==?utf-8?b?...?= (an encoded word without quotes)
            while (!lx.atEnd()) {
                char c = lx.peek();
                if (c == ';' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    break;
                }
                value.append(c);
                lx.pos++;
            }
        } else {
            ret = lx.mimeToken(value);
        }
        return ret < 0 ? -1 : 1;
    }

    private record Continuation(String key, int index, boolean extended, String value, int order) {
    }

    /** Parameters after the type, with RFC 2231 continuations merged, as byte strings. */
    static List<MimeParameter> parameters(Rfc822Lexer lx) {
        List<MimeParameter> result = new ArrayList<>();
        List<Continuation> continuations = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        StringBuilder value = new StringBuilder();
        int ret;
        while ((ret = parameter(lx, key, value)) != 0) {
            if (ret < 0) {
                if (lx.atEnd()) {
                    break;
                }
                lx.pos++;
                continue;
            }
            String k = key.toString();
            int star = k.indexOf('*');
            Continuation c = star < 0 ? null : continuation(k, star, value.toString(), continuations.size());
            if (c != null) {
                continuations.add(c);
            } else {
                result.add(new MimeParameter(k, value.toString()));
            }
        }
        if (!continuations.isEmpty()) {
            mergeContinuations(continuations, result);
        }
        return result.isEmpty() ? List.of() : List.copyOf(result);
    }

    /** {@code name*}, {@code name*3}, {@code name*3*}; anything else after the star is a plain name. */
    private static Continuation continuation(String k, int star, String value, int order) {
        if (star == k.length() - 1) {
            // name*=charset'lang'value: a single extended piece
            return new Continuation(k.substring(0, star), 0, true, value, order);
        }
        int p = star + 1;
        int index = 0;
        while (p < k.length() && k.charAt(p) >= '0' && k.charAt(p) <= '9') {
            index = index * 10 + (k.charAt(p) - '0');
            if (index > 100_000) {
                return null;
            }
            p++;
        }
        boolean extended = p < k.length() && k.charAt(p) == '*';
        if (extended) {
            p++;
        }
        if (p != k.length()) {
            return null;
        }
        return new Continuation(k.substring(0, star), index, extended, value, order);
    }

    private static void mergeContinuations(List<Continuation> all, List<MimeParameter> result) {
        List<Continuation> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(Continuation::key).thenComparingInt(Continuation::index)
                .thenComparingInt(Continuation::order));
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            boolean ok = true;
            boolean haveExtended = false;
            int expected = 0;
            while (j < sorted.size() && sorted.get(j).key().equalsIgnoreCase(sorted.get(i).key())) {
                if (sorted.get(j).index() != expected) {
                    ok = false;
                }
                haveExtended |= sorted.get(j).extended();
                expected++;
                j++;
            }
            if (!ok) {
                // missing pieces: report them as they were written
                for (int k = i; k < j; k++) {
                    Continuation c = sorted.get(k);
                    String name = c.key() + "*" + c.index() + (c.extended() ? "*" : "");
                    result.add(new MimeParameter(name, c.value()));
                }
            } else {
                StringBuilder merged = new StringBuilder();
                if (!sorted.get(i).extended() && haveExtended) {
                    merged.append("''");
                }
                for (int k = i; k < j; k++) {
                    Continuation c = sorted.get(k);
                    if (!c.extended() && haveExtended) {
                        // a plain piece inside an extended value: its '%' must not read as an escape
                        merged.append(c.value().replace("%", "%25"));
                    } else {
                        merged.append(c.value());
                    }
                }
                String name = sorted.get(i).key() + (haveExtended ? "*" : "");
                result.add(new MimeParameter(name, merged.toString()));
            }
            i = j;
        }
    }
}
