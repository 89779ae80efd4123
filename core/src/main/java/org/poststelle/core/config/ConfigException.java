package org.poststelle.core.config;

/** A configuration problem, always naming the key it is about; the CLI prints it as one line and exits 2. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ConfigException(String key, String message) {
        super(key + ": " + message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
