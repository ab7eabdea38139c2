package dev.cognitoemulator;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The runnable jar's logging, set up by {@link Main} in code: logback's XML configuration and its pattern layout took
 * about 0.3 s of a 0.9 s start. One console line an event, {@code HH:mm:ss.SSS LEVEL [thread] logger - message}.
 * Nothing may print a secret at any level: the emulator's own loggers log no request bodies, headers, passwords or
 * tokens, and every library logger that can (HTTP servers and clients dump bodies and Authorization headers at DEBUG
 * and TRACE) is held at {@code libraryLevel}, WARN or ERROR, even under trace. Only Main loads this class, and only
 * where logback is the backend (the runnable jar's); embedders keep their own logging.
 */
final class JarLogging {

    /** Undertow, XNIO, JBoss; and HTTP clients and AWS SDKs, on the classpath when Main runs beside them (tests). */
    private static final List<String> LIBRARIES = List.of("io.undertow", "org.xnio", "org.jboss", "org.wildfly",
            "io.smallrye", "software.amazon.awssdk", "com.amazonaws", "org.apache.http", "org.apache.hc", "io.netty");

    private JarLogging() {
    }

    static void install(String level, String libraryLevel) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        Line layout = new Line();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level, Level.INFO));
        root.addAppender(console);
        for (String library : LIBRARIES) {
            context.getLogger(library).setLevel(Level.toLevel(libraryLevel, Level.WARN));
        }
    }

    /** {@code %d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n}, and the stack trace of a throwable. */
    static final class Line extends LayoutBase<ILoggingEvent> {

        private static final ZoneId ZONE = ZoneId.systemDefault();
        private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(36);

        @Override
        public String doLayout(ILoggingEvent event) {
            LocalTime time = LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), ZONE);
            StringBuilder line = new StringBuilder(128);
            digits(line, time.getHour(), 2).append(':');
            digits(line, time.getMinute(), 2).append(':');
            digits(line, time.getSecond(), 2).append('.');
            digits(line, time.getNano() / 1_000_000, 3).append(' ');
            String level = event.getLevel().toString();
            line.append(level).append(" ".repeat(Math.max(0, 5 - level.length())));
            line.append(" [").append(event.getThreadName()).append("] ")
                    .append(abbreviator.abbreviate(event.getLoggerName())).append(" - ")
                    .append(event.getFormattedMessage()).append('\n');
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                line.append(ThrowableProxyUtil.asString(thrown)).append('\n');
            }
            return line.toString();
        }

        private static StringBuilder digits(StringBuilder line, int value, int width) {
            String text = Integer.toString(value);
            return line.append("0".repeat(Math.max(0, width - text.length()))).append(text);
        }
    }
}
