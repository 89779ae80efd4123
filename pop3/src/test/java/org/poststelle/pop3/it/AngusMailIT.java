package org.poststelle.pop3.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Angus Mail (Jakarta Mail) pop3 and pop3s providers against the server. */
class AngusMailIT {
    @TempDir
    java.nio.file.Path dir;

    private static Store connect(Pop3TestServer server, String protocol, boolean starttls, String user) throws Exception {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", "127.0.0.1");
        p.put(prefix + "port", Integer.toString(protocol.equals("pop3s") ? server.tlsPort() : server.port()));
        p.put(prefix + "ssl.socketFactory", server.clientTls().getSocketFactory());
        p.put(prefix + "ssl.checkserveridentity", "false");
        p.put(prefix + "connectiontimeout", "10000");
        p.put(prefix + "timeout", "10000");
        if (starttls) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        Store store = Session.getInstance(p).getStore(protocol);
        store.connect(user, "secret");
        return store;
    }

    private static byte[] raw(Message m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    private static void readAndDelete(Pop3TestServer server, String protocol, boolean starttls) throws Exception {
        byte[] m1 = Messages.simple(1);
        byte[] m2 = Messages.tricky();
        server.deliver("alice", m1, m2);
        Store store = connect(server, protocol, starttls, "alice");
        POP3Folder inbox = (POP3Folder) store.getFolder("INBOX");
        inbox.open(Folder.READ_WRITE);
        Message[] messages = inbox.getMessages();
        assertThat(messages).hasSize(2);
        assertThat(messages[0].getSubject()).isEqualTo("message 1"); // headers via TOP
        // Angus reports the LIST size minus the header it fetched with TOP
        int headerLength = new String(m2, java.nio.charset.StandardCharsets.US_ASCII).indexOf("\r\n\r\n") + 4;
        assertThat(messages[1].getSize()).isEqualTo(m2.length - headerLength);
        String uid1 = inbox.getUID(messages[0]);
        String uid2 = inbox.getUID(messages[1]);
        assertThat(uid1).isNotEqualTo(uid2).matches("[0-9a-f]{16}");
        assertThat(raw(messages[0])).isEqualTo(m1);
        assertThat(raw(messages[1])).isEqualTo(m2);
        messages[0].setFlag(Flags.Flag.DELETED, true);
        inbox.close(true); // DELE + QUIT
        store.close();
        assertThat(server.count("alice")).isEqualTo(1);

        Store again = connect(server, protocol, starttls, "alice");
        POP3Folder folder = (POP3Folder) again.getFolder("INBOX");
        folder.open(Folder.READ_ONLY);
        assertThat(folder.getMessageCount()).isEqualTo(1);
        assertThat(folder.getUID(folder.getMessage(1))).isEqualTo(uid2);
        folder.close(false);
        again.close();
    }

    @Test
    void pop3WithStarttls() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).plaintextWithoutTls(false).start()) {
            readAndDelete(server, "pop3", true);
        }
    }

    @Test
    void pop3s() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).plaintextWithoutTls(false).start()) {
            readAndDelete(server, "pop3s", false);
        }
    }

    @Test
    void pop3WithoutTlsIsRefusedWhenPlaintextIsNotAllowed() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).plaintextWithoutTls(false).start()) {
            assertThatThrownBy(() -> connect(server, "pop3", false, "alice")).isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void accountWithoutPop3IsRefused() throws Exception {
        try (Pop3TestServer server = Pop3TestServer.builder(dir).user("dave:{PLAIN}secret::::::protocols=imap").start()) {
            assertThatThrownBy(() -> connect(server, "pop3s", false, "dave")).isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void secondStoreGetsInUse() throws Exception {
        // Angus sends DELE only when the folder closes, so the strict lock (at login) is what this shows
        org.poststelle.pop3.Pop3Config config = org.poststelle.pop3.Pop3Config.from(
                org.poststelle.core.config.ConfigSection.of(java.util.Map.of("maildrop_lock", "session")));
        try (Pop3TestServer server = Pop3TestServer.builder(dir).config(config).start()) {
            Store first = connect(server, "pop3s", false, "alice");
            Folder f = first.getFolder("INBOX");
            f.open(Folder.READ_ONLY); // Angus logs in lazily, when the folder opens
            assertThatThrownBy(() -> {
                Store second = connect(server, "pop3s", false, "alice");
                second.getFolder("INBOX").open(Folder.READ_ONLY);
            }).hasMessageContaining("IN-USE");
            f.close(false);
            first.close();
        }
    }
}
