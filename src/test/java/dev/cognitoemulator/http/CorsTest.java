package dev.cognitoemulator.http;

import static dev.cognitoemulator.http.RawHttp.assertAwsError;
import static dev.cognitoemulator.http.RawHttp.assertAwsJson;
import static dev.cognitoemulator.http.RawHttp.assertStamped;
import static dev.cognitoemulator.http.RawHttp.request;
import static dev.cognitoemulator.http.RawHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.testing.SdkSigner;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CORS on every answer, as a browser page calling the API meets it, in raw HTTP (127.0.0.1 only).
 *
 * <p>Captured (aws-amplify/amplify-js#824, a browser's POST to cognito-idp): {@code Access-Control-Allow-Origin: *}
 * and {@code Access-Control-Expose-Headers: x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date}. The
 * preflight's answer is unconfirmed for Cognito: 200, empty body, requested headers allowed, max age 172800, as
 * AWS's JSON front end answers for Kinesis (mhart/kinesalite).
 */
class CorsTest extends CognitoTestSupport {

    private static final String PAGE = "http://127.0.0.1:5173";
    private static final String EXPOSED = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date";
    /** What the browser SDKs send (see {@link Cors#ALLOWED_HEADERS} for where each comes from). */
    private static final List<String> SDK_HEADERS = List.of("content-type", "x-amz-target", "x-amz-user-agent",
            "authorization", "x-amz-date", "x-amz-security-token", "amz-sdk-invocation-id", "amz-sdk-request",
            "cache-control", "x-amz-content-sha256");

    // --- helpers --------------------------------------------------------------------------------------------

    /** A browser's preflight: OPTIONS with Origin, Access-Control-Request-Method and, if given, -Request-Headers. */
    static HttpResponse<String> preflight(CognitoEmulator emulator, String path, String origin, String headers) {
        HttpRequest.Builder builder = request(emulator.endpoint(), path).method("OPTIONS",
                HttpRequest.BodyPublishers.noBody()).header("Access-Control-Request-Method", "POST");
        if (origin != null) {
            builder.header("Origin", origin);
        }
        if (headers != null) {
            builder.header("Access-Control-Request-Headers", headers);
        }
        return send(builder.build());
    }

    /** An unsigned POST / as amazon-cognito-identity-js sends it, from {@code origin} (null: no Origin). */
    static HttpResponse<String> post(CognitoEmulator emulator, String origin, String operation, String body) {
        HttpRequest.Builder builder = request(emulator.endpoint(), "/")
                .header("Content-Type", RawHttp.AMZ_JSON)
                .header("X-Amz-Target", SdkSigner.TARGET_PREFIX + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return send(builder.build());
    }

    static HttpResponse<String> get(CognitoEmulator emulator, String origin, String path) {
        return send(request(emulator.endpoint(), path).header("Origin", origin).GET().build());
    }

    /** {@code Access-Control-Allow-Origin} as given, and the captured expose list. */
    static void assertCors(HttpResponse<String> response, String allowOrigin) {
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).as("Access-Control-Allow-Origin")
                .containsExactly(allowOrigin);
        assertThat(response.headers().allValues("Access-Control-Expose-Headers")).as("Access-Control-Expose-Headers")
                .containsExactly(EXPOSED);
    }

    static void assertNoCors(HttpResponse<String> response) {
        assertThat(response.headers().map().keySet())
                .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
    }

    static List<String> allowedHeaders(HttpResponse<String> response) {
        return Arrays.asList(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").split(","));
    }

    // --- the preflight --------------------------------------------------------------------------------------

    @Test
    void thePreflightIs200WithAnEmptyBodyAndEveryCorsHeader() {
        HttpResponse<String> response = preflight(emulator, "/", PAGE, "content-type,x-amz-target,x-amz-user-agent");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Content-Length")).hasValue("0");
        assertStamped(response);
        assertCors(response, "*");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST, GET, OPTIONS");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("172800");
        assertThat(response.headers().firstValue("Vary")).isEmpty();
    }

    @Test
    void thePreflightAllowsEveryHeaderTheBrowserSdksSend() {
        assertThat(allowedHeaders(preflight(emulator, "/", PAGE, null))).containsAll(SDK_HEADERS)
                .doesNotHaveDuplicates();
    }

    @Test
    void thePreflightAllowsTheHeadersItIsAskedForOnceEachLowerCased() {
        HttpResponse<String> response = preflight(emulator, "/", PAGE, "X-Amz-Target, Content-Type,X-Made-Up-Header");
        assertThat(allowedHeaders(response)).containsAll(SDK_HEADERS).contains("x-made-up-header")
                .doesNotHaveDuplicates();
    }

    @Test
    void aRequestedHeaderThatIsNoHeaderNameIsNotEchoed() {
        HttpResponse<String> response = preflight(emulator, "/", PAGE, "x-good, bad name, <script>");
        assertThat(allowedHeaders(response)).contains("x-good").doesNotContain("bad name", "<script>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/no/such/thing", "/us-east-1_abc123/.well-known/jwks.json"})
    void thePreflightIsAnsweredOnAnyPath(String path) {
        HttpResponse<String> response = preflight(emulator, path, PAGE, "content-type");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertCors(response, "*");
    }

    @Test
    void anOptionsRequestWithoutOriginIsNoPreflightAndStaysRefused() {
        HttpResponse<String> response = preflight(emulator, "/", null, null);
        assertAwsError(response, 405, "MethodNotAllowedException");
        assertCors(response, "*");
    }

    // --- every answer ---------------------------------------------------------------------------------------

    /** A signed POST / from the page (Origin is not signed, as the AWS SDK for JavaScript sends it). */
    private static final String DISABLE_LOCAL_USER = "{\"UserPoolId\":\"us-east-1_abc123\",\"User\":{\"ProviderName\":\"Cognito\",\"ProviderAttributeName\":\"Cognito_Subject\",\"ProviderAttributeValue\":\"alice\"}}";

    private HttpResponse<String> signedFromPage(String operation, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var signed = SdkSigner.signRpc(emulator.endpoint(), operation, bytes, "test", "test", "us-east-1",
                Instant.now()).toBuilder().putHeader("Origin", PAGE).build();
        return RawHttp.sendSigned(signed, HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    @Test
    void aSuccessCarriesTheCorsHeaders() {
        HttpResponse<String> response = signedFromPage("ListUserPools", "{\"MaxResults\":10}");
        assertAwsJson(response, 200);
        assertCors(response, "*");
    }

    @Test
    void anAwsErrorCarriesTheCorsHeaders() {
        HttpResponse<String> response = post(emulator, PAGE, "NoSuchOperation", "{}");
        assertAwsError(response, 400, "UnknownOperationException");
        assertCors(response, "*");
    }

    @Test
    void aNotImplementedAnswerCarriesTheCorsHeaders() {
        // What the emulator does not do (AdminDisableProviderForUser of a local user) is 501.
        HttpResponse<String> response = signedFromPage("AdminDisableProviderForUser", DISABLE_LOCAL_USER);
        assertAwsError(response, 501, "NotImplementedException");
        assertCors(response, "*");
    }

    @Test
    void anUnknownPathCarriesTheCorsHeaders() {
        HttpResponse<String> response = get(emulator, PAGE, "/no/such/thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertCors(response, "*");
    }

    @Test
    void aWrongMethodCarriesTheCorsHeaders() {
        HttpResponse<String> response = get(emulator, PAGE, "/");
        assertAwsError(response, 405, "MethodNotAllowedException");
        assertCors(response, "*");
    }

    @Test
    void healthAndTheWellKnownAnswersCarryTheCorsHeaders() {
        assertCors(get(emulator, PAGE, "/health"), "*");
        String pool = cognito.createUserPool(b -> b.poolName("cors")).userPool().id();
        HttpResponse<String> keys = get(emulator, PAGE, "/" + pool + "/.well-known/jwks.json");
        assertThat(keys.statusCode()).isEqualTo(200);
        assertCors(keys, "*");
    }

    @Test
    void withAnyOriginEvenAnAnswerToARequestWithoutOriginCarriesThem() {
        HttpResponse<String> response = post(emulator, null, "NoSuchOperation", "{}");
        assertCors(response, "*");
        assertThat(response.headers().firstValue("Vary")).isEmpty();
    }

    @Nested
    class SmallBodyLimit extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return builder.maxBodyBytes(1024);
        }

        @Test
        void aTooLargeBodyIs413WithTheCorsHeaders() {
            HttpResponse<String> response = post(emulator, PAGE, "ListUserPools",
                    "{\"MaxResults\":10,\"Pad\":\"" + "x".repeat(2048) + "\"}");
            assertAwsError(response, 413, "RequestEntityTooLargeException");
            assertCors(response, "*");
        }
    }

    // --- a list of origins ----------------------------------------------------------------------------------

    @Nested
    class OriginList extends CognitoTestSupport {

        private static final String OTHER = "https://app.example.test";
        private static final String STRANGER = "http://127.0.0.1:6666";

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return builder.corsAllowedOrigins(PAGE, OTHER);
        }

        @Test
        void aListedOriginsPreflightIsAnsweredWithThatOriginAndVary() {
            HttpResponse<String> response = preflight(emulator, "/", OTHER, "content-type,x-amz-target");
            assertThat(response.statusCode()).isEqualTo(200);
            assertCors(response, OTHER);
            assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
            assertThat(allowedHeaders(response)).containsAll(SDK_HEADERS);
        }

        @Test
        void aListedOriginsCallIsAnsweredWithThatOriginAndVary() {
            HttpResponse<String> response = post(emulator, PAGE, "NoSuchOperation", "{}");
            assertAwsError(response, 400, "UnknownOperationException");
            assertCors(response, PAGE);
            assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
        }

        @Test
        void originsAreComparedWithoutCaseAndAnsweredAsSent() {
            HttpResponse<String> response = post(emulator, "HTTPS://App.Example.Test", "NoSuchOperation", "{}");
            assertCors(response, "HTTPS://App.Example.Test");
        }

        @Test
        void anUnlistedOriginsPreflightGetsNoCorsHeaders() {
            HttpResponse<String> response = preflight(emulator, "/", STRANGER, "content-type");
            assertThat(response.statusCode()).isEqualTo(405);
            assertNoCors(response);
            assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
        }

        @Test
        void anUnlistedOriginsCallIsServedWithoutCorsHeaders() {
            HttpResponse<String> response = post(emulator, STRANGER, "NoSuchOperation", "{}");
            assertAwsError(response, 400, "UnknownOperationException");
            assertNoCors(response);
            assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
        }

        @Test
        void aCallWithoutOriginGetsNoCorsHeaders() {
            HttpResponse<String> response = post(emulator, null, "NoSuchOperation", "{}");
            assertNoCors(response);
            assertThat(response.headers().allValues("Vary")).containsExactly("Origin");
        }
    }

    @Nested
    class NoOrigin extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return builder.corsAllowedOrigins();
        }

        @Test
        void anEmptyListRefusesEveryOrigin() {
            assertNoCors(preflight(emulator, "/", PAGE, "content-type"));
            assertNoCors(post(emulator, PAGE, "NoSuchOperation", "{}"));
        }
    }
}
