package org.poststelle.pop3.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pop3CommandTest {

    @Test
    void messageNumberCommands() throws Exception {
        assertThat(Pop3Command.Retr.parse("7")).isEqualTo(new Pop3Command.Retr(7));
        assertThat(Pop3Command.Dele.parse("007")).isEqualTo(new Pop3Command.Dele(7));
        assertThat(Pop3Command.ListMsg.parse("")).isEqualTo(new Pop3Command.ListMsg(OptionalInt.empty()));
        assertThat(Pop3Command.Uidl.parse("3")).isEqualTo(new Pop3Command.Uidl(OptionalInt.of(3)));
        // beyond any maildrop: parsed, then answered "no such message"
        assertThat(Pop3Command.Retr.parse("99999999999999999999")).isEqualTo(new Pop3Command.Retr(Integer.MAX_VALUE));
        assertThat(Pop3Command.Retr.parse("0")).isEqualTo(new Pop3Command.Retr(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''      | Message number missing.",
        "x       | Invalid message number: x",
        "-1      | Invalid message number: -1",
        "1 2     | Noise after message number.",
        "+1      | Invalid message number: +1",
    })
    void badMessageNumbers(String args, String error) {
        assertThatThrownBy(() -> Pop3Command.Retr.parse(args)).isInstanceOf(BadCommandException.class).hasMessage(error);
    }

    @Test
    void top() throws Exception {
        assertThat(Pop3Command.Top.parse("1 0")).isEqualTo(new Pop3Command.Top(1, 0));
        assertThat(Pop3Command.Top.parse("2 10")).isEqualTo(new Pop3Command.Top(2, 10));
        assertThat(Pop3Command.Top.parse("2 99999999999999999999999")).isEqualTo(new Pop3Command.Top(2, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1 -1", "1 x", "x 1", "1 2 3"})
    void badTop(String args) {
        assertThatThrownBy(() -> Pop3Command.Top.parse(args)).isInstanceOf(BadCommandException.class);
    }

    @Test
    void userAndPassKeepTheWholeRestOfTheLine() throws Exception {
        assertThat(Pop3Command.User.parse("alice@example.org")).isEqualTo(new Pop3Command.User("alice@example.org"));
        assertThat(Pop3Command.Pass.parse("correct horse  battery ").password()).isEqualTo("correct horse  battery ");
        assertThatThrownBy(() -> Pop3Command.User.parse("")).hasMessage("No username given.");
        assertThatThrownBy(() -> Pop3Command.Pass.parse("")).isInstanceOf(BadCommandException.class);
    }

    @Test
    void secretsNeverShowInToString() throws Exception {
        assertThat(Pop3Command.Pass.parse("hunter2").toString()).doesNotContain("hunter2");
        assertThat(Pop3Command.Auth.parse("PLAIN AGFsaWNlAHNlY3JldA==").toString()).doesNotContain("AGFsaWNl");
        assertThat(Pop3Command.Apop.parse("bob c4c9334bac560ecc979e58001b3e22fb").toString()).doesNotContain("c4c9");
    }

    @Test
    void apop() throws Exception {
        assertThat(Pop3Command.Apop.parse("mrose C4C9334BAC560ECC979E58001B3E22FB"))
                .isEqualTo(new Pop3Command.Apop("mrose", "c4c9334bac560ecc979e58001b3e22fb"));
        assertThatThrownBy(() -> Pop3Command.Apop.parse("mrose")).isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> Pop3Command.Apop.parse("mrose xyz")).isInstanceOf(BadCommandException.class);
    }

    @Test
    void auth() throws Exception {
        assertThat(Pop3Command.Auth.parse("")).isEqualTo(new Pop3Command.Auth(Optional.empty(), Optional.empty()));
        assertThat(Pop3Command.Auth.parse("plain")).isEqualTo(new Pop3Command.Auth(Optional.of("PLAIN"), Optional.empty()));
        assertThat(Pop3Command.Auth.parse("PLAIN =")).isEqualTo(new Pop3Command.Auth(Optional.of("PLAIN"), Optional.of("=")));
        assertThatThrownBy(() -> Pop3Command.Auth.parse("PLAIN a b")).isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> Pop3Command.Auth.parse("PL{AIN")).isInstanceOf(BadCommandException.class);
    }

    @Test
    void noArgumentCommandsRejectNoise() throws Exception {
        Pop3Command.noArguments("");
        Pop3Command.noArguments("  ");
        assertThatThrownBy(() -> Pop3Command.noArguments("x")).hasMessage("Noise after command.");
    }

    @Test
    void lang() throws Exception {
        assertThat(Pop3Command.Lang.parse("")).isEqualTo(new Pop3Command.Lang(Optional.empty()));
        assertThat(Pop3Command.Lang.parse("*")).isEqualTo(new Pop3Command.Lang(Optional.of("*")));
        assertThat(Pop3Command.Lang.parse("en-GB")).isEqualTo(new Pop3Command.Lang(Optional.of("en-GB")));
        assertThatThrownBy(() -> Pop3Command.Lang.parse("en GB")).isInstanceOf(BadCommandException.class);
    }
}
