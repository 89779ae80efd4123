package org.poststelle.imap.handler;

import org.poststelle.imap.command.Compress;
import org.poststelle.imap.session.CommandHandler;
import org.poststelle.imap.session.Deflate;
import org.poststelle.imap.session.ImapSession;
import org.poststelle.imap.session.Result;

/**
 * COMPRESS DEFLATE (RFC 4978). The dispatcher sends the OK uncompressed and then switches the connection to
 * deflate in both directions ({@link Result.After#COMPRESS}, {@link Deflate}).
 */
final class CompressHandler implements CommandHandler<Compress> {
    @Override
    public Result handle(Compress cmd, ImapSession s) {
        if (!cmd.mechanism().equalsIgnoreCase("DEFLATE")) {
            return Result.bad("Unknown compression mechanism " + cmd.mechanism());
        }
        if (Deflate.isActive(s.channel())) {
            return Result.no("COMPRESSIONACTIVE", "DEFLATE is already active");
        }
        return Result.ok("DEFLATE active").then(Result.After.COMPRESS);
    }
}
