package dev.cognitoemulator.http;

import io.undertow.util.DateUtils;
import java.util.Date;
import java.util.function.LongSupplier;

/**
 * The {@code Date} header of every answer, formatted once a second per server. Undertow's own (its
 * {@code ALWAYS_SET_DATE}) caches the text in a static field and clears it with a timer on the I/O thread of the
 * server that set it: when that server stops within the second, the timer never runs and every server of the JVM
 * answers that stale date from then on (seen in this suite: two minutes behind), which an SDK takes for clock skew.
 */
final class HttpDate {

    private record Stamp(long second, String text) {
    }

    private final LongSupplier millis;
    private volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

    /** @param millis the wall clock in milliseconds ({@code System::currentTimeMillis}) */
    HttpDate(LongSupplier millis) {
        this.millis = millis;
    }

    /** The current second as an HTTP date ({@code Wed, 02 Dec 2026 14:05:00 GMT}). */
    String now() {
        long second = Math.floorDiv(millis.getAsLong(), 1000L);
        Stamp stamp = last;
        if (stamp.second() != second) {
            stamp = new Stamp(second, DateUtils.toDateString(new Date(second * 1000L)));
            last = stamp;
        }
        return stamp.text();
    }
}
