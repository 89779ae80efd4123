package org.poststelle.imap.session;

import java.util.List;

/**
 * Capabilities of the second IMAP part other than search (QUOTA, COMPRESS, CONDSTORE, ...), offered after
 * login. Each is listed only once it works end to end.
 */
final class ExtensionCapabilities {
    private ExtensionCapabilities() {
    }

    static List<String> afterLogin() {
        return List.of("QUOTA", "QUOTA=RES-STORAGE", "QUOTA=RES-MESSAGE", "COMPRESS=DEFLATE", "CONDSTORE", "QRESYNC",
                "SAVEDATE", "OBJECTID", "BINARY", "PREVIEW", "REPLACE", "UTF8=ACCEPT", "STATUS=SIZE");
    }
}
