package org.poststelle.imap.handler;

import static org.poststelle.imap.session.CommandTable.AUTH;
import static org.poststelle.imap.session.CommandTable.SELECTED;

import org.poststelle.imap.command.Compress;
import org.poststelle.imap.command.GetQuota;
import org.poststelle.imap.command.GetQuotaRoot;
import org.poststelle.imap.command.Replace;
import org.poststelle.imap.command.SetQuota;
import org.poststelle.imap.session.CommandTable;

/**
 * The rows of the command table for QUOTA, COMPRESS and the other extensions of the second IMAP part, kept
 * apart from {@link ImapCommands} so that the two parts grow without touching each other's lines.
 */
final class ExtensionCommands {
    private ExtensionCommands() {
    }

    static CommandTable addTo(CommandTable table) {
        ReplaceHandler replace = new ReplaceHandler();
        return table
                .add("GETQUOTA", AUTH, false, GetQuota::parse, new GetQuotaHandler())
                .add("GETQUOTAROOT", AUTH, false, GetQuotaRoot::parse, new GetQuotaRootHandler())
                .add("SETQUOTA", AUTH, false, SetQuota::parse, new SetQuotaHandler())
                .add("COMPRESS", AUTH, false, Compress::parse, new CompressHandler())
                // REPLACE by sequence number expunges only its own message: no other EXPUNGE (like MOVE)
                .add("REPLACE", SELECTED, true, Replace::parse, replace)
                .add("UID REPLACE", SELECTED, false, Replace::parseUid, replace);
    }
}
