package dev.cognitoemulator.http;

import static dev.cognitoemulator.http.RawHttp.AMZ_JSON;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.config.EmulatorConfig.Setting;
import dev.cognitoemulator.testing.SdkSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Requests whose HTTP framing is broken by the client: a body shorter than its {@code Content-Length}, broken
 * chunked encoding, requests Undertow's parser refuses, and {@code Expect: 100-continue}. A client fault is a 4xx in
 * the AWS shape or a clean close, logged at DEBUG, never a 500 or an ERROR. Raw sockets to 127.0.0.1 only.
 */
class FramingTest extends CognitoTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API_HEADERS = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + AMZ_JSON + "\r\n"
            + "X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth\r\n";
    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static final Duration BOUND = Duration.ofSeconds(10);

    private static JsonNode json(RawSocket.Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 4xx in the AWS JSON shape, with a request id, that closes the connection. */
    private static void assertAwsClientError(RawSocket.Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(UUID.fromString(response.header("x-amzn-RequestId")).version()).isEqualTo(4);
        assertThat(response.header("Content-Type")).isEqualTo(AMZ_JSON);
        assertThat(response.header("x-amzn-ErrorType")).isEqualTo(code + ":");
        assertThat(json(response).get("__type").asText()).isEqualTo(code);
        assertThat(json(response).get("message").asText()).isNotBlank();
    }

    private void assertStillServing() {
        try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
            assertThat(socket.send(HEALTH).read().status()).isEqualTo(200);
        }
    }

    private static void assertNoWarningOrError(LogCapture logs) {
        assertThat(logs.atLeast(Level.WARN)).as("warnings and errors").isEmpty();
    }

    // --- a body cut short ------------------------------------------------------------------------------------

    @Test
    void aBodyShorterThanItsContentLengthThenAHalfCloseIs400SerializationException() {
        try (LogCapture logs = LogCapture.start(); RawSocket socket = RawSocket.open(emulator.endpoint())) {
            socket.send(API_HEADERS + "Content-Length: 100\r\n\r\n{\"AuthFlow\":").shutdownOutput();
            RawSocket.Response response = socket.read();
            assertAwsClientError(response, 400, "SerializationException");
            assertThat(json(response).get("message").asText())
                    .isEqualTo("The request body ended before its declared length, or its chunked encoding is "
                            + "malformed.");
            assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(socket.closedByServerWithin(BOUND)).isTrue();
            assertNoWarningOrError(logs);
            assertThat(logs.messages(Level.DEBUG)).anySatisfy(m -> assertThat(m)
                    .startsWith("POST /: the request body could not be read"));
        }
        assertStillServing();
    }

    @Test
    void aDeclaredMegabyteThatNeverComesReservesNothingAndIsRefusedOnHalfClose() {
        // 1 MiB declared (the limit), 10 bytes sent: the server holds what arrived, not what was declared.
        try (LogCapture logs = LogCapture.start(); RawSocket socket = RawSocket.open(emulator.endpoint())) {
            socket.send(API_HEADERS + "Content-Length: 1048576\r\n\r\n{\"AuthFlow").shutdownOutput();
            assertAwsClientError(socket.read(), 400, "SerializationException");
            assertNoWarningOrError(logs);
        }
    }

    // --- broken chunked framing ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "FFFFFFFFFFFFFFFFFFFF\r\nabc\r\n", // a chunk size past any limit
        "2\r\n{}\r\n0\r\nNot a trailer\r\n\r\n" // a trailer line that is no header
    })
    void brokenChunkedFramingClosesTheConnectionWithoutAnErrorLog(String chunks) {
        try (LogCapture logs = LogCapture.start(); RawSocket socket = RawSocket.open(emulator.endpoint())) {
            socket.send(API_HEADERS + "Transfer-Encoding: chunked\r\n\r\n" + chunks);
            // Undertow's chunk reader closes the connection itself, before any answer can be written.
            assertThat(socket.closedByServerWithin(BOUND)).isTrue();
            assertNoWarningOrError(logs);
        }
        assertStillServing();
    }

    @Test
    void aChunkCutShortByAHalfCloseClosesTheConnectionWithoutAnErrorLog() {
        try (LogCapture logs = LogCapture.start(); RawSocket socket = RawSocket.open(emulator.endpoint())) {
            socket.send(API_HEADERS + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"Auth").shutdownOutput();
            assertThat(socket.closedByServerWithin(BOUND)).isTrue();
            assertNoWarningOrError(logs);
        }
        assertStillServing();
    }

    @Test
    void aChunkedBodyOfWellFormedChunksIsServed() {
        try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
            socket.send(API_HEADERS + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n1\r\n}\r\n0\r\n\r\n");
            RawSocket.Response response = socket.read();
            // Through to validation: the body was read whole.
            assertAwsClientError(response, 400, "InvalidParameterException");
        }
    }

    // --- what Undertow's HTTP parser refuses -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "GARBAGE\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nNoColonHere\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n{}",
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "G@T /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a b\r\nContent-Length: 2\r\n\r\n{}",
        "POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}"
    })
    void whatUndertowsParserRefusesIsABare400ThatClosesTheConnection(String request) {
        // Undertow answers these itself, before any handler runs, with a fixed "400, Content-Length: 0,
        // Connection: close": no request id, no AWS body (a documented limit, see README "Errors").
        try (LogCapture logs = LogCapture.start(); RawSocket socket = RawSocket.open(emulator.endpoint())) {
            RawSocket.Response response = socket.send(request).read();
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).isEmpty();
            assertThat(response.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(socket.closedByServerWithin(BOUND)).isTrue();
            assertNoWarningOrError(logs);
        }
        assertStillServing();
    }

    @Test
    void headersOverTheParsersLimitAreABare400() {
        try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
            RawSocket.Response response = socket.send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                    + "a".repeat(1_100_000) + "\r\n\r\n").read();
            assertThat(response.status()).isEqualTo(400);
        }
        assertStillServing();
    }

    // --- Expect: 100-continue -------------------------------------------------------------------------------

    /** The request line and headers of a signed ListUserPools of {@code body}, with {@code extra} headers. */
    private String signedHead(byte[] body, String extra) {
        SdkHttpRequest signed = SdkSigner.signRpc(emulator.endpoint(), "ListUserPools", body, "test", "test",
                "us-east-1", Instant.now());
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
        List<String> names = new ArrayList<>();
        signed.forEachHeader((name, values) -> {
            names.add(name.toLowerCase(Locale.ROOT));
            values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n"));
        });
        if (!names.contains("host")) {
            head.append("Host: 127.0.0.1:").append(emulator.port()).append("\r\n");
        }
        return head.append(extra).append("Content-Length: ").append(body.length).append("\r\n\r\n").toString();
    }

    @Test
    void expectContinueGetsItsInterimAnswerThenTheRealOne() {
        byte[] body = "{\"MaxResults\":10}".getBytes(StandardCharsets.UTF_8);
        try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
            socket.send(signedHead(body, "Expect: 100-continue\r\n"));
            assertThat(socket.read(Duration.ofSeconds(5)).status()).isEqualTo(100);
            RawSocket.Response response = socket.send(body).read();
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(json(response).has("UserPools")).isTrue();
            // Still kept alive after an answered 100-continue.
            assertThat(socket.send(HEALTH).read().status()).isEqualTo(200);
        }
    }

    @Test
    void expectContinueWithABodyOverTheLimitGets413AndNoContinue() {
        try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
            RawSocket.Response response = socket.send(API_HEADERS + "Expect: 100-continue\r\n"
                    + "Content-Length: 2000000\r\n\r\n").read(Duration.ofSeconds(5));
            assertAwsClientError(response, 413, "RequestEntityTooLargeException");
            assertThat(socket.closedByServerWithin(BOUND)).isTrue();
        }
    }

    @Test
    void expectContinueOnAnUnknownPathGets404AndNoContinue() {
        try (RawSocket socket = RawSocket.open(emulator.endpoint())) {
            RawSocket.Response response = socket.send("POST /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Expect: 100-continue\r\nContent-Length: 2\r\n\r\n").read(Duration.ofSeconds(5));
            assertAwsClientError(response, 404, "UnknownOperationException");
        }
    }

    // --- a body that stops arriving ----------------------------------------------------------------------------

    @Nested
    class StalledBody extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return builder.setting(Setting.READ_TIMEOUT_MS, "300");
        }

        @Test
        void aBodyThatStopsArrivingIsCutOffWithoutAnErrorLog() {
            try (LogCapture logs = LogCapture.start(); RawSocket socket = RawSocket.open(emulator.endpoint())) {
                socket.send(API_HEADERS + "Content-Length: 100\r\n\r\n{\"AuthFlow\":");
                assertThat(socket.closedByServerWithin(BOUND)).isTrue();
                assertNoWarningOrError(logs);
            }
        }
    }
}
