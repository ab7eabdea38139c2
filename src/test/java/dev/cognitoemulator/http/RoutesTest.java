package dev.cognitoemulator.http;

import static dev.cognitoemulator.http.RawHttp.assertAwsError;
import static dev.cognitoemulator.http.RawHttp.assertStamped;
import static dev.cognitoemulator.http.RawHttp.get;
import static dev.cognitoemulator.http.RawHttp.json;
import static dev.cognitoemulator.http.RawHttp.request;
import static dev.cognitoemulator.http.RawHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.domain.Randomness;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** The route table: each surface answers an unknown path, a wrong method and its own failures in its own shape. */
class RoutesTest extends CognitoTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"/.well-known/jwks.json", "/.well-known/openid-configuration", "/a/b/.well-known/jwks.json",
        "/nothing", "/_emulator/nothing"})
    void unknownPathsOfTheJsonSurfacesAre404InTheAwsShape(String path) {
        String message = assertAwsError(get(emulator.endpoint(), path), 404, "UnknownOperationException");

        assertThat(message).isEqualTo("No resource at GET " + path + ".");
    }

    @Test
    void theKeysOfAnUnknownPoolAre404() {
        String message = assertAwsError(get(emulator.endpoint(), "/us-east-1_NoSuchOne/.well-known/jwks.json"), 404,
                "ResourceNotFoundException");

        assertThat(message).isEqualTo("User pool us-east-1_NoSuchOne does not exist.");
    }

    @Test
    void anUnknownOAuthPathIs404InTheOAuthShape() {
        // RFC 6749 section 5.2: {"error": ..., "error_description": ...}, never cached.
        HttpResponse<String> response = get(emulator.endpoint(), "/oauth2/nothing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertStamped(response);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("invalid_request");
        assertThat(body.get("error_description").asText()).isEqualTo("No resource at GET /oauth2/nothing.");
    }

    @Test
    void aMethodAPageDoesNotServeIs405AsAPage() {
        HttpResponse<String> response = send(request(emulator.endpoint(), "/logout")
                .POST(HttpRequest.BodyPublishers.ofString("a=b")).build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertStamped(response);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(response.body()).startsWith("<!DOCTYPE html>").contains("Method POST is not allowed on /logout.");
    }

    @Test
    void aPageWithoutItsAuthorizationRequestGoesToTheErrorPage() {
        HttpResponse<String> response = get(emulator.endpoint(), "/login");

        assertThat(response.statusCode()).isEqualTo(302);
        assertStamped(response);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/error?error=invalid_request&error_description=The+request+has+no+client_id.");
    }

    @Test
    void aMethodTheRouteDoesNotServeIs405() {
        HttpResponse<String> response = send(request(emulator.endpoint(), "/health")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(assertAwsError(response, 405, "MethodNotAllowedException"))
                .isEqualTo("Method POST is not allowed on /health.");
    }

    @Test
    void theSameSeedMakesTheSameIds() {
        // One randomness source for ids, codes, salts and keys: a test can fix it.
        try (CognitoEmulator a = CognitoEmulator.builder().port(0).random(Randomness.seeded(5)).build().start();
                CognitoEmulator b = CognitoEmulator.builder().port(0).random(Randomness.seeded(5)).build().start()) {
            String first = createPool(a);
            String second = createPool(b);

            assertThat(first).isEqualTo(second).matches("us-east-1_[0-9A-Za-z]{9}");
        }
    }

    private String createPool(CognitoEmulator other) {
        try (CognitoIdentityProviderClient client = CognitoIdentityProviderClient.builder()
                .endpointOverride(other.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(() -> AwsBasicCredentials.create("test", "test"))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            return client.createUserPool(b -> b.poolName("seeded")).userPool().id();
        }
    }
}
