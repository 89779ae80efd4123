package org.poststelle.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.poststelle.core.config.ConfigFile;
import org.poststelle.core.config.ConfigSection;

/** docs/poststelle.example.yml is the config reference: it must name every key, with its default. */
class ConfigReferenceTest {
    private static final Path EXAMPLE = Path.of("..", "docs", "poststelle.example.yml");
    private static final Path DOCKER = Path.of("..", "docker", "poststelle.yml");

    /** The fragments each module keeps in docs/config, in the order docs/config/README.md gives. */
    private static final List<String> FRAGMENTS =
            List.of("server.yml", "auth.yml", "tls.yml", "store.yml", "imap.yml", "pop3.yml");

    @Test
    void theReferenceIsTheModulesFragmentsJoined() throws Exception {
        StringBuilder joined = new StringBuilder();
        for (String f : FRAGMENTS) {
            String text = Files.readString(Path.of("..", "docs", "config", f));
            if (joined.length() > 0) {
                joined.append('\n');
            }
            joined.append(text.endsWith("\n") ? text : text + "\n");
        }
        assertThat(Files.readString(EXAMPLE)).as("regenerate it as docs/config/README.md says")
                .isEqualTo(joined.toString());
    }

    @Test
    void theReferenceLoadsAndGivesExactlyTheDefaults() {
        Configuration documented = Configuration.from(ConfigFile.load(EXAMPLE, Map.of(), Map.of()));
        Configuration defaults = Configuration.from(ConfigFile.load(null, Map.of(), Map.of()));
        assertThat(documented.server()).isEqualTo(defaults.server());
        assertThat(documented.auth()).isEqualTo(defaults.auth());
        assertThat(documented.tls()).isEqualTo(defaults.tls());
        assertThat(documented.store()).isEqualTo(defaults.store());
        assertThat(documented.imap()).isEqualTo(defaults.imap());
        assertThat(documented.pop3()).isEqualTo(defaults.pop3());
        assertThat(documented.logLevel()).isEqualTo(defaults.logLevel());
    }

    @Test
    void everyKeyTheServerReadsIsDocumented() throws Exception {
        String text = Files.readString(EXAMPLE);
        ConfigSection root = ConfigFile.load(null, Map.of(), Map.of());
        Configuration.from(root);
        List<String> missing = new ArrayList<>();
        for (String key : root.readKeys()) {
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            Matcher m = Pattern.compile("(?m)^\\s*(#\\s*)?" + Pattern.quote(leaf) + ":").matcher(text);
            if (!m.find()) {
                missing.add(key);
            }
        }
        assertThat(missing).as("keys read by the server but not in %s", EXAMPLE).isEmpty();
    }

    @Test
    void theContainerConfigIsValid() {
        Configuration c = Configuration.from(ConfigFile.load(DOCKER, Map.of(), Map.of()));
        assertThat(c.server().listen()).containsExactly("0.0.0.0");
        assertThat(c.server().imapPort()).isEqualTo(143);
    }
}
