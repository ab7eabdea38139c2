package dev.cognitoemulator;

import dev.cognitoemulator.config.ConfigException;
import dev.cognitoemulator.config.EmulatorConfig;
import dev.cognitoemulator.fixtures.SeedException;
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
        CognitoEmulator emulator;
        try {
            emulator = CognitoEmulator.builder().config(config).build().start();
        } catch (SeedException e) {
            // A refused seed entry: the file, the entry and the AWS error, in one line.
            System.err.println("cognito-emulator: " + e.oneLine(config.seed()));
            System.exit(2);
            return;
        } catch (ConfigException e) {
            // A port in use, an unusable TLS certificate or key, a data directory held by another process or
            // unreadable: one line, no stack trace.
            System.err.println("cognito-emulator: " + e.getMessage());
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

    /**
     * Sets up logback, the backend the runnable jar ships, in code ({@link JarLogging}), unless
     * {@code -Dlogback.configurationFile} names the user's own configuration, which logback then reads. Runs before the
     * emulator's first logger is made. Elsewhere (another backend on the classpath) it leaves logging alone.
     */
    private static void configureLogging(String level) {
        // Libraries stay at WARN below it: their DEBUG and TRACE dump request bodies and headers.
        String libraryLevel = "error".equals(level) ? "error" : "warn";
        if (System.getProperty("logback.configurationFile") == null && logbackPresent()) {
            JarLogging.install(level, libraryLevel);
        }
    }

    private static boolean logbackPresent() {
        try {
            Class.forName("ch.qos.logback.classic.LoggerContext", false, Main.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
