package org.poststelle.store.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.poststelle.store.model.Flags;
import org.poststelle.store.model.UidSet;

/**
 * A parsed IMAP search program: every key of RFC 3501 and RFC 9051 plus WITHIN (RFC 5032), MODSEQ (RFC 7162),
 * the SAVEDATE keys (RFC 8514) and EMAILID/THREADID (RFC 8474). The IMAP layer parses into this model with the
 * static factories, which are named after the IMAP keys ({@link #from}, {@link #unseen}, {@link #sentBefore},
 * ...); keys that are shorthands in IMAP are built from the primitives (NEW is {@code RECENT UNSEEN}, OLD is
 * {@code NOT RECENT}).
 *
 * <p>The store never sees message sequence numbers: the IMAP layer maps a sequence set (and SEARCHRES {@code $})
 * to {@link Uids} through its session snapshot. Strings are already decoded from the command's CHARSET
 * ({@link SearchCharsets}). Records validate their arguments; a {@code null} anywhere is a programming error.
 */
public sealed interface SearchQuery {

    /** The system flags a search key can test (\Recent is session state: see {@link Recent}). */
    enum SystemFlag {
        ANSWERED(Flags.ANSWERED), DELETED(Flags.DELETED), DRAFT(Flags.DRAFT), FLAGGED(Flags.FLAGGED), SEEN(Flags.SEEN);

        private final int bit;

        SystemFlag(int bit) {
            this.bit = bit;
        }

        /** The bit in {@link Flags#systemBits()}. */
        public int bit() {
            return bit;
        }
    }

    /** How a date key compares the message's date (day granularity) with the given day. */
    enum DateRelation {
        /** The message's day is earlier than the given day. */
        BEFORE,
        /** The message's day is the given day. */
        ON,
        /** The message's day is the given day or later. */
        SINCE;

        public boolean test(LocalDate messageDay, LocalDate day) {
            int c = messageDay.compareTo(day);
            return this == BEFORE ? c < 0 : this == ON ? c == 0 : c >= 0;
        }
    }

    /** The address header an address key searches. */
    enum AddressField {
        FROM("From"), TO("To"), CC("Cc"), BCC("Bcc");

        private final String headerName;

        AddressField(String headerName) {
            this.headerName = headerName;
        }

        public String headerName() {
            return headerName;
        }
    }

    /** RFC 7162 entry-type-req of a MODSEQ key. */
    enum EntryType {
        PRIV, SHARED, ALL
    }

    /** The keys a full-text index may answer ({@link FullTextIndex}); everything else is answered from the index. */
    sealed interface TextKey extends SearchQuery permits Address, Subject, Header, Body, Text {
        /** The string to find (a case-insensitive substring of the decoded text). */
        String value();
    }

    // ---- structure -------------------------------------------------------------------------------------------

    /** ALL: every message. */
    record All() implements SearchQuery {
    }

    /** A list of keys (IMAP's juxtaposition and parentheses): all must match. Empty means ALL. */
    record And(List<SearchQuery> queries) implements SearchQuery {
        public And {
            queries = List.copyOf(queries);
        }
    }

    /** OR key1 key2. */
    record Or(SearchQuery left, SearchQuery right) implements SearchQuery {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** NOT key. */
    record Not(SearchQuery query) implements SearchQuery {
        public Not {
            Objects.requireNonNull(query, "query");
        }
    }

    // ---- answered from the snapshot ---------------------------------------------------------------------------

    /** UID set, sequence set or SEARCHRES {@code $}, mapped to UIDs by the IMAP layer. */
    record Uids(UidSet uids) implements SearchQuery {
        public Uids {
            Objects.requireNonNull(uids, "uids");
        }
    }

    /** ANSWERED, DELETED, DRAFT, FLAGGED, SEEN ({@code set}) and their UN- forms. */
    record Flag(SystemFlag flag, boolean set) implements SearchQuery {
        public Flag {
            Objects.requireNonNull(flag, "flag");
        }
    }

    /** KEYWORD ({@code set}) and UNKEYWORD; keywords compare case-insensitively, like the store's {@link Flags}. */
    record Keyword(String keyword, boolean set) implements SearchQuery {
        public Keyword {
            Objects.requireNonNull(keyword, "keyword");
        }
    }

    /** RECENT: in the session's recent set ({@link SearchContext#recent()}). */
    record Recent() implements SearchQuery {
    }

    /**
     * MODSEQ: messages whose modseq is at least {@code modSeq}. The store keeps one modseq per message, so the
     * optional entry name and type are kept for the record but ignored, as RFC 7162 section 3.1.5 requires of
     * such servers.
     *
     * @param entryName e.g. {@code /flags/\Seen}, or null
     * @param entryType null exactly when entryName is null
     */
    record ModSeq(long modSeq, String entryName, EntryType entryType) implements SearchQuery {
        public ModSeq {
            if (modSeq < 0) {
                throw new IllegalArgumentException("negative modseq");
            }
            if ((entryName == null) != (entryType == null)) {
                throw new IllegalArgumentException("entry name and type go together");
            }
        }
    }

    // ---- answered from the message index (MessageMeta) --------------------------------------------------------

    /** LARGER n: RFC822.SIZE greater than n. */
    record Larger(long bytes) implements SearchQuery {
        public Larger {
            requireNotNegative(bytes);
        }
    }

    /** SMALLER n: RFC822.SIZE less than n. */
    record Smaller(long bytes) implements SearchQuery {
        public Smaller {
            requireNotNegative(bytes);
        }
    }

    /** BEFORE, ON, SINCE: the internal date's day in the server's time zone ({@link SearchContext#zone()}). */
    record InternalDate(DateRelation relation, LocalDate day) implements SearchQuery {
        public InternalDate {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(day, "day");
        }
    }

    /**
     * SAVEDBEFORE, SAVEDON, SAVEDSINCE (RFC 8514): the save date's day in the server's time zone; the internal
     * date stands in for a message without a save date, as section 4.3 requires.
     */
    record SaveDate(DateRelation relation, LocalDate day) implements SearchQuery {
        public SaveDate {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(day, "day");
        }
    }

    /** SAVEDATESUPPORTED (RFC 8514): all messages when the mailbox keeps save dates, none otherwise. */
    record SaveDateSupported() implements SearchQuery {
    }

    /** OLDER n (RFC 5032): internal date earlier than n seconds before now. */
    record Older(long seconds) implements SearchQuery {
        public Older {
            requirePositive(seconds);
        }
    }

    /** YOUNGER n (RFC 5032): internal date n seconds before now or later. */
    record Younger(long seconds) implements SearchQuery {
        public Younger {
            requirePositive(seconds);
        }
    }

    /** EMAILID (RFC 8474): exact, case-sensitive match of the message's EMAILID. */
    record EmailId(String id) implements SearchQuery {
        public EmailId {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * THREADID (RFC 8474). The store does not assign thread ids (FETCH THREADID answers NIL, as section 5.2
     * allows), so this key matches no message.
     */
    record ThreadId(String id) implements SearchQuery {
        public ThreadId {
            Objects.requireNonNull(id, "id");
        }
    }

    // ---- answered from cached headers -------------------------------------------------------------------------

    /**
     * SENTBEFORE, SENTON, SENTSINCE: the day of the Date header as written, in its own time zone (RFC 3501:
     * "disregarding time and timezone"). A message without a readable Date header counts as sent on
     * 1 January 1970, as in Dovecot (so SENTBEFORE finds it).
     */
    record SentDate(DateRelation relation, LocalDate day) implements SearchQuery {
        public SentDate {
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(day, "day");
        }
    }

    /**
     * FROM, TO, CC, BCC: substring of the header's addresses, decoded and written out as
     * {@code Display Name <local@domain>, ...}.
     */
    record Address(AddressField field, String value) implements TextKey {
        public Address {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }

    /** SUBJECT: substring of the decoded Subject with runs of white space as one space. */
    record Subject(String value) implements TextKey {
        public Subject {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * HEADER field-name string: substring of the decoded value of a top-level header field of that name; an
     * empty string matches every message that has the field.
     */
    record Header(String field, String value) implements TextKey {
        public Header {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
        }
    }

    // ---- answered by reading the message -----------------------------------------------------------------------

    /** BODY: substring of the decoded text of the message's text and message parts (no header). */
    record Body(String value) implements TextKey {
        public Body {
            Objects.requireNonNull(value, "value");
        }
    }

    /** TEXT: like BODY, plus every header line of the message and its parts ({@code Name: decoded value}). */
    record Text(String value) implements TextKey {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    // ---- walking ------------------------------------------------------------------------------------------------

    /** Whether this key or any key nested in it satisfies {@code test}. */
    default boolean anyMatch(Predicate<SearchQuery> test) {
        if (test.test(this)) {
            return true;
        }
        if (this instanceof And and) {
            for (SearchQuery q : and.queries()) {
                if (q.anyMatch(test)) {
                    return true;
                }
            }
            return false;
        }
        if (this instanceof Or or) {
            return or.left().anyMatch(test) || or.right().anyMatch(test);
        }
        if (this instanceof Not not) {
            return not.query().anyMatch(test);
        }
        return false;
    }

    /**
     * Whether the program uses a MODSEQ key: RFC 7162 section 3.1.5 then wants the highest modseq of the result
     * in the SEARCH response ({@link SearchResult#highestModSeq()}).
     */
    default boolean mentionsModSeq() {
        return anyMatch(q -> q instanceof ModSeq);
    }

    /**
     * Whether answering needs the messages' headers or bodies, not only the index (flags, UIDs, sizes, dates,
     * modseqs): such a search may read every message file, so a front-end runs it away from its session threads.
     */
    default boolean readsMessages() {
        return anyMatch(q -> q instanceof TextKey || q instanceof SentDate);
    }

    // ---- factories named after the IMAP keys -------------------------------------------------------------------

    static SearchQuery all() {
        return new All();
    }

    /** A key list; nested lists are flattened and a single key is returned as it is. */
    static SearchQuery and(SearchQuery... queries) {
        return and(List.of(queries));
    }

    static SearchQuery and(List<SearchQuery> queries) {
        List<SearchQuery> flat = new ArrayList<>(queries.size());
        for (SearchQuery q : queries) {
            if (q instanceof And and) {
                flat.addAll(and.queries());
            } else {
                flat.add(q);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new And(flat);
    }

    static SearchQuery or(SearchQuery left, SearchQuery right) {
        return new Or(left, right);
    }

    static SearchQuery not(SearchQuery query) {
        return new Not(query);
    }

    /** UID set, or a sequence set already mapped to UIDs. */
    static SearchQuery uid(UidSet uids) {
        return new Uids(uids);
    }

    static SearchQuery answered() {
        return new Flag(SystemFlag.ANSWERED, true);
    }

    static SearchQuery unanswered() {
        return new Flag(SystemFlag.ANSWERED, false);
    }

    static SearchQuery deleted() {
        return new Flag(SystemFlag.DELETED, true);
    }

    static SearchQuery undeleted() {
        return new Flag(SystemFlag.DELETED, false);
    }

    static SearchQuery draft() {
        return new Flag(SystemFlag.DRAFT, true);
    }

    static SearchQuery undraft() {
        return new Flag(SystemFlag.DRAFT, false);
    }

    static SearchQuery flagged() {
        return new Flag(SystemFlag.FLAGGED, true);
    }

    static SearchQuery unflagged() {
        return new Flag(SystemFlag.FLAGGED, false);
    }

    static SearchQuery seen() {
        return new Flag(SystemFlag.SEEN, true);
    }

    static SearchQuery unseen() {
        return new Flag(SystemFlag.SEEN, false);
    }

    static SearchQuery keyword(String keyword) {
        return new Keyword(keyword, true);
    }

    static SearchQuery unkeyword(String keyword) {
        return new Keyword(keyword, false);
    }

    static SearchQuery recent() {
        return new Recent();
    }

    /** NEW = RECENT UNSEEN. */
    static SearchQuery newMessages() {
        return new And(List.of(new Recent(), unseen()));
    }

    /** OLD = NOT RECENT. */
    static SearchQuery old() {
        return new Not(new Recent());
    }

    static SearchQuery larger(long bytes) {
        return new Larger(bytes);
    }

    static SearchQuery smaller(long bytes) {
        return new Smaller(bytes);
    }

    static SearchQuery before(LocalDate day) {
        return new InternalDate(DateRelation.BEFORE, day);
    }

    static SearchQuery on(LocalDate day) {
        return new InternalDate(DateRelation.ON, day);
    }

    static SearchQuery since(LocalDate day) {
        return new InternalDate(DateRelation.SINCE, day);
    }

    static SearchQuery sentBefore(LocalDate day) {
        return new SentDate(DateRelation.BEFORE, day);
    }

    static SearchQuery sentOn(LocalDate day) {
        return new SentDate(DateRelation.ON, day);
    }

    static SearchQuery sentSince(LocalDate day) {
        return new SentDate(DateRelation.SINCE, day);
    }

    static SearchQuery savedBefore(LocalDate day) {
        return new SaveDate(DateRelation.BEFORE, day);
    }

    static SearchQuery savedOn(LocalDate day) {
        return new SaveDate(DateRelation.ON, day);
    }

    static SearchQuery savedSince(LocalDate day) {
        return new SaveDate(DateRelation.SINCE, day);
    }

    static SearchQuery saveDateSupported() {
        return new SaveDateSupported();
    }

    static SearchQuery older(long seconds) {
        return new Older(seconds);
    }

    static SearchQuery younger(long seconds) {
        return new Younger(seconds);
    }

    static SearchQuery modSeq(long modSeq) {
        return new ModSeq(modSeq, null, null);
    }

    static SearchQuery modSeq(String entryName, EntryType entryType, long modSeq) {
        return new ModSeq(modSeq, entryName, entryType);
    }

    static SearchQuery emailId(String id) {
        return new EmailId(id);
    }

    static SearchQuery threadId(String id) {
        return new ThreadId(id);
    }

    static SearchQuery from(String value) {
        return new Address(AddressField.FROM, value);
    }

    static SearchQuery to(String value) {
        return new Address(AddressField.TO, value);
    }

    static SearchQuery cc(String value) {
        return new Address(AddressField.CC, value);
    }

    static SearchQuery bcc(String value) {
        return new Address(AddressField.BCC, value);
    }

    static SearchQuery subject(String value) {
        return new Subject(value);
    }

    static SearchQuery header(String field, String value) {
        return new Header(field, value);
    }

    static SearchQuery body(String value) {
        return new Body(value);
    }

    static SearchQuery text(String value) {
        return new Text(value);
    }

    private static void requireNotNegative(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative number: " + n);
        }
    }

    private static void requirePositive(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("interval must be positive: " + n);
        }
    }
}
