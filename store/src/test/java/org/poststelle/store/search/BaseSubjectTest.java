package org.poststelle.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5256 section 2.1 base-subject extraction, step by step. */
class BaseSubjectTest {

    @ParameterizedTest(name = "[{0}] -> [{1}] reply/forward={2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        // (1) white space
        "'hello   world'|hello world|false",
        "'  hello\t\tworld  '|hello world|false",
        "'Re:\thello\tworld'|hello world|true",
        // (2) subj-trailer: (fwd) and white space, repeatedly
        "hello (fwd)|hello|true",
        "'hello (FWD) (Fwd)  '|hello|true",
        "'hello(fwd)'|hello|true",
        // (3) subj-leader: *subj-blob subj-refwd / WSP
        "Re: hello|hello|true",
        "'RE: Re: re: hello'|hello|true",
        "Fwd: hello|hello|true",
        "FW: hello|hello|true",
        "fw:hello|hello|true",
        "'Re [2]: hello'|hello|true",
        "'Re[3]:hello'|hello|true",
        "'Re : hello'|hello|true",
        "'[list] Re: hello'|hello|true",
        "'[a][b] Re: [c] Re: hello'|hello|true",
        "'Fwd: Re: [list] Re: x'|x|true",
        // (4) a leading subj-blob when text remains
        "'[list] hello'|hello|false",
        "'[a] [b] hello'|hello|false",
        "'[list]'|[list]|false",
        "'[a] [b]'|[b]|false",
        // not leaders
        "Rehello|Rehello|false",
        "'Re hello: x'|Re hello: x|false",
        "'Fwdx: y'|Fwdx: y|false",
        "'[unclosed hello'|[unclosed hello|false",
        // (6) [fwd: ...] wrapper, then again from (2)
        "'[fwd: hello]'|hello|true",
        "'[Fwd: Re: hello]'|hello|true",
        "'Re: [fwd: [list] hello] (fwd)'|hello|true",
        "'[fwd: hello] x'|x|false", // "[fwd: hello]" is also a subj-blob
        // empty results
        "'Re: '||true",
        "re:re:||true",
        "'Re: (fwd)'||true",
        "''||false",
        // (1) RFC 2047 encoded words are decoded first
        "'=?utf-8?q?Re=3A_caf=C3=A9?='|café|true",
        "'Re: =?ISO-8859-1?Q?=C4pfel?= (fwd)'|Äpfel|true",
    })
    void extractsTheBaseSubject(String subject, String base, boolean replyOrForward) {
        BaseSubject b = BaseSubject.of(subject == null ? "" : subject);
        assertThat(b.text()).isEqualTo(base == null ? "" : base);
        assertThat(b.replyOrForward()).isEqualTo(replyOrForward);
    }
}
