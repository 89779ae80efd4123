package org.poststelle.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.poststelle.core.config.ConfigFile;
import org.poststelle.core.config.ConfigSection;
import picocli.CommandLine.Option;

/** The options every command shares, so the CLI finds the same account database the server uses. */
final class Locations {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (YAML). Default: $POSTSTELLE_CONFIG if set, else built-in defaults.")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (overrides data_dir; default ./data).")
    Path data;

    Path configFile() {
        if (config != null) {
            return config;
        }
        String env = System.getenv("POSTSTELLE_CONFIG");
        return env == null || env.isBlank() ? null : Path.of(env);
    }

    /** Loads the configuration with these options and extra command-line overrides (dotted keys). */
    ConfigSection load(Map<String, Object> overrides) {
        Map<String, Object> all = new LinkedHashMap<>(overrides);
        if (data != null) {
            all.put("data_dir", data.toString());
        }
        return ConfigFile.load(configFile(), System.getenv(), all);
    }
}
