package dev.cognitoemulator.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * What the server logs while a test runs: every warning and error, and the front door's DEBUG lines (where client
 * faults go). Those DEBUG lines are kept off the console.
 */
final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger failures = (Logger) LoggerFactory.getLogger(Failures.class);
    private final Level previousLevel = failures.getLevel();
    private final boolean previousAdditive = failures.isAdditive();

    private LogCapture() {
        appender.start();
        root.addAppender(appender);
        failures.addAppender(appender);
        failures.setAdditive(false);
        failures.setLevel(Level.DEBUG);
    }

    static LogCapture start() {
        return new LogCapture();
    }

    /** Events at {@code level} or above, in order. */
    List<ILoggingEvent> atLeast(Level level) {
        return events().stream().filter(e -> e.getLevel().isGreaterOrEqual(level)).toList();
    }

    /** The messages logged at exactly {@code level}, formatted. */
    List<String> messages(Level level) {
        return events().stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** A copy: server threads append under the appender's lock. */
    private List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    @Override
    public void close() {
        failures.setLevel(previousLevel);
        failures.setAdditive(previousAdditive);
        failures.detachAppender(appender);
        root.detachAppender(appender);
        appender.stop();
    }
}
