package dev.cognitoemulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.cognitoemulator.config.ConfigException;
import dev.cognitoemulator.config.EmulatorConfig;
import java.util.Arrays;
import org.slf4j.LoggerFactory;

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

    private static void configureLogging(String level) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level));
        Level libraries = root.getLevel().isGreaterOrEqual(Level.WARN) ? root.getLevel() : Level.WARN;
        ((Logger) LoggerFactory.getLogger("org.xnio")).setLevel(libraries);
        ((Logger) LoggerFactory.getLogger("io.undertow")).setLevel(libraries);
        ((Logger) LoggerFactory.getLogger("org.jboss")).setLevel(libraries);
    }
}
