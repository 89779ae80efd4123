package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CrlfInputStreamTest {

    private static byte[] naive(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int prev = -1;
        for (byte b : in) {
            if (b == '\n' && prev != '\r') {
                out.write('\r');
            }
            out.write(b);
            prev = b;
        }
        return out.toByteArray();
    }

    @Test
    void bareLfBecomesCrlfAndTheRestPasses() throws Exception {
        byte[] in = "a\nb\r\nc\rd\n\n".getBytes();
        try (var s = new CrlfInputStream(new ByteArrayInputStream(in), false)) {
            assertThat(new String(s.readAllBytes())).isEqualTo("a\r\nb\r\nc\rd\r\n\r\n");
        }
    }

    @Property
    void sameAsTheSimpleDefinitionWhateverTheReadSizes(@ForAll byte[] in, @ForAll boolean oneByOne) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (var s = new CrlfInputStream(new ByteArrayInputStream(in), false)) {
            if (oneByOne) {
                int b;
                while ((b = s.read()) >= 0) {
                    got.write(b);
                }
            } else {
                byte[] buf = new byte[3];
                int n;
                while ((n = s.read(buf, 0, buf.length)) > 0) {
                    got.write(buf, 0, n);
                }
            }
        }
        assertThat(got.toByteArray()).isEqualTo(naive(in));
        assertThat((long) naive(in).length).isEqualTo(in.length + countBareLf(in));
    }

    private static long countBareLf(byte[] in) {
        long n = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
                n++;
            }
        }
        return n;
    }
}
