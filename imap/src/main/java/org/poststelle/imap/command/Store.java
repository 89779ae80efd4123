package org.poststelle.imap.command;

import java.util.List;
import java.util.Locale;
import org.poststelle.imap.protocol.Args;
import org.poststelle.imap.protocol.BadCommandException;
import org.poststelle.imap.protocol.SequenceSet;
import org.poststelle.store.model.FlagOp;

/**
 * STORE and UID STORE: {@code set [(UNCHANGEDSINCE n)] (+|-)FLAGS[.SILENT] flags}.
 *
 * @param unchangedSince RFC 7162 UNCHANGEDSINCE, or -1
 */
public record Store(SequenceSet set, boolean uid, FlagOp op, boolean silent, List<String> flags,
        long unchangedSince) implements ImapCommand {

    public static Store parse(Args a) throws BadCommandException {
        return parse(a, false);
    }

    public static Store parseUid(Args a) throws BadCommandException {
        return parse(a, true);
    }

    private static Store parse(Args a, boolean uid) throws BadCommandException {
        SequenceSet set = a.sequenceSet();
        long unchangedSince = -1;
        if (a.peekList()) {
            Args mods = a.list();
            if (!mods.takeAtom("UNCHANGEDSINCE")) {
                throw new BadCommandException("Unknown STORE modifier");
            }
            unchangedSince = mods.number();
            mods.end();
        }
        String item = a.atom().toUpperCase(Locale.ROOT);
        boolean silent = item.endsWith(".SILENT");
        String base = silent ? item.substring(0, item.length() - ".SILENT".length()) : item;
        FlagOp op = switch (base) {
            case "FLAGS" -> FlagOp.REPLACE;
            case "+FLAGS" -> FlagOp.ADD;
            case "-FLAGS" -> FlagOp.REMOVE;
            default -> throw new BadCommandException("Unknown STORE item " + item);
        };
        List<String> flags = a.flagsListOrBare();
        return new Store(set, uid, op, silent, flags, unchangedSince);
    }
}
