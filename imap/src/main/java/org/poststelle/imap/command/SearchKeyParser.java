package org.poststelle.imap.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.protocol.ImapArg;
import org.poststelle.imap.protocol.SequenceSet;
import org.poststelle.store.search.SearchQuery;
import org.poststelle.store.search.SearchQuery.EntryType;

/**
 * The search keys of RFC 3501 and RFC 9051 with WITHIN (RFC 5032), MODSEQ (RFC 7162), the SAVEDATE keys
 * (RFC 8514) and EMAILID/THREADID (RFC 8474), parsed into {@link SearchCriteria}. Strings are astrings (atom,
 * quoted or literal), already decoded as UTF-8, which is what both accepted CHARSETs mean.
 */
public final class SearchKeyParser {
    /** How deep NOT, OR and parentheses may nest: bounds the stack of this parser and of the search engine. */
    static final int MAX_DEPTH = 64;

    private SearchKeyParser() {
    }

    /** One or more search keys up to the end of {@code a}; they must all match. */
    public static SearchCriteria parse(Args a) throws BadCommandException {
        if (!a.hasMore()) {
            throw new BadCommandException("Missing search key");
        }
        return keys(a, 0);
    }

    private static SearchCriteria keys(Args a, int depth) throws BadCommandException {
        List<SearchCriteria> keys = new ArrayList<>();
        while (a.hasMore()) {
            keys.add(key(a, depth));
        }
        if (keys.size() == 1) {
            return keys.get(0);
        }
        return sets -> {
            List<SearchQuery> resolved = new ArrayList<>(keys.size());
            for (SearchCriteria k : keys) {
                resolved.add(k.resolve(sets));
            }
            return SearchQuery.and(resolved);
        };
    }

    private static SearchCriteria key(Args a, int depth) throws BadCommandException {
        if (depth > MAX_DEPTH) {
            throw new BadCommandException("Search keys nested too deeply");
        }
        if (a.peekList()) {
            Args inner = a.list();
            if (!inner.hasMore()) {
                throw new BadCommandException("Empty parenthesised search key list");
            }
            return keys(inner, depth + 1);
        }
        if (!(a.peek() instanceof ImapArg.Atom)) {
            throw new BadCommandException("Expected a search key");
        }
        String word = a.atom();
        char first = word.isEmpty() ? ' ' : word.charAt(0);
        if ((first >= '0' && first <= '9') || first == '*' || first == '$') {
            SequenceSet set = SequenceSet.parse(word);
            return sets -> SearchQuery.uid(sets.uids(set, false));
        }
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "ALL" -> fixed(SearchQuery.all());
            case "ANSWERED" -> fixed(SearchQuery.answered());
            case "DELETED" -> fixed(SearchQuery.deleted());
            case "DRAFT" -> fixed(SearchQuery.draft());
            case "FLAGGED" -> fixed(SearchQuery.flagged());
            case "SEEN" -> fixed(SearchQuery.seen());
            case "RECENT" -> fixed(SearchQuery.recent());
            case "NEW" -> fixed(SearchQuery.newMessages());
            case "OLD" -> fixed(SearchQuery.old());
            case "UNANSWERED" -> fixed(SearchQuery.unanswered());
            case "UNDELETED" -> fixed(SearchQuery.undeleted());
            case "UNDRAFT" -> fixed(SearchQuery.undraft());
            case "UNFLAGGED" -> fixed(SearchQuery.unflagged());
            case "UNSEEN" -> fixed(SearchQuery.unseen());
            case "KEYWORD" -> fixed(keyword(a.atom(), true));
            case "UNKEYWORD" -> fixed(keyword(a.atom(), false));
            case "FROM" -> fixed(SearchQuery.from(a.astring()));
            case "TO" -> fixed(SearchQuery.to(a.astring()));
            case "CC" -> fixed(SearchQuery.cc(a.astring()));
            case "BCC" -> fixed(SearchQuery.bcc(a.astring()));
            case "SUBJECT" -> fixed(SearchQuery.subject(a.astring()));
            case "BODY" -> fixed(SearchQuery.body(a.astring()));
            case "TEXT" -> fixed(SearchQuery.text(a.astring()));
            case "HEADER" -> fixed(SearchQuery.header(headerName(a.astring()), a.astring()));
            case "BEFORE" -> fixed(SearchQuery.before(a.date()));
            case "ON" -> fixed(SearchQuery.on(a.date()));
            case "SINCE" -> fixed(SearchQuery.since(a.date()));
            case "SENTBEFORE" -> fixed(SearchQuery.sentBefore(a.date()));
            case "SENTON" -> fixed(SearchQuery.sentOn(a.date()));
            case "SENTSINCE" -> fixed(SearchQuery.sentSince(a.date()));
            case "SAVEDBEFORE" -> fixed(SearchQuery.savedBefore(a.date()));
            case "SAVEDON" -> fixed(SearchQuery.savedOn(a.date()));
            case "SAVEDSINCE" -> fixed(SearchQuery.savedSince(a.date()));
            case "SAVEDATESUPPORTED" -> fixed(SearchQuery.saveDateSupported());
            case "LARGER" -> fixed(SearchQuery.larger(a.number()));
            case "SMALLER" -> fixed(SearchQuery.smaller(a.number()));
            case "OLDER" -> fixed(SearchQuery.older(interval(a)));
            case "YOUNGER" -> fixed(SearchQuery.younger(interval(a)));
            case "MODSEQ" -> fixed(modSeq(a));
            case "EMAILID" -> fixed(SearchQuery.emailId(objectId(a.atom())));
            case "THREADID" -> fixed(SearchQuery.threadId(objectId(a.atom())));
            case "UID" -> {
                SequenceSet set = a.sequenceSet();
                yield sets -> SearchQuery.uid(sets.uids(set, true));
            }
            case "NOT" -> {
                SearchCriteria k = key(a, depth + 1);
                yield sets -> SearchQuery.not(k.resolve(sets));
            }
            case "OR" -> {
                SearchCriteria left = key(a, depth + 1);
                SearchCriteria right = key(a, depth + 1);
                yield sets -> SearchQuery.or(left.resolve(sets), right.resolve(sets));
            }
            default -> throw new BadCommandException("Unknown search key " + abbreviate(word));
        };
    }

    private static SearchCriteria fixed(SearchQuery q) {
        return SearchCriteria.of(q);
    }

    /**
     * KEYWORD takes a flag-keyword; a system flag written there (which the grammar does not allow, but clients
     * send) means the flag itself.
     */
    private static SearchQuery keyword(String flag, boolean set) throws BadCommandException {
        if (flag.startsWith("\\")) {
            SearchQuery q = switch (flag.toUpperCase(Locale.ROOT)) {
                case "\\ANSWERED" -> SearchQuery.answered();
                case "\\DELETED" -> SearchQuery.deleted();
                case "\\DRAFT" -> SearchQuery.draft();
                case "\\FLAGGED" -> SearchQuery.flagged();
                case "\\SEEN" -> SearchQuery.seen();
                case "\\RECENT" -> SearchQuery.recent();
                default -> throw new BadCommandException("Invalid keyword " + abbreviate(flag));
            };
            return set ? q : SearchQuery.not(q);
        }
        for (int i = 0; i < flag.length(); i++) {
            char c = flag.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '(' || c == ')' || c == '{' || c == '"' || c == '%' || c == '*'
                    || c == ']') {
                throw new BadCommandException("Invalid keyword " + abbreviate(flag));
            }
        }
        return set ? SearchQuery.keyword(flag) : SearchQuery.unkeyword(flag);
    }

    private static String headerName(String name) throws BadCommandException {
        if (name.isEmpty()) {
            throw new BadCommandException("Empty header field name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == ':') {
                throw new BadCommandException("Invalid header field name");
            }
        }
        return name;
    }

    /** WITHIN (RFC 5032): a positive number of seconds. */
    private static long interval(Args a) throws BadCommandException {
        long n = a.nzNumber();
        if (n > 0xFFFF_FFFFL) {
            throw new BadCommandException("Interval out of range");
        }
        return n;
    }

    /** {@code MODSEQ ["/flags/\Seen" (priv|shared|all)] n} (RFC 7162 section 3.1.5). */
    private static SearchQuery modSeq(Args a) throws BadCommandException {
        ImapArg next = a.peek();
        if (next instanceof ImapArg.Quoted || next instanceof ImapArg.Literal) {
            String entry = a.string();
            if (!entry.toLowerCase(Locale.ROOT).startsWith("/flags/") || entry.length() == "/flags/".length()) {
                throw new BadCommandException("Invalid MODSEQ entry name");
            }
            EntryType type = switch (a.atom().toUpperCase(Locale.ROOT)) {
                case "PRIV" -> EntryType.PRIV;
                case "SHARED" -> EntryType.SHARED;
                case "ALL" -> EntryType.ALL;
                default -> throw new BadCommandException("Invalid MODSEQ entry type");
            };
            return SearchQuery.modSeq(entry, type, a.number());
        }
        return SearchQuery.modSeq(a.number());
    }

    /** objectid (RFC 8474): 1 to 255 letters, digits, "_" and "-". */
    private static String objectId(String id) throws BadCommandException {
        if (id.isEmpty() || id.length() > 255) {
            throw new BadCommandException("Invalid object id");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            if (!ok) {
                throw new BadCommandException("Invalid object id");
            }
        }
        return id;
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "..." : s;
    }
}
