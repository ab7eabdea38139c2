package dev.cognitoemulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock plus an offset a test can move forward, so that "this date changed" is certain without
 * sleeping. Moves stay far inside SigV4's 15-minute window.
 */
public final class TestClock extends Clock {

    private final AtomicLong offsetMillis = new AtomicLong();

    /** Moves the emulator's time forward. */
    public void advance(Duration by) {
        offsetMillis.addAndGet(by.toMillis());
    }

    @Override
    public Instant instant() {
        return Instant.now().plusMillis(offsetMillis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
