package org.poststelle.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads poststelle.yml into a root {@link ConfigSection}; command-line flags are applied on top. */
public final class ConfigFile {
    private ConfigFile() {
    }

    /**
     * @param file the YAML file, or null for built-in defaults only
     * @param env the environment (System.getenv() in production)
     * @param overrides dotted keys set on the command line; they win over file and environment
     */
    public static ConfigSection load(Path file, Map<String, String> env, Map<String, Object> overrides) {
        Map<String, Object> tree = file == null ? new LinkedHashMap<>() : read(file);
        Map<String, String> effectiveEnv = new LinkedHashMap<>(env);
        for (Map.Entry<String, Object> o : overrides.entrySet()) {
            // a flag beats the environment as well as the file
            effectiveEnv.remove(ConfigSection.envName(o.getKey()));
            put(tree, o.getKey(), o.getValue());
        }
        return new ConfigSection("", tree, effectiveEnv, new LinkedHashSet<>());
    }

    public static ConfigSection parse(String yaml) {
        return new ConfigSection("", parseTree(yaml, "config"), Map.of(), new LinkedHashSet<>());
    }

    private static Map<String, Object> read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parseTree(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigException("--config", "file not found: " + file);
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseTree(Object source, String name) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Object doc;
        try {
            doc = source instanceof Reader r ? yaml.load(r) : yaml.load((String) source);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1);
            throw new ConfigException(name, "not valid YAML" + where + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new ConfigException(name, "not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (doc == null) {
            return new LinkedHashMap<>();
        }
        if (!(doc instanceof Map)) {
            throw new ConfigException(name, "must be a YAML mapping of keys to values");
        }
        return new LinkedHashMap<>((Map<String, Object>) doc);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String dotted, Object value) {
        String[] parts = dotted.split("\\.");
        Map<String, Object> m = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = m.get(parts[i]);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                m.put(parts[i], child);
            } else {
                child = new LinkedHashMap<>((Map<String, Object>) child);
                m.put(parts[i], child);
            }
            m = (Map<String, Object>) child;
        }
        m.put(parts[parts.length - 1], value);
    }
}
