package org.poststelle.store.search;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poststelle.store.model.UidSet;

/**
 * A small parser of IMAP search criteria for tests (the IMAP module has the real one): the keys the recorded
 * Dovecot answers use, strings as atoms or quoted strings, sets of UIDs (sequence numbers are taken as UIDs,
 * which they equal in a mailbox that was only appended to).
 */
final class ImapCriteria {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    private final List<String> tokens = new ArrayList<>();
    private int pos;

    private ImapCriteria(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ') {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder("\"");
                i++;
                while (s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                    sb.append(s.charAt(i++));
                }
                i++;
                tokens.add(sb.toString());
            } else {
                int start = i;
                while (i < s.length() && " ()".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(s.substring(start, i));
            }
        }
    }

    static SearchQuery parse(String criteria) {
        ImapCriteria p = new ImapCriteria(criteria);
        List<SearchQuery> keys = new ArrayList<>();
        while (p.pos < p.tokens.size()) {
            keys.add(p.key());
        }
        return SearchQuery.and(keys);
    }

    private String next() {
        return tokens.get(pos++);
    }

    private String string() {
        String t = next();
        return t.startsWith("\"") ? t.substring(1) : t;
    }

    private LocalDate date() {
        return LocalDate.parse(next(), DATE);
    }

    private SearchQuery key() {
        String t = next();
        if (t.equals("(")) {
            List<SearchQuery> keys = new ArrayList<>();
            while (!tokens.get(pos).equals(")")) {
                keys.add(key());
            }
            pos++;
            return SearchQuery.and(keys);
        }
        if (Character.isDigit(t.charAt(0))) {
            return SearchQuery.uid(UidSet.parse(t));
        }
        return switch (t.toUpperCase(Locale.ROOT)) {
            case "ALL" -> SearchQuery.all();
            case "SEEN" -> SearchQuery.seen();
            case "UNSEEN" -> SearchQuery.unseen();
            case "FLAGGED" -> SearchQuery.flagged();
            case "UNFLAGGED" -> SearchQuery.unflagged();
            case "ANSWERED" -> SearchQuery.answered();
            case "UNANSWERED" -> SearchQuery.unanswered();
            case "DRAFT" -> SearchQuery.draft();
            case "UNDRAFT" -> SearchQuery.undraft();
            case "DELETED" -> SearchQuery.deleted();
            case "UNDELETED" -> SearchQuery.undeleted();
            case "RECENT" -> SearchQuery.recent();
            case "NEW" -> SearchQuery.newMessages();
            case "OLD" -> SearchQuery.old();
            case "KEYWORD" -> SearchQuery.keyword(next());
            case "UNKEYWORD" -> SearchQuery.unkeyword(next());
            case "LARGER" -> SearchQuery.larger(Long.parseLong(next()));
            case "SMALLER" -> SearchQuery.smaller(Long.parseLong(next()));
            case "BEFORE" -> SearchQuery.before(date());
            case "ON" -> SearchQuery.on(date());
            case "SINCE" -> SearchQuery.since(date());
            case "SENTBEFORE" -> SearchQuery.sentBefore(date());
            case "SENTON" -> SearchQuery.sentOn(date());
            case "SENTSINCE" -> SearchQuery.sentSince(date());
            case "FROM" -> SearchQuery.from(string());
            case "TO" -> SearchQuery.to(string());
            case "CC" -> SearchQuery.cc(string());
            case "BCC" -> SearchQuery.bcc(string());
            case "SUBJECT" -> SearchQuery.subject(string());
            case "BODY" -> SearchQuery.body(string());
            case "TEXT" -> SearchQuery.text(string());
            case "HEADER" -> SearchQuery.header(string(), string());
            case "UID" -> SearchQuery.uid(UidSet.parse(next()));
            case "NOT" -> SearchQuery.not(key());
            case "OR" -> SearchQuery.or(key(), key());
            default -> throw new IllegalArgumentException("unknown key " + t);
        };
    }
}
