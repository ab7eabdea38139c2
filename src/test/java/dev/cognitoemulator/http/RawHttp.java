package dev.cognitoemulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoemulator.testing.SdkSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Raw HTTP/1.1 to the emulator (127.0.0.1 only), and the checks every AWS JSON response must pass. */
final class RawHttp {

    static final String AMZ_JSON = "application/x-amz-json-1.1";
    /** Headers java.net.http sets itself and refuses to take from the caller. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(URI endpoint, String path) {
        return HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(10));
    }

    static HttpResponse<String> get(URI endpoint, String path) {
        return send(request(endpoint, path).GET().build());
    }

    /** An unsigned {@code POST /}; {@code target} null sends no X-Amz-Target. */
    static HttpResponse<String> unsigned(URI endpoint, String target, String body) {
        HttpRequest.Builder builder = request(endpoint, "/").header("Content-Type", AMZ_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            builder.header("X-Amz-Target", target);
        }
        return send(builder.build());
    }

    /** {@code POST /} for the operation, signed by the SDK's signer with {@code key:secret} at {@code at}. */
    static HttpResponse<String> signed(URI endpoint, String operation, String body, String key, String secret,
            Instant at) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return sendSigned(SdkSigner.signRpc(endpoint, operation, bytes, key, secret, "us-east-1", at),
                HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    static HttpResponse<String> signed(URI endpoint, String operation, String body) {
        return signed(endpoint, operation, body, "test", "test", Instant.now());
    }

    static HttpResponse<String> sendSigned(SdkHttpRequest signed, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(signed.getUri()).timeout(Duration.ofSeconds(10))
                .method(signed.method().name(), body);
        signed.forEachHeader((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return send(builder.build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** x-amzn-RequestId (a canonical version-4 UUID) and a current Date, as on every AWS response. */
    static void assertStamped(HttpResponse<String> response) {
        String id = response.headers().firstValue("x-amzn-RequestId").orElse(null);
        assertThat(id).as("x-amzn-RequestId").isNotNull();
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.toString()).isEqualTo(id);
        assertThat(uuid.version()).isEqualTo(4);
        String date = response.headers().firstValue("Date").orElse(null);
        assertThat(date).as("Date").isNotNull();
        Instant sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(Duration.between(sent, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    /** An AWS JSON 1.1 response: stamped, {@code application/x-amz-json-1.1}. */
    static void assertAwsJson(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertStamped(response);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(AMZ_JSON);
    }

    /**
     * An AWS JSON error: status, {@code x-amzn-ErrorType: <code>} (AWS appends {@code :<namespace>}, so anything
     * after a colon is allowed), body exactly {@code {"__type":"<code>","message":"<text>"}}; returns the message.
     */
    static String assertAwsError(HttpResponse<String> response, int status, String code) {
        assertAwsJson(response, status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType").orElse(""))
                .as("x-amzn-ErrorType").matches(Pattern.quote(code) + "(:.*)?");
        JsonNode body = json(response);
        assertThat(body.get("__type").asText()).isEqualTo(code);
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("__type", "message");
        return body.get("message").asText();
    }

}
