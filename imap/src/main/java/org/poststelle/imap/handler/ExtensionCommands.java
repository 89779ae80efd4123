package org.poststelle.imap.handler;

import static org.poststelle.imap.session.CommandTable.AUTH;

import org.poststelle.imap.command.Compress;
import org.poststelle.imap.command.GetQuota;
import org.poststelle.imap.command.GetQuotaRoot;
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
        return table
                .add("GETQUOTA", AUTH, false, GetQuota::parse, new GetQuotaHandler())
                .add("GETQUOTAROOT", AUTH, false, GetQuotaRoot::parse, new GetQuotaRootHandler())
                .add("SETQUOTA", AUTH, false, SetQuota::parse, new SetQuotaHandler())
                .add("COMPRESS", AUTH, false, Compress::parse, new CompressHandler());
    }
}
