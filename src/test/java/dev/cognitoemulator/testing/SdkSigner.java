package dev.cognitoemulator.testing;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs requests with the AWS SDK for Java v2's own SigV4 signer ({@link AwsV4HttpSigner}), so tests check the
 * emulator against AWS's implementation rather than against itself.
 */
public final class SdkSigner {

    public static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";

    private SdkSigner() {
    }

    /** Signs {@code method uri} with the given headers and body, at {@code at}, for {@code service}/{@code region}. */
    public static SdkHttpRequest sign(String method, URI uri, Map<String, String> headers, byte[] body,
            String accessKey, String secret, String region, String service, Instant at) {
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        headers.forEach(builder::putHeader);
        SdkHttpRequest request = builder.build();
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKey, secret))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
                .request();
    }

    /** An AWS JSON 1.1 call to cognito-idp, signed as the SDK signs it. */
    public static SdkHttpRequest signRpc(URI endpoint, String operation, byte[] body, String accessKey, String secret,
            String region, Instant at) {
        return sign("POST", endpoint.resolve("/"), Map.of(
                "Content-Type", "application/x-amz-json-1.1",
                "X-Amz-Target", TARGET_PREFIX + operation), body, accessKey, secret, region, "cognito-idp", at);
    }

    /** The signed request as the server would see it; the Host header is taken from the URI when the signer left it out. */
    public static FakeRequest asView(SdkHttpRequest signed) {
        URI uri = signed.getUri();
        FakeRequest view = FakeRequest.of(signed.method().name(), uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(),
                uri.getRawQuery() == null ? "" : uri.getRawQuery());
        boolean host = false;
        for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
            host |= header.getKey().equalsIgnoreCase("host");
            for (String value : header.getValue()) {
                view.header(header.getKey(), value);
            }
        }
        if (!host) {
            view.header("Host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        }
        return view;
    }
}
