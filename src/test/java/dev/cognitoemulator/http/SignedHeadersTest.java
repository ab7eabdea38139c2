package dev.cognitoemulator.http;

import static dev.cognitoemulator.http.RawHttp.AMZ_JSON;
import static dev.cognitoemulator.http.RawHttp.assertAwsError;
import static dev.cognitoemulator.http.RawHttp.assertAwsJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.testing.SdkSigner;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * What a signature must cover on the wire: the host, the date and the operation ({@code X-Amz-Target}). A
 * signature that leaves the operation out cannot be replayed as another one. Only 127.0.0.1 is contacted.
 */
class SignedHeadersTest extends CognitoTestSupport {

    private static final String PREFIX = SdkSigner.TARGET_PREFIX;
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SdkHttpRequest signedWithoutTarget(byte[] body) {
        return SdkSigner.sign("POST", emulator.endpoint().resolve("/"), Map.of("Content-Type", AMZ_JSON), body, "test",
                "test", "us-east-1", "cognito-idp", Instant.now());
    }

    @Test
    void aSignatureThatLeavesOutTheTargetCannotBeReplayedAsDeleteUserPool() {
        String pool = cognito.createUserPool(b -> b.poolName("replay")).userPool().id();
        byte[] body = ("{\"UserPoolId\":\"" + pool + "\"}").getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest signed = signedWithoutTarget(body);

        SdkHttpRequest asDelete = signed.toBuilder().putHeader("X-Amz-Target", PREFIX + "DeleteUserPool").build();
        HttpResponse<String> response = RawHttp.sendSigned(asDelete, HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(assertAwsError(response, 400, "InvalidSignatureException"))
                .isEqualTo("'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.");
        assertThat(cognito.describeUserPool(b -> b.userPoolId(pool)).userPool().id()).isEqualTo(pool);
    }

    @Test
    void theSameSignatureIsRefusedForTheOperationItWasMadeForToo() {
        String pool = cognito.createUserPool(b -> b.poolName("replay-describe")).userPool().id();
        byte[] body = ("{\"UserPoolId\":\"" + pool + "\"}").getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest asDescribe = signedWithoutTarget(body).toBuilder()
                .putHeader("X-Amz-Target", PREFIX + "DescribeUserPool").build();
        assertAwsError(RawHttp.sendSigned(asDescribe, HttpRequest.BodyPublishers.ofByteArray(body)), 400,
                "InvalidSignatureException");
    }

    @Test
    void aSignatureMadeForDescribeUserPoolIsRefusedAsDeleteUserPool() {
        String pool = cognito.createUserPool(b -> b.poolName("replay-signed")).userPool().id();
        byte[] body = ("{\"UserPoolId\":\"" + pool + "\"}").getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest describe = SdkSigner.signRpc(emulator.endpoint(), "DescribeUserPool", body, "test", "test",
                "us-east-1", Instant.now());
        assertAwsJson(RawHttp.sendSigned(describe, HttpRequest.BodyPublishers.ofByteArray(body)), 200);

        SdkHttpRequest asDelete = describe.toBuilder().putHeader("X-Amz-Target", PREFIX + "DeleteUserPool").build();
        assertAwsError(RawHttp.sendSigned(asDelete, HttpRequest.BodyPublishers.ofByteArray(body)), 400,
                "InvalidSignatureException");
        assertThat(cognito.describeUserPool(b -> b.userPoolId(pool)).userPool().id()).isEqualTo(pool);
    }

    private HttpResponse<String> withSignedHeaders(String names) {
        String now = AMZ_DATE.format(Instant.now());
        return RawHttp.send(RawHttp.request(emulator.endpoint(), "/").header("Content-Type", AMZ_JSON)
                .header("X-Amz-Target", PREFIX + "ListUserPools").header("X-Amz-Date", now)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/" + now.substring(0, 8)
                        + "/us-east-1/cognito-idp/aws4_request, SignedHeaders=" + names + ", Signature="
                        + "0".repeat(64))
                .POST(HttpRequest.BodyPublishers.ofString("{\"MaxResults\":10}")).build());
    }

    @Test
    void aSignatureThatLeavesOutHostIsRefusedWithAwsText() {
        // Captured from a Coral JSON service (DynamoDB): aws/aws-sdk-php#2469.
        assertThat(assertAwsError(withSignedHeaders("content-type;x-amz-date;x-amz-target"), 400,
                "InvalidSignatureException"))
                .isEqualTo("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void aSignatureThatLeavesOutXAmzDateIsRefused() {
        // Unconfirmed text (the captured Host sentence, naming the date header).
        assertThat(assertAwsError(withSignedHeaders("content-type;host;x-amz-target"), 400,
                "InvalidSignatureException"))
                .isEqualTo("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void hugeRegionsWithThePublicKeyAreRefusedAndTheServerKeepsAnswering() {
        // The memory attack through the front door: the configured key "test", a fresh 900 KB region each time.
        String now = AMZ_DATE.format(Instant.now());
        for (int i = 0; i < 20; i++) {
            String region = i + "x".repeat(900_000);
            HttpResponse<String> response = RawHttp.send(RawHttp.request(emulator.endpoint(), "/")
                    .header("Content-Type", AMZ_JSON).header("X-Amz-Target", PREFIX + "ListUserPools")
                    .header("X-Amz-Date", now)
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/" + now.substring(0, 8) + "/" + region
                            + "/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature="
                            + "0".repeat(64))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"MaxResults\":10}")).build());
            assertThat(assertAwsError(response, 400, "InvalidSignatureException"))
                    .isEqualTo("Credential should be scoped to a valid region, not '" + region + "'. ");
        }
        assertThat(cognito.listUserPools(b -> b.maxResults(1)).sdkHttpResponse().isSuccessful()).isTrue();
    }
}
