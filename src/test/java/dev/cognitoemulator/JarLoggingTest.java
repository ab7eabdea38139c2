package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The runnable jar's log line is what its logback pattern was: {@code %d{HH:mm:ss.SSS} %-5level [%thread] ...}. */
class JarLoggingTest {

    private final LoggerContext context = new LoggerContext();

    private String line(Level level, String logger, String message, Throwable thrown) {
        LoggingEvent event = new LoggingEvent("fqcn", context.getLogger(logger), level, message, thrown, null);
        event.setThreadName("main");
        event.setTimeStamp(LocalDateTime.of(2026, 12, 2, 7, 5, 9, 42_000_000).atZone(ZoneId.systemDefault())
                .toInstant().toEpochMilli());
        return new JarLogging.Line().doLayout(event);
    }

    @Test
    void aLineAsThePatternWroteIt() {
        assertThat(line(Level.INFO, "dev.cognitoemulator.CognitoEmulator", "listening", null))
                .isEqualTo("07:05:09.042 INFO  [main] dev.cognitoemulator.CognitoEmulator - listening\n");
        assertThat(line(Level.DEBUG, "dev.cognitoemulator.protocol.Dispatcher", "x", null))
                .isEqualTo("07:05:09.042 DEBUG [main] d.c.protocol.Dispatcher - x\n");
    }

    @Test
    void aThrowableFollowsItsLine() {
        assertThat(line(Level.ERROR, "a.b", "failed", new IllegalStateException("boom")))
                .startsWith("07:05:09.042 ERROR [main] a.b - failed\njava.lang.IllegalStateException: boom\n");
    }
}
