package dev.cognitoemulator;

import dev.cognitoemulator.config.ConfigException;
import dev.cognitoemulator.config.EmulatorConfig;
import java.util.Arrays;

/** {@code java -jar cognito-emulator.jar [options]}: flags and environment to config, then a running server. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(EmulatorConfig.help());
            return;
        }
        EmulatorConfig config;
        try {
            config = EmulatorConfig.parse(args, System.getenv());
        } catch (ConfigException e) {
            System.err.println("cognito-emulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        configureLogging(config.logLevel());
        CognitoEmulator emulator = CognitoEmulator.builder().config(config).build();
        try {
            emulator.start();
        } catch (RuntimeException e) {
            System.err.println("cognito-emulator: cannot listen on " + config.host() + ":" + config.port() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "cognito-emulator-shutdown"));
    }

    /**
     * Points logback, the backend the runnable jar ships, at {@code dev/cognitoemulator/logback.xml} (unless
     * {@code -Dlogback.configurationFile} names the user's own) and hands it the levels. Runs before the first
     * logger is made, so this code needs slf4j only; embedders, who start {@link CognitoEmulator} themselves, keep
     * their own logging.
     */
    private static void configureLogging(String level) {
        System.setProperty("cognitoemulator.logLevel", level);
        // Libraries stay at WARN below it: their DEBUG and TRACE dump request bodies and headers.
        System.setProperty("cognitoemulator.libraryLogLevel", "error".equals(level) ? "error" : "warn");
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/cognitoemulator/logback.xml");
        }
    }
}
