package org.poststelle.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.security.SecureRandom;

/**
 * A hand-made TLS 1.0/1.1 ClientHello (CBC suites, as such clients offer), so that refusing old protocols is
 * tested against the server alone: the JDK client will not even try them with its default security settings.
 */
final class LegacyClientHello {
    static final int TLS_1_0 = 0x0301;
    static final int TLS_1_1 = 0x0302;
    static final int RECORD_HANDSHAKE = 0x16;
    static final int RECORD_ALERT = 0x15;

    private LegacyClientHello() {
    }

    static byte[] bytes(int version) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, version);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        int[] suites = {0xC013, 0xC014, 0xC009, 0xC00A, 0x002F, 0x0035};
        u16(body, suites.length * 2);
        for (int s : suites) {
            u16(body, s);
        }
        body.write(1); // compression methods: null
        body.write(0);
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        u16(ext, 0x000A); // supported_groups: secp256r1, secp384r1
        u16(ext, 6);
        u16(ext, 4);
        u16(ext, 0x0017);
        u16(ext, 0x0018);
        u16(ext, 0x000B); // ec_point_formats: uncompressed
        u16(ext, 2);
        ext.write(1);
        ext.write(0);
        u16(body, ext.size());
        body.writeBytes(ext.toByteArray());

        ByteArrayOutputStream hs = new ByteArrayOutputStream();
        hs.write(1); // ClientHello
        u24(hs, body.size());
        hs.writeBytes(body.toByteArray());

        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(RECORD_HANDSHAKE);
        u16(record, TLS_1_0); // record layer version as old clients send it
        u16(record, hs.size());
        record.writeBytes(hs.toByteArray());
        return record.toByteArray();
    }

    /** Sends the hello and returns the first byte of the server's answer (a record type), or -1 on close. */
    static int firstAnswerByte(int port, int version) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(bytes(version));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            try {
                return in.read();
            } catch (java.net.SocketException e) {
                return -1; // reset by the server: refused as well
            }
        }
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void u24(ByteArrayOutputStream out, int v) {
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
