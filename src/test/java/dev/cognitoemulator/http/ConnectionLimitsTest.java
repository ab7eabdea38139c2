package dev.cognitoemulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.config.EmulatorConfig.Setting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Connections that hold the server: silent, slow or too many. Each class sets one limit small (the others off or
 * long), opens raw sockets to 127.0.0.1 and waits, bounded, for the server to close them. No test sleeps.
 */
class ConnectionLimitsTest {

    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    /** Far longer than any configured limit here, short enough to fail fast when a limit does not work. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** Only the limit under test is set; everything else is off. */
    private static CognitoEmulator.Builder allOff(CognitoEmulator.Builder builder) {
        return builder.setting(Setting.IDLE_TIMEOUT_MS, "0").setting(Setting.REQUEST_PARSE_TIMEOUT_MS, "0").setting(Setting.NO_REQUEST_TIMEOUT_MS, "0").setting(Setting.READ_TIMEOUT_MS, "0");
    }

    @Nested
    class IdleTimeout extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return allOff(builder).setting(Setting.IDLE_TIMEOUT_MS, "300");
        }

        @Test
        void aConnectionThatSendsNothingIsClosed() {
            try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
                assertThat(socket.closedByServerWithin(BOUND)).isTrue();
            }
        }

        @Test
        void aKeptAliveConnectionIsClosedAfterItsLastAnswer() {
            try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
                assertThat(socket.send(HEALTH).read().status()).isEqualTo(200);
                assertThat(socket.closedByServerWithin(BOUND)).isTrue();
            }
        }

        @Test
        void aStalledRequestIsClosed() {
            try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
                socket.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"Max");
                assertThat(socket.closedByServerWithin(BOUND)).isTrue();
            }
        }
    }

    @Nested
    class NoRequestTimeout extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return allOff(builder).setting(Setting.NO_REQUEST_TIMEOUT_MS, "300");
        }

        @Test
        void aConnectionThatNeverStartsARequestIsClosed() {
            try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
                assertThat(socket.closedByServerWithin(BOUND)).isTrue();
            }
        }

        @Test
        void aKeptAliveConnectionThatStartsNoNextRequestIsClosed() {
            try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
                assertThat(socket.send(HEALTH).read().status()).isEqualTo(200);
                assertThat(socket.send(HEALTH).read().status()).isEqualTo(200);
                assertThat(socket.closedByServerWithin(BOUND)).isTrue();
            }
        }
    }

    @Nested
    class RequestParseTimeout extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return allOff(builder).setting(Setting.REQUEST_PARSE_TIMEOUT_MS, "300");
        }

        @Test
        void headersThatNeverEndAreCutOff() {
            // Slowloris: a request line and some headers, then nothing.
            try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
                socket.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AWSCognito");
                assertThat(socket.closedByServerWithin(BOUND)).isTrue();
            }
        }

        @Test
        void aSilentConnectionIsNotAParseInProgress() {
            // Only a begun request is timed by this limit.
            try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
                assertThat(socket.silentFor(Duration.ofMillis(1_000))).isTrue();
                assertThat(socket.send(HEALTH).read().status()).isEqualTo(200);
            }
        }
    }

    @Nested
    class ReadTimeout extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return allOff(builder).setting(Setting.READ_TIMEOUT_MS, "300");
        }

        @Test
        void aBodyThatStopsArrivingIsCutOff() {
            try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
                socket.send("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
                        + "X-Amz-Target: AWSCognitoIdentityProviderService.ListUserPools\r\nContent-Length: 100\r\n\r\n"
                        + "{\"MaxResults\":");
                assertThat(socket.closedByServerWithin(BOUND)).isTrue();
            }
        }

        @Test
        void aConnectionWaitingForItsNextRequestIsClosed() {
            try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
                assertThat(socket.send(HEALTH).read().status()).isEqualTo(200);
                assertThat(socket.closedByServerWithin(BOUND)).isTrue();
            }
        }
    }

    @Nested
    class MaxConnections extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return builder.setting(Setting.MAX_CONNECTIONS, "4");
        }

        @Test
        void aClientPastTheCapWaitsUntilAConnectionCloses() {
            List<RawSocket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    RawSocket socket = RawSocket.open(emulator.endpoint());
                    held.add(socket);
                    assertThat(socket.send(HEALTH).read().status()).isEqualTo(200);
                }
                try (RawSocket waiting = RawSocket.open(emulator.endpoint())) {
                    // The kernel completes the handshake; the server does not accept it while at the cap.
                    assertThat(waiting.send(HEALTH).silentFor(Duration.ofMillis(1_000))).isTrue();
                    held.remove(0).close();
                    assertThat(waiting.read(BOUND).status()).isEqualTo(200);
                }
            } finally {
                held.forEach(RawSocket::close);
            }
        }
    }

    @Nested
    class ManyIdleSockets extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return builder.setting(Setting.MAX_CONNECTIONS, "8").setting(Setting.IDLE_TIMEOUT_MS, "300").setting(Setting.NO_REQUEST_TIMEOUT_MS, "300");
        }

        @Test
        void idleSocketsBeyondTheCapDoNotStopTheServerForLong() {
            // The fd-exhaustion attack in small: far more idle sockets than the cap. The server holds at most the
            // cap, closes the idle ones and answers a real client once their time is up.
            List<RawSocket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {
                    idle.add(RawSocket.open(emulator.endpoint()));
                }
                try (RawSocket client = RawSocket.open(emulator.endpoint())) {
                    assertThat(client.send(HEALTH).read(Duration.ofSeconds(30)).status()).isEqualTo(200);
                }
            } finally {
                idle.forEach(RawSocket::close);
            }
        }
    }
}
