package dev.cognitoemulator.http;

import static dev.cognitoemulator.http.RawHttp.assertAwsError;
import static dev.cognitoemulator.http.RawHttp.assertAwsJson;
import static dev.cognitoemulator.http.RawHttp.assertStamped;
import static dev.cognitoemulator.http.RawHttp.get;
import static dev.cognitoemulator.http.RawHttp.json;
import static dev.cognitoemulator.http.RawHttp.request;
import static dev.cognitoemulator.http.RawHttp.send;
import static dev.cognitoemulator.http.RawHttp.signed;
import static dev.cognitoemulator.http.RawHttp.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.testing.SdkSigner;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;

/**
 * The AWS JSON 1.1 front door as clients meet it: raw HTTP for what the SDK hides (headers, status, body shape)
 * and the AWS SDK for Java v2 for what SDK users see. Only 127.0.0.1 is contacted.
 */
class FrontDoorTest extends CognitoTestSupport {

    private static final String PREFIX = SdkSigner.TARGET_PREFIX;
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";

    /** The client's calls are served: the pool it creates is in the list it reads back. */
    private static void assertServed(CognitoIdentityProviderClient client) {
        String poolId = client.createUserPool(b -> b.poolName("served")).userPool().id();
        assertThat(client.listUserPools(b -> b.maxResults(60)).userPools()).extracting(UserPoolDescriptionType::id)
                .contains(poolId);
    }

    // --- health and stamping -------------------------------------------------------------------------------

    @Test
    void healthAnswersOk() {
        HttpResponse<String> response = get(emulator.endpoint(), "/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
        assertStamped(response);
    }

    @Test
    void aSuccessfulCallIsStampedAndTypedAsAwsJson() {
        HttpResponse<String> response = signed(emulator.endpoint(), "ListUserPools", "{\"MaxResults\":10}");
        assertAwsJson(response, 200);
        assertThat(json(response).has("UserPools")).isTrue();
    }

    @Test
    void everyResponseCarriesItsOwnRequestId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = unsigned(emulator.endpoint(), PREFIX + "Nope", "{}");
            ids.add(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
        }
        ids.add(get(emulator.endpoint(), "/health").headers().firstValue("x-amzn-RequestId").orElseThrow());
        assertThat(ids).hasSize(6);
    }

    @Test
    void theSdkSeesTheRequestIdOfAnError() {
        CognitoIdentityProviderException e = awsError("InvalidParameterException",
                () -> cognito.listUserPools(b -> b.maxResults(0)));
        assertThat(e.requestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    // --- routing -------------------------------------------------------------------------------------------

    @Test
    void aMissingTargetIsAnUnknownOperation() {
        String message = assertAwsError(unsigned(emulator.endpoint(), null, "{}"), 400, "UnknownOperationException");
        assertThat(message).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {PREFIX + "NoSuchOperation", "DynamoDB_20120810.ListTables", "ListUserPools", PREFIX,
        "AWSCognitoIdentityProviderService"})
    void anUnknownTargetIsAnUnknownOperation(String target) {
        assertAwsError(unsigned(emulator.endpoint(), target, "{}"), 400, "UnknownOperationException");
    }

    @Test
    void anUnknownTargetIsRefusedBeforeAuthentication() {
        // The target is looked up first: an unsigned call to an unknown operation is not an auth failure.
        assertAwsError(unsigned(emulator.endpoint(), PREFIX + "AdminFlyToTheMoon", "{}"), 400,
                "UnknownOperationException");
    }

    @Test
    void whatTheEmulatorDoesNotDoIs501NamingIt() {
        // AdminDisableProviderForUser of a local user (ProviderName Cognito) is not supported.
        HttpResponse<String> response = signed(emulator.endpoint(), "AdminDisableProviderForUser",
                "{\"UserPoolId\":\"us-east-1_abc123\",\"User\":{\"ProviderName\":\"Cognito\",\"ProviderAttributeName\":\"Cognito_Subject\",\"ProviderAttributeValue\":\"alice\"}}");
        assertThat(assertAwsError(response, 501, "NotImplementedException")).contains("ProviderName Cognito");
    }

    @Test
    void theSdkSeesNotImplementedExceptionWithStatus501() {
        CognitoIdentityProviderException e = catchThrowableOfType(CognitoIdentityProviderException.class,
                () -> cognito.adminDisableProviderForUser(b -> b.userPoolId("us-east-1_abc123").user(u -> u
                        .providerName("Cognito").providerAttributeName("Cognito_Subject")
                        .providerAttributeValue("alice"))));
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplementedException");
        assertThat(e.statusCode()).isEqualTo(501);
        assertThat(message(e)).contains("ProviderName Cognito");
    }

    @Test
    void getOnTheRpcPathIs405InTheJsonErrorShape() {
        assertAwsError(get(emulator.endpoint(), "/"), 405, "MethodNotAllowedException");
    }

    @Test
    void putOnTheRpcPathIs405InTheJsonErrorShape() {
        HttpResponse<String> response = send(request(emulator.endpoint(), "/")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertAwsError(response, 405, "MethodNotAllowedException");
    }

    @Test
    void anUnknownPathIs404InTheJsonErrorShape() {
        HttpResponse<String> response = get(emulator.endpoint(), "/no/such/thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertStamped(response);
        assertThat(json(response).has("__type")).isTrue();
    }

    // --- bodies --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"MaxResults\":", "not json", "{\"MaxResults\":10} trailing", "{}{}", "[]",
        "[{\"MaxResults\":10}]", "\"text\"", "42", "null"})
    void aBodyThatIsNotOneJsonObjectIsASerializationException(String body) {
        assertAwsError(signed(emulator.endpoint(), "ListUserPools", body), 400, "SerializationException");
    }

    @Test
    void aMemberOfTheWrongJsonTypeIsASerializationException() {
        assertAwsError(signed(emulator.endpoint(), "ListUserPools", "{\"MaxResults\":\"10\"}"), 400,
                "SerializationException");
    }

    @Test
    void unknownMembersAreIgnored() {
        HttpResponse<String> response = signed(emulator.endpoint(), "ListUserPools",
                "{\"MaxResults\":10,\"Bogus\":{\"deep\":[1,2]},\"maxResults\":\"x\"}");
        assertAwsJson(response, 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-amz-json-1.1", "application/x-amz-json-1.0", "application/json"})
    void acceptsEachJsonContentType(String contentType) {
        byte[] body = "{\"MaxResults\":5}".getBytes(StandardCharsets.UTF_8);
        var signedRequest = SdkSigner.sign("POST", emulator.endpoint().resolve("/"), Map.of(
                "Content-Type", contentType, "X-Amz-Target", PREFIX + "ListUserPools"), body, "test", "test",
                "us-east-1", "cognito-idp", Instant.now());
        assertAwsJson(RawHttp.sendSigned(signedRequest, HttpRequest.BodyPublishers.ofByteArray(body)), 200);
    }

    @Test
    void acceptsAChunkedBody() {
        byte[] body = "{\"MaxResults\":5}".getBytes(StandardCharsets.UTF_8);
        var signedRequest = SdkSigner.signRpc(emulator.endpoint(), "ListUserPools", body, "test", "test", "us-east-1",
                Instant.now());
        HttpResponse<String> response = RawHttp.sendSigned(signedRequest,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertAwsJson(response, 200);
    }

    // --- authentication ------------------------------------------------------------------------------------

    @Test
    void anUnsignedCallToASignedOperationIsMissingAuthenticationToken() {
        // Captured text: aws/aws-sdk-net-extensions-cognito#95; the status is not public (cognito-errors.md).
        String message = assertAwsError(unsigned(emulator.endpoint(), PREFIX + "ListUserPools",
                "{\"MaxResults\":10}"), 400, "MissingAuthenticationTokenException");
        assertThat(message).isEqualTo("Missing Authentication Token");
    }

    @Test
    void theSdkWithoutCredentialsGetsMissingAuthenticationToken() {
        try (CognitoIdentityProviderClient anonymous = CognitoIdentityProviderClient.builder()
                .endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            CognitoIdentityProviderException e = awsError("MissingAuthenticationTokenException",
                    () -> anonymous.listUserPools(b -> b.maxResults(10)));
            assertThat(message(e)).isEqualTo("Missing Authentication Token");
        }
    }

    @Test
    void theSdkWithAWrongSecretGetsInvalidSignature() {
        // Captured: aws/aws-sdk-js#1985.
        try (CognitoIdentityProviderClient wrong = client("test", "not-test")) {
            CognitoIdentityProviderException e = awsError("InvalidSignatureException",
                    () -> wrong.listUserPools(b -> b.maxResults(10)));
            assertThat(message(e)).isEqualTo(MISMATCH);
        }
    }

    @Test
    void theSdkWithAnUnknownKeyIsAcceptedInLenientMode() {
        try (CognitoIdentityProviderClient stranger = client("AKIDSTRANGER", "whatever")) {
            assertServed(stranger);
        }
    }

    @Test
    void aTamperedBodyGetsInvalidSignature() {
        byte[] body = "{\"MaxResults\":10}".getBytes(StandardCharsets.UTF_8);
        var signedRequest = SdkSigner.signRpc(emulator.endpoint(), "ListUserPools", body, "test", "test", "us-east-1",
                Instant.now());
        HttpResponse<String> response = RawHttp.sendSigned(signedRequest,
                HttpRequest.BodyPublishers.ofString("{\"MaxResults\":11}"));
        assertThat(assertAwsError(response, 400, "InvalidSignatureException")).isEqualTo(MISMATCH);
    }

    private static final Pattern EXPIRED = Pattern.compile(
            "Signature expired: (\\d{8}T\\d{6}Z) is now earlier than (\\d{8}T\\d{6}Z) \\((\\d{8}T\\d{6}Z) - 15 min\\.\\)");

    @Test
    void aCallSignedTwentyMinutesAgoGetsSignatureExpired() {
        // Captured format: aws/aws-sdk-js#254.
        Instant signedAt = Instant.now().minus(Duration.ofMinutes(20));
        HttpResponse<String> response = signed(emulator.endpoint(), "ListUserPools", "{\"MaxResults\":10}", "test",
                "test", signedAt);
        String message = assertAwsError(response, 400, "InvalidSignatureException");
        Matcher m = EXPIRED.matcher(message);
        assertThat(m.matches()).as(message).isTrue();
        DateTimeFormatter amz = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        assertThat(m.group(1)).isEqualTo(amz.format(signedAt));
        Instant now = java.time.LocalDateTime.parse(m.group(3), amz).toInstant(ZoneOffset.UTC);
        Instant limit = java.time.LocalDateTime.parse(m.group(2), amz).toInstant(ZoneOffset.UTC);
        assertThat(Duration.between(limit, now)).isEqualTo(Duration.ofMinutes(15));
        assertThat(Duration.between(now, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aCallSignedTwentyMinutesAheadGetsSignatureNotYetCurrent() {
        HttpResponse<String> response = signed(emulator.endpoint(), "ListUserPools", "{\"MaxResults\":10}", "test",
                "test", Instant.now().plus(Duration.ofMinutes(20)));
        assertThat(assertAwsError(response, 400, "InvalidSignatureException")).startsWith("Signature not yet current: ");
    }

    @Test
    void anUnsignedCallToAnAuthTypeNoneOperationIsNotRefusedForAuthentication() {
        // InitiateAuth is authtype "none" in the model: no signature needed, so the call gets as far as its client.
        HttpResponse<String> response = unsigned(emulator.endpoint(), PREFIX + "InitiateAuth",
                "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"abc\",\"AuthParameters\":{}}");
        assertThat(assertAwsError(response, 400, "ResourceNotFoundException"))
                .isEqualTo("User pool client abc does not exist.");
    }

    @Test
    void theSdkCallsAnAuthTypeNoneOperationWithoutAuthenticationErrors() {
        // The SDK sends InitiateAuth unsigned; the answer is about the client, not about authentication.
        CognitoIdentityProviderException e = awsError("ResourceNotFoundException",
                () -> cognito.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH).clientId("abc")
                        .authParameters(Map.of("USERNAME", "jane", "PASSWORD", PASSWORD))));
        assertThat(message(e)).isEqualTo("User pool client abc does not exist.");
    }

    // --- validation through the SDK ------------------------------------------------------------------------

    @Test
    void theSdkReceivesTheValidationTextIntactForARangeViolation() {
        CognitoIdentityProviderException e = awsError("InvalidParameterException",
                () -> cognito.listUserPools(b -> b.maxResults(0)));
        assertThat(message(e)).isEqualTo("1 validation error detected: Value '0' at 'maxResults' failed to satisfy "
                + "constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void theSdkReceivesMissingRequiredMembersAsValidationErrors() {
        CognitoIdentityProviderException e = awsError("InvalidParameterException",
                () -> cognito.listUserPools(b -> { }));
        assertThat(message(e)).isEqualTo("1 validation error detected: Value null at 'maxResults' failed to satisfy "
                + "constraint: Member must not be null");
    }

    @Test
    void theSdkReceivesAnEnumViolationForABadMfaConfiguration() {
        // The order of the value set differs from AWS's captured [OPTIONAL, OFF, ON]: see InputValidatorTest.
        CognitoIdentityProviderException e = awsError("InvalidParameterException",
                () -> cognito.createUserPool(b -> b.poolName("front-door-mfa").mfaConfiguration("false")));
        assertThat(message(e)).startsWith("1 validation error detected: Value 'false' at 'mfaConfiguration' failed to "
                + "satisfy constraint: Member must satisfy enum value set: [").contains("OFF", "ON", "OPTIONAL");
    }

    @Test
    void theSdkReceivesANestedListPathForATooLongSchemaName() {
        // Captured: aws/aws-cdk#14175.
        CognitoIdentityProviderException e = awsError("InvalidParameterException",
                () -> cognito.createUserPool(b -> b.poolName("front-door-schema")
                        .schema(SchemaAttributeType.builder().name("phone_number_verified").build())));
        assertThat(message(e)).isEqualTo("1 validation error detected: Value 'phone_number_verified' at "
                + "'schema.1.member.name' failed to satisfy constraint: Member must have length less than or equal "
                + "to 20");
    }

    @Test
    void aPoolIsCreatedInTheRegionOfTheSignature() {
        try (CognitoIdentityProviderClient frankfurt = CognitoIdentityProviderClient.builder()
                .endpointOverride(emulator.endpoint()).region(Region.EU_CENTRAL_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test",
                        "test"))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String id = frankfurt.createUserPool(b -> b.poolName("front-door-region")).userPool().id();
            assertThat(id).matches("eu-central-1_[0-9A-Za-z]{9}");
        }
        String virginia = newPool(b -> b.poolName("front-door-default"));
        assertThat(virginia).startsWith("us-east-1_");
    }

    // --- other configurations ------------------------------------------------------------------------------

    @Nested
    class StrictMode extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return builder.authMode(AuthMode.STRICT).credentials(Map.of("test", "test", "AKIDADMIN", "admin-secret"));
        }

        @Test
        void theSdkWithAnUnknownKeyGetsUnrecognizedClient() {
            // Captured: ArranJacques/laravel-aws-cognito-auth#25.
            try (CognitoIdentityProviderClient stranger = client("AKIDSTRANGER", "whatever")) {
                CognitoIdentityProviderException e = awsError("UnrecognizedClientException",
                        () -> stranger.listUserPools(b -> b.maxResults(10)));
                assertThat(message(e)).isEqualTo("The security token included in the request is invalid.");
            }
        }

        @Test
        void everyConfiguredKeyIsAccepted() {
            try (CognitoIdentityProviderClient admin = client("AKIDADMIN", "admin-secret")) {
                assertServed(admin);
            }
            assertServed(cognito);
        }

        @Test
        void aConfiguredKeyWithTheWrongSecretGetsInvalidSignature() {
            try (CognitoIdentityProviderClient wrong = client("AKIDADMIN", "test")) {
                assertThat(message(awsError("InvalidSignatureException",
                        () -> wrong.listUserPools(b -> b.maxResults(10))))).isEqualTo(MISMATCH);
            }
        }
    }

    @Nested
    class AuthOff extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return builder.authMode(AuthMode.OFF);
        }

        @Test
        void unsignedAndWronglySignedCallsAreServed() {
            assertAwsJson(unsigned(emulator.endpoint(), PREFIX + "ListUserPools", "{\"MaxResults\":10}"), 200);
            try (CognitoIdentityProviderClient wrong = client("test", "not-test")) {
                assertServed(wrong);
            }
        }
    }

    @Nested
    class ServerClockAhead extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return builder.clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20)));
        }

        @Test
        void theSdkGetsSignatureExpiredWhenItsClockIsTwentyMinutesBehind() {
            CognitoIdentityProviderException e = awsError("InvalidSignatureException",
                    () -> cognito.listUserPools(b -> b.maxResults(10)));
            assertThat(message(e)).matches(EXPIRED);
        }
    }

    @Nested
    class SmallBodyLimit extends CognitoTestSupport {

        @Override
        protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
            return builder.maxBodyBytes(2048);
        }

        private String bodyOf(int size) {
            String prefix = "{\"MaxResults\":10,\"Pad\":\"";
            return prefix + "x".repeat(size - prefix.length() - 2) + "\"}";
        }

        @Test
        void aBodyOverTheLimitIs413InTheJsonErrorShape() {
            String body = bodyOf(4096);
            assertThat(body).hasSize(4096);
            HttpResponse<String> response = signed(emulator.endpoint(), "ListUserPools", body);
            assertThat(assertAwsError(response, 413, "RequestEntityTooLargeException")).contains("2048");
        }

        @Test
        void aChunkedBodyOverTheLimitIs413InTheJsonErrorShape() {
            byte[] body = bodyOf(8192).getBytes(StandardCharsets.UTF_8);
            var signedRequest = SdkSigner.signRpc(emulator.endpoint(), "ListUserPools", body, "test", "test",
                    "us-east-1", Instant.now());
            HttpResponse<String> response = RawHttp.sendSigned(signedRequest,
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
            assertAwsError(response, 413, "RequestEntityTooLargeException");
        }

        @Test
        void anUnsignedOversizedBodyIs413Too() {
            HttpResponse<String> response = unsigned(emulator.endpoint(), PREFIX + "ListUserPools", bodyOf(3000));
            assertAwsError(response, 413, "RequestEntityTooLargeException");
        }

        @Test
        void aBodyOfExactlyTheLimitIsServed() {
            String body = bodyOf(2048);
            assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(2048);
            assertAwsJson(signed(emulator.endpoint(), "ListUserPools", body), 200);
        }

        @Test
        void theServerKeepsServingAfterAnOversizedBody() {
            signed(emulator.endpoint(), "ListUserPools", bodyOf(5000));
            assertAwsJson(signed(emulator.endpoint(), "ListUserPools", "{\"MaxResults\":1}"), 200);
        }
    }
}
