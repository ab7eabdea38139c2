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
        haltOnFatalError();
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
     * Every request catches what it throws, {@link Error}s too, and answers 500. An {@code Error} that still kills a
     * thread (memory exhausted outside any request) would leave the server half alive: connections handled by a
     * dead IO thread are never served again. Running standalone, the process stops instead, with exit code 1, so a
     * supervisor can restart it. An embedded emulator leaves its host's JVM alone.
     */
    private static void haltOnFatalError() {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            try {
                LoggerFactory.getLogger(Main.class).error("Uncaught in thread {}", thread.getName(), failure);
            } catch (Throwable ignored) {
                // stopping anyway, if it was fatal
            }
            if (failure instanceof Error) {
                System.err.println("cognito-emulator: " + failure.getClass().getName() + " in thread "
                        + thread.getName() + "; stopping");
                Runtime.getRuntime().halt(1);
            }
        });
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
