package org.poststelle.server;

import java.util.List;
import org.poststelle.core.auth.AuthConfig;
import org.poststelle.core.config.ConfigException;
import org.poststelle.core.config.ConfigSection;
import org.poststelle.imap.ImapConfig;
import org.poststelle.pop3.Pop3Config;
import org.poststelle.store.StoreConfig;
import org.poststelle.tls.TlsConfig;

/**
 * The whole configuration, read section by section by the modules that own them. After every module has
 * read its keys, anything left over is a typo or an obsolete key and stops the start.
 */
record Configuration(ConfigSection root, ServerSettings server, AuthConfig auth, TlsConfig tls, StoreConfig store,
        ImapConfig imap, Pop3Config pop3, String logLevel) {

    static Configuration from(ConfigSection root) {
        ServerSettings server = ServerSettings.from(root);
        AuthConfig auth = AuthConfig.from(root.section("auth"), server.dataDir());
        TlsConfig tls = TlsConfig.from(root.section("tls"), server.dataDir());
        StoreConfig store = StoreConfig.from(root.section("store"), server.dataDir());
        ImapConfig imap = ImapConfig.from(root.section("imap"));
        Pop3Config pop3 = Pop3Config.from(root.section("pop3"));
        String logLevel = root.section("logging").enumValue("level", LogLevel.class, LogLevel.INFO).name();
        List<String> unknown = root.unknownKeys();
        if (!unknown.isEmpty()) {
            throw new ConfigException(unknown.get(0), "unknown key" + (unknown.size() > 1
                    ? " (also unknown: " + String.join(", ", unknown.subList(1, unknown.size())) + ")" : ""));
        }
        return new Configuration(root, server, auth, tls, store, imap, pop3, logLevel);
    }

    enum LogLevel { ERROR, WARN, INFO, DEBUG, TRACE }
}
