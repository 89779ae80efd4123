package org.poststelle.store.search;

import java.util.Objects;
import org.poststelle.store.Mailbox;
import org.poststelle.store.model.MailboxSnapshot;
import org.poststelle.store.model.UidSet;

/**
 * A full-text index (e.g. Lucene) that can answer text keys ({@link SearchQuery.TextKey}) faster than reading
 * messages. The engine asks it once per text key and search; where the answer does not cover a message (not
 * indexed yet), the engine reads the message as it does without an index. {@link #NONE} answers nothing.
 */
@FunctionalInterface
public interface FullTextIndex {

    /** An index that answers nothing: every text key is answered by reading messages. */
    FullTextIndex NONE = (mailbox, snapshot, key) -> null;

    /**
     * @return what the index knows about {@code key} in this mailbox, or null when it cannot answer it
     */
    Answer answer(Mailbox mailbox, MailboxSnapshot snapshot, SearchQuery.TextKey key);

    /**
     * An index's answer for one key.
     *
     * @param covered the UIDs the index has indexed: for them {@code matches} is exact
     * @param matches the covered UIDs that match (a subset of {@code covered})
     */
    record Answer(UidSet covered, UidSet matches) {
        public Answer {
            Objects.requireNonNull(covered, "covered");
            Objects.requireNonNull(matches, "matches");
        }
    }
}
