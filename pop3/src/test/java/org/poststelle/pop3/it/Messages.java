package org.poststelle.pop3.it;

import java.nio.charset.StandardCharsets;

/** Sample messages in CRLF form, with the cases POP3 must get right. */
public final class Messages {
    private Messages() {
    }

    public static byte[] simple(int n) {
        return ("From: sender@example.org\r\n"
                + "To: alice@example.org\r\n"
                + "Subject: message " + n + "\r\n"
                + "Message-ID: <" + n + "@example.org>\r\n"
                + "\r\n"
                + "Body line 1 of message " + n + ".\r\n"
                + "Body line 2.\r\n"
                + "Body line 3.\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Lines that are just ".", start with "..", and a body that is long enough to need several chunks. */
    public static byte[] tricky() {
        StringBuilder sb = new StringBuilder("From: sender@example.org\r\nSubject: dots\r\n\r\n");
        sb.append(".\r\n").append("..two dots\r\n").append(".leading dot\r\n").append("middle . dot\r\n");
        for (int i = 0; i < 5000; i++) {
            sb.append(i % 100 == 0 ? "." : "").append("line ").append(i).append(" of a long body to stream in chunks\r\n");
        }
        sb.append(".\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A message of about {@code size} bytes. */
    public static byte[] large(int size) {
        StringBuilder sb = new StringBuilder(size + 100);
        sb.append("From: big@example.org\r\nSubject: large\r\n\r\n");
        int i = 0;
        while (sb.length() < size) {
            sb.append(i++ % 37 == 0 ? ".x " : "").append("0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
