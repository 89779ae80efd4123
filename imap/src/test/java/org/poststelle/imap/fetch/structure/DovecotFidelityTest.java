package org.poststelle.imap.fetch.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poststelle.store.mime.MessageStructure;

/** Our FETCH answers against the recorded answers of the reference Dovecot ({@link DovecotCorpus}). */
class DovecotFidelityTest {

    static Stream<DovecotCorpus.Expectation> expectations() {
        return DovecotCorpus.expectations().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectations")
    void answerMatches(DovecotCorpus.Expectation e) throws IOException {
        byte[] message = crlf(DovecotCorpus.message(e.message()));
        MessageStructure structure = MessageStructure.parse(new ByteArrayInputStream(message));

        byte[] answer = answer(structure, message, e.item());

        assertThat(new String(answer, StandardCharsets.ISO_8859_1)).isEqualTo(e.expected());
    }

    static byte[] answer(MessageStructure structure, byte[] message, String item) {
        switch (item) {
            case "ENVELOPE":
                return EnvelopeRenderer.render(structure.envelope());
            case "BODY":
                return BodyStructureRenderer.body(structure, false);
            case "BODYSTRUCTURE":
                return BodyStructureRenderer.bodyStructure(structure, false);
            default:
                Section s = SectionLocator.locate(structure, section(item.substring(5, item.length() - 1)));
                if (s instanceof Section.Fields f) {
                    s = f.select(slice(message, f.header()));
                }
                if (s instanceof Section.Range r) {
                    return slice(message, r);
                }
                return s instanceof Section.Bytes b ? b.bytes() : new byte[0];
        }
    }

    static byte[] slice(byte[] message, Section.Range r) {
        return Arrays.copyOfRange(message, (int) r.offset(), (int) (r.offset() + r.length()));
    }

    /** The section text between the brackets, e.g. {@code 1.2.HEADER.FIELDS (From To)}. */
    static SectionSpec section(String text) {
        List<Integer> numbers = new ArrayList<>();
        String rest = text;
        while (!rest.isEmpty() && Character.isDigit(rest.charAt(0))) {
            int dot = rest.indexOf('.');
            numbers.add(Integer.parseInt(dot < 0 ? rest : rest.substring(0, dot)));
            rest = dot < 0 ? "" : rest.substring(dot + 1);
        }
        int[] part = numbers.stream().mapToInt(Integer::intValue).toArray();
        String upper = rest.toUpperCase(java.util.Locale.ROOT);
        if (upper.isEmpty()) {
            return new SectionSpec(part, SectionSpec.Kind.FULL, List.of());
        }
        if (upper.startsWith("HEADER.FIELDS.NOT ")) {
            return SectionSpec.fields(true, names(rest.substring(18)), part);
        }
        if (upper.startsWith("HEADER.FIELDS ")) {
            return SectionSpec.fields(false, names(rest.substring(14)), part);
        }
        return SectionSpec.of(SectionSpec.Kind.valueOf(upper), part);
    }

    private static List<String> names(String list) {
        return Arrays.asList(list.replace("(", "").replace(")", "").trim().split(" +"));
    }

    /** LF to CRLF, as the store presents messages. */
    static byte[] crlf(String lfMessage) {
        byte[] in = lfMessage.getBytes(StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length + in.length / 20);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(in[i]);
        }
        return out.toByteArray();
    }
}
