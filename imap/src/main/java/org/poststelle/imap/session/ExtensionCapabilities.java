package org.poststelle.imap.session;

import java.util.List;

/**
 * Capabilities of the second IMAP part other than search (QUOTA, COMPRESS, CONDSTORE, ...), offered after
 * login. Each is listed only once it works end to end.
 */
final class ExtensionCapabilities {
    private ExtensionCapabilities() {
    }

    private static final List<String> ALWAYS = List.of("QUOTA", "QUOTA=RES-STORAGE", "QUOTA=RES-MESSAGE",
            "COMPRESS=DEFLATE", "CONDSTORE", "QRESYNC", "SAVEDATE", "OBJECTID", "BINARY", "PREVIEW", "REPLACE",
            "STATUS=SIZE");
    private static final List<String> WITH_UTF8 = java.util.stream.Stream.concat(ALWAYS.stream(),
            java.util.stream.Stream.of("UTF8=ACCEPT")).toList();

    /** @param utf8Accept whether {@code imap.utf8_accept} offers UTF8=ACCEPT */
    static List<String> afterLogin(boolean utf8Accept) {
        return utf8Accept ? WITH_UTF8 : ALWAYS;
    }
}
