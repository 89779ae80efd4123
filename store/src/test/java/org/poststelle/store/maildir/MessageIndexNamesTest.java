package org.poststelle.store.maildir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** File names of every shape come back byte for byte from the compact name pool, through every change. */
class MessageIndexNamesTest {

    /** What the old pool returned: the name through UTF-8. */
    private static String stored(String name) {
        return new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 999_999_999_999_999_999L).map(String::valueOf),
                Arbitraries.of("0", "00", "01", "007", "9999999999999999999", "18446744073709551616", "",
                        "1234567890123456789", "123456789012345678", "-1", "+5", "1a"));
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.oneOf(Arbitraries.of("vm", "mail.example.org", "mx1.example.com", "h\\057x", "ünï.example",
                "", "a,b", "a:b", ".", "host.with.many.dots.example.org"),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> infos() {
        return Arbitraries.oneOf(Arbitraries.of("", ":2,", ":2,S", ":2,DFRST", ":2,Sabz", ":1,S", ":2", ":2,S:x",
                ":2,,", ":3,S", ":2,ä"), Arbitraries.strings().ofMaxLength(6).map(s -> ":2," + s));
    }

    /** Names of the common shape and near misses of it. */
    @Provide
    Arbitrary<String> shaped() {
        Arbitrary<String> r = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(0, 0xffffff).map(v -> String.format("R%06x", v)),
                Arbitraries.of("R0940F6", "R12345", "R1234567", "Rxyzxyz", "R"));
        Arbitrary<String> q = Arbitraries.oneOf(Arbitraries.just(""), numbers().map(n -> "Q" + n));
        Arbitrary<String> sizes = Combinators.combine(numbers(), numbers(), Arbitraries.of(0, 1, 2, 3))
                .as((s, w, form) -> switch (form) {
                    case 0 -> ",S=" + s + ",W=" + w;
                    case 1 -> ",S=" + s;
                    case 2 -> ",W=" + w + ",S=" + s;
                    default -> ",S=" + s + ",W=" + w + ",X=1";
                });
        Arbitrary<String> sep = Arbitraries.of(".M", ".M", ".M", ".m", "M", ".");
        return Combinators.combine(numbers(), sep, numbers(), numbers(), r, q, hosts(), sizes)
                .as((secs, m, us, pid, rr, qq, host, sz) -> secs + m + us + "P" + pid + rr + qq + "." + host + sz)
                .flatMap(base -> infos().map(info -> base + info));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, shaped()),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars("0123456789.MPRQSW=,:2abcdef").ofMaxLength(50)));
    }

    @Property(tries = 300)
    void namesRoundTripThroughEveryOperation(@ForAll @Size(max = 60) List<@net.jqwik.api.From("names") String> list,
            @ForAll @Size(max = 60) List<Boolean> removals, @ForAll List<Integer> flagSets) throws Exception {
        // one message per base name, as in a Maildir
        Map<String, String> byBase = new LinkedHashMap<>();
        for (String n : list) {
            byBase.putIfAbsent(MaildirFilename.basename(stored(n)), n);
        }
        List<String> names = new ArrayList<>(byBase.values());
        MessageIndex x = new MessageIndex();
        List<String> expectNames = new ArrayList<>();
        List<String> expectExt = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String ext = i % 3 == 0 ? "G" + Integer.toHexString(i * 7919) + " P" + i : "";
            x.add(i + 1, MaildirFilename.flagBits(names.get(i)), 10 + i, 1_700_000_000L + i, 1_700_000_001L, 0,
                    i + 1, names.get(i), ext);
            expectNames.add(stored(names.get(i)));
            expectExt.add(ext);
        }
        check(x, expectNames, expectExt);
        // flag renames, several times, so the pool is compacted on the way
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < x.size(); i++) {
                int bits = flagSets.isEmpty() ? round : flagSets.get((i + round) % flagSets.size());
                String renamed = MaildirFilename.withFlags(x.fileName(i), bits);
                x.setFileName(i, renamed);
                expectNames.set(i, stored(renamed));
            }
            check(x, expectNames, expectExt);
        }
        // removals
        int[] positions = new int[x.size()];
        int n = 0;
        for (int i = 0; i < x.size(); i++) {
            if (i < removals.size() && removals.get(i)) {
                positions[n++] = i;
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            expectNames.remove(positions[k]);
            expectExt.remove(positions[k]);
        }
        x.removePositions(positions, n);
        check(x, expectNames, expectExt);
        x.trim();
        check(x, expectNames, expectExt);
        // checkpoint
        Path dir = Files.createTempDirectory("names");
        try {
            IndexFile.Header h = new IndexFile.Header();
            h.uidValidity = 7;
            h.uidNext = names.size() + 1;
            IndexFile.write(dir, h, x, new ExpungeHistory(10, 0), new Fsync(false));
            IndexFile.Loaded l = IndexFile.read(dir);
            assertThat(l).isNotNull();
            check(l.index(), expectNames, expectExt);
            for (int i = 0; i < x.size(); i++) {
                assertThat(l.index().uid(i)).isEqualTo(x.uid(i));
                assertThat(l.index().flags(i)).isEqualTo(x.flags(i));
            }
            // the loaded index keeps working: adds, renames and a second checkpoint
            MessageIndex y = l.index();
            String extra = "1733625600.M123456P4242.mail.example.org,S=2048,W=2090:2,S";
            if (y.findBase(MaildirFilename.basename(extra)) < 0) {
                y.add(names.size() + 1, 0, 1, 0, 0, 0, 1, extra, "");
                expectNames.add(extra);
                expectExt.add("");
            }
            for (int i = 0; i < y.size(); i++) {
                String renamed = MaildirFilename.withFlags(y.fileName(i), 1);
                y.setFileName(i, renamed);
                expectNames.set(i, stored(renamed));
            }
            check(y, expectNames, expectExt);
            h.uidNext = names.size() + 2;
            IndexFile.write(dir, h, y, new ExpungeHistory(10, 0), new Fsync(false));
            check(IndexFile.read(dir).index(), expectNames, expectExt);
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void check(MessageIndex x, List<String> names, List<String> exts) {
        assertThat(x.size()).isEqualTo(names.size());
        for (int i = 0; i < names.size(); i++) {
            assertThat(x.fileName(i)).isEqualTo(names.get(i));
            assertThat(x.basename(i)).isEqualTo(MaildirFilename.basename(names.get(i)));
            assertThat(x.ext(i)).isEqualTo(exts.get(i));
            assertThat(x.findBase(MaildirFilename.basename(names.get(i)))).isEqualTo(i);
            String other = MaildirFilename.basename(names.get(i)) + "x";
            int expect = -1;
            for (int k = 0; k < names.size(); k++) {
                if (MaildirFilename.basename(names.get(k)).equals(other)) {
                    expect = k;
                }
            }
            assertThat(x.findBase(other)).isEqualTo(expect);
        }
    }

    @Test
    void commonNamesAreCompactAndExact() {
        MessageIndex x = new MessageIndex();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String name = (1_796_696_147L + i / 100) + ".M" + (363_873 + i * 13 % 1_000_000) + "P1753R0940f6Q" + (i + 1)
                    + (i % 2 == 0 ? ".vm" : ".mail.example.org") + ",S=" + (2000 + i) + ",W=" + (2048 + i)
                    + ":2," + (i % 3 == 0 ? "S" : "");
            names.add(name);
            x.add(i + 1, 0, 1, 0, 0, 0, 1, name, "");
        }
        x.trim();
        assertThat(x.residentBytes() / (double) names.size()).isLessThan(64);
        for (int i = 0; i < names.size(); i++) {
            assertThat(x.fileName(i)).isEqualTo(names.get(i));
            assertThat(x.findBase(MaildirFilename.basename(names.get(i)))).isEqualTo(i);
        }
    }

    @Test
    void nearMissesStayExact() {
        MessageIndex x = new MessageIndex();
        String[] names = {"1733625600.M0123P4242.mail.example.org,S=2048,W=2090:2,S",
                "1733625600.M123P4242.mail.example.org,S=2048,W=2090:2,S", "01.M1P1.h,S=1", "1.M1P1.h,S=1",
                "1.M1P1.h,S=1,W=2", "1.M1P1.h,S=1,W=2:1,S", "1.M1P1.h,S=1,W=2:2,S:", "1.M1P1R00000aQ0.h,S=0:2,",
                "1.M1P1R00000AQ0.h,S=0:2,", "1.M1P1V801I2.h,S=1:2,", "1.M1P1.h,S=01", "1.M1P1.h,S=1,W=2,Z=3:2,",
                "1.M1P1..,S=1", "1.M1P1.,S=1", "9223372036854775807.M1P1.h,S=1", "999999999999999999.M1P1.h,S=1:2,T",
                "1.M1P1.h,S=1:2,ÄÖ", "1.M1P1.hä,S=1:2,"};
        for (int i = 0; i < names.length; i++) {
            x.add(i + 1, 0, 1, 0, 0, 0, 1, names[i], "");
        }
        for (int i = 0; i < names.length; i++) {
            assertThat(x.fileName(i)).isEqualTo(names[i]);
            assertThat(x.basename(x.findBase(MaildirFilename.basename(names[i]))))
                    .isEqualTo(MaildirFilename.basename(names[i]));
        }
        assertThat(x.findBase("1.M1P1.h,S=2")).isEqualTo(-1);
        assertThat(x.findBase("1.M1P1.h")).isEqualTo(-1);
    }
}
