package org.poststelle.imap.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.poststelle.store.MessageContent;
import org.poststelle.store.mime.MimePart;
import org.poststelle.store.mime.PartDecoding;

/**
 * The PREVIEW of a message (RFC 8970): the start of its first text, for a client's message list. The text is
 * the first text/plain part that is not an attachment, else the first such text/html part with its markup
 * removed (embedded messages are not entered: their text is not this message's); its transfer encoding and
 * charset are undone, runs of white space become one space, and at most 256 characters are kept. A message
 * without such a part has the empty preview.
 *
 * <p>Only the start of the part is read ({@link #PLAIN_READ} or {@link #HTML_READ} raw octets), so a preview
 * costs the same for a large message as for a small one.
 */
final class PreviewText {
    static final int MAX_CHARS = 256;
    /** Raw octets read from a text/plain part: enough for 256 characters even in base64 UTF-8 with spaces. */
    static final int PLAIN_READ = 8 * 1024;
    /** HTML spends most of its octets on markup (style sheets in the head); read more of it. */
    static final int HTML_READ = 64 * 1024;

    private static final Pattern HTML_DROPPED = Pattern.compile(
            "(?is)<!--.*?(-->|$)|<(script|style|head|title)\\b.*?(</\\2\\s*>|$)");
    private static final Pattern HTML_TAG = Pattern.compile("(?s)<\\s*/?\\s*([a-zA-Z0-9]*)[^>]*(>|$)");
    /** Tags inside a run of text ({@code <b>welcome</b>!}): removed without a space, unlike block tags. */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn",
            "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
            "time", "tt", "u", "var", "wbr");
    private static final Pattern HTML_ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private PreviewText() {
    }

    static String of(MessageContent content) throws IOException {
        MimePart root = content.structure().root();
        MimePart plain = first(root, "plain");
        if (plain != null) {
            return shorten(read(content, plain, PLAIN_READ));
        }
        MimePart html = first(root, "html");
        if (html != null) {
            return shorten(stripHtml(read(content, html, HTML_READ)));
        }
        return "";
    }

    /** The first text/{subtype} leaf in depth-first order that is not an attachment, or null. */
    private static MimePart first(MimePart part, String subtype) {
        if (part.isMultipart()) {
            for (MimePart child : part.children()) {
                MimePart found = first(child, subtype);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        boolean attachment = part.disposition() != null && part.disposition().equalsIgnoreCase("attachment");
        boolean text = part.kind() == MimePart.Kind.TEXT && part.subtype().equalsIgnoreCase(subtype);
        return text && !attachment ? part : null;
    }

    /** The start of a part's text: transfer encoding and charset undone (unknown ones leniently, as UTF-8). */
    private static String read(MessageContent content, MimePart part, int maxRaw) throws IOException {
        int n = (int) Math.min(part.bodyLength(), maxRaw);
        byte[] decoded;
        try (InputStream in = PartDecoding.decode(content.open(part.bodyOffset(), n), part)) {
            decoded = in.readAllBytes();
        }
        Charset charset = PartDecoding.charset(part);
        if (charset == null || charset.equals(StandardCharsets.US_ASCII)) {
            // undeclared 8-bit text is UTF-8 far more often than not; US-ASCII is a subset of it
            charset = StandardCharsets.UTF_8;
        }
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(decoded)).toString();
    }

    /** Text of an HTML fragment: comments, head, scripts and style sheets dropped, tags become spaces. */
    static String stripHtml(String html) {
        String s = HTML_DROPPED.matcher(html).replaceAll(" ");
        s = HTML_TAG.matcher(s).replaceAll(t -> INLINE.contains(t.group(1).toLowerCase(Locale.ROOT)) ? "" : " ");
        Matcher m = HTML_ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String entity(String name, String whole) {
        if (name.startsWith("#")) {
            try {
                int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : " ";
            } catch (NumberFormatException e) {
                return whole;
            }
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> whole;
        };
    }

    /** White space and control characters collapsed to single spaces, trimmed, cut to 256 characters. */
    static String shorten(String text) {
        StringBuilder sb = new StringBuilder(MAX_CHARS);
        int chars = 0;
        boolean space = false;
        for (int i = 0; i < text.length() && chars < MAX_CHARS; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                if (chars + 1 >= MAX_CHARS) {
                    break; // no trailing space
                }
                sb.append(' ');
                chars++;
                space = false;
            }
            sb.appendCodePoint(cp);
            chars++;
        }
        return sb.toString();
    }
}
