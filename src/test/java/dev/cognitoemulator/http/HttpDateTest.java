package dev.cognitoemulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The Date header's text follows the wall clock second by second, on its own for each server. */
class HttpDateTest {

    @Test
    void theTextIsTheCurrentSecondsAndChangesWithIt() {
        AtomicLong now = new AtomicLong(Instant.parse("2026-12-02T14:05:00.250Z").toEpochMilli());
        HttpDate date = new HttpDate(now::get);
        assertThat(date.now()).isEqualTo("Wed, 02 Dec 2026 14:05:00 GMT");
        now.addAndGet(700);
        assertThat(date.now()).isEqualTo("Wed, 02 Dec 2026 14:05:00 GMT");
        now.addAndGet(100);
        assertThat(date.now()).isEqualTo("Wed, 02 Dec 2026 14:05:01 GMT");
        now.addAndGet(119_000);
        assertThat(date.now()).isEqualTo("Wed, 02 Dec 2026 14:07:00 GMT");
    }

    @Test
    void anotherServersDateDoesNotLeakIn() {
        HttpDate stopped = new HttpDate(() -> Instant.parse("2026-12-02T14:00:00Z").toEpochMilli());
        assertThat(stopped.now()).isEqualTo("Wed, 02 Dec 2026 14:00:00 GMT");
        HttpDate running = new HttpDate(() -> Instant.parse("2026-12-02T14:02:00Z").toEpochMilli());
        assertThat(running.now()).isEqualTo("Wed, 02 Dec 2026 14:02:00 GMT");
    }
}
