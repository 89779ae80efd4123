package org.poststelle.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading Date headers, message ids and addresses. */
class HeaderValuesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Mon, 1 Jan 2024 23:30:00 -0500|2024-01-02T04:30:00Z|2024-01-01",
        "Tue, 02 Jan 2024 01:00:00 +0900 (JST)|2024-01-01T16:00:00Z|2024-01-02",
        "1 Jan 2024 10:00 +0000|2024-01-01T10:00:00Z|2024-01-01",
        "3 Jan 24 10:00 EST|2024-01-03T15:00:00Z|2024-01-03",
        "3 Jan 99 10:00:00 GMT|1999-01-03T10:00:00Z|1999-01-03",
        "Sun, 3 Jan 104 10:00:00 PDT|2004-01-03T17:00:00Z|2004-01-03",
        "Fri, 31 Dec 2021 23:59:60 +0000|2021-12-31T23:59:59Z|2021-12-31",
        "Wed, 5 June 2024 08:00:00 +0130|2024-06-05T06:30:00Z|2024-06-05",
        "Thu, 6 Jun 2024 08:00:00 Z|2024-06-06T08:00:00Z|2024-06-06",
        "Thu,6 Jun 2024 08:00:00|2024-06-06T08:00:00Z|2024-06-06",
        "(comment) Thu, 6 (x) Jun 2024 08:00:00 +9999|2024-06-06T08:00:00Z|2024-06-06",
    })
    void readsDates(String value, String instant, String day) {
        HeaderValues.SentDate d = HeaderValues.parseDate(value);
        assertThat(d).isNotNull();
        assertThat(Instant.ofEpochMilli(d.epochMillis())).isEqualTo(Instant.parse(instant));
        assertThat(d.day()).isEqualTo(LocalDate.parse(day));
    }

    @Test
    void rejectsWhatIsNotADate() {
        for (String bad : List.of("", "garbage", "Mon, 32 Jan 2024 10:00:00 +0000", "1 Foo 2024 10:00",
                "1 Jan 2024", "1 Jan 2024 25:00:00 +0000", "31 Feb 2024 10:00:00 +0000", "1 Jan 20245 10:00")) {
            assertThat(HeaderValues.parseDate(bad)).as(bad).isNull();
        }
    }

    @Test
    void messageIds() {
        assertThat(HeaderValues.messageIds("<a@b> <c@d>\r\n <e@f>")).containsExactly("a@b", "c@d", "e@f");
        assertThat(HeaderValues.messageIds("<a@b> (comment) <c\r\n @d>")).containsExactly("a@b", "c@d");
        assertThat(HeaderValues.messageIds("bare@id.example")).containsExactly("bare@id.example");
        assertThat(HeaderValues.messageIds("<> <unclosed")).isEmpty();
        assertThat(HeaderValues.messageIds("no id here")).isEmpty();
    }

    @Test
    void addressTextQuotesNamesWithSpecialsAndDecodesWords() {
        assertThat(HeaderValues.addressText("\"Doe, John\" <j@x>, =?UTF-8?Q?J=C3=B6rg?= <g@y>, plain@z"))
                .isEqualTo("\"Doe, John\" <j@x>, Jörg <g@y>, plain@z");
        assertThat(HeaderValues.addressText("team: a@b, c@d;")).isEqualTo("team: a@b, c@d;");
        assertThat(HeaderValues.addressText("   ")).isEmpty();
    }
}
