package dev.cognitoemulator.config;

/** A setting that cannot be used; its message is one line, fit for a terminal. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
