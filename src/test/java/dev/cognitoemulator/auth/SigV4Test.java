package dev.cognitoemulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.testing.FakeRequest;
import dev.cognitoemulator.testing.SdkSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The signing math of SigV4, pinned to AWS's published values: the signing-key example of the SigV4
 * documentation, the {@code aws-sig-v4-test-suite} vectors (docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html,
 * as shipped in awslabs/aws-c-auth tests/aws-signing-test-suite/v4), and the AWS SDK for Java v2's own signer.
 */
class SigV4Test {

    static final String SUITE_KEY = "AKIDEXAMPLE";
    static final String SUITE_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");
    static final String SUITE_DATE = "20150830T123600Z";
    static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private static final HexFormat HEX = HexFormat.of();

    @Nested
    class SigningKey {

        @Test
        void derivesTheSigningKeyOfAwsDocumentationExample() {
            // "Examples of how to derive a signing key for Signature Version 4" (AWS General Reference).
            byte[] key = SigV4.signingKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");
            assertThat(HEX.formatHex(key)).isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
        }

        @Test
        void derivesTheSigningKeyOfTheIamListUsersExample() {
            // The IAM ListUsers walk-through of the SigV4 documentation (2015-08-30, us-east-1, iam).
            byte[] key = SigV4.signingKey(SUITE_SECRET, "20150830", "us-east-1", "iam");
            assertThat(HEX.formatHex(key)).isEqualTo("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");
        }

        @Test
        void hashesTheEmptyPayloadToTheWellKnownSha256() {
            assertThat(HEX.formatHex(SigV4.sha256(new byte[0])))
                    .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        }

        @Test
        void signsTheGetVanillaStringToSignToItsPublishedSignature() {
            String stringToSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                    + "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63";
            byte[] key = SigV4.signingKey(SUITE_SECRET, "20150830", "us-east-1", "service");
            assertThat(HEX.formatHex(SigV4.hmac(key, stringToSign)))
                    .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
        }
    }

    @Nested
    class UriEncode {

        @Test
        void keepsUnreservedCharacters() {
            String unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
            assertThat(SigV4.uriEncode(unreserved, true)).isEqualTo(unreserved);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\" \"|%20",
            "+|%2B",
            "*|%2A",
            "=|%3D",
            "&|%26",
            "%|%25",
            "a b=c&d|a%20b%3Dc%26d",
            "é|%C3%A9",
            "ሴ|%E1%88%B4",
            "😀|%F0%9F%98%80",
        })
        void percentEncodesEverythingElseInUpperCaseHexOfUtf8Bytes(String raw, String encoded) {
            assertThat(SigV4.uriEncode(raw, true)).isEqualTo(encoded);
            assertThat(SigV4.uriEncode(raw, false)).isEqualTo(encoded);
        }

        @Test
        void keepsSlashInPathsAndEncodesItInQueryComponents() {
            assertThat(SigV4.uriEncode("/a/b c/", false)).isEqualTo("/a/b%20c/");
            assertThat(SigV4.uriEncode("/a/b c/", true)).isEqualTo("%2Fa%2Fb%20c%2F");
        }

        @Test
        void encodesAnAlreadyEncodedPathAgainAsServicesOtherThanS3Sign() {
            assertThat(SigV4.uriEncode("/example%20space/", false)).isEqualTo("/example%2520space/");
        }

        @Test
        void decodesPercentEscapesIntoUtf8() {
            assertThat(SigV4.percentDecode("%E1%88%B4=a%20b")).isEqualTo("ሴ=a b");
            assertThat(SigV4.percentDecode("plain")).isEqualTo("plain");
            assertThat(SigV4.percentDecode("100%")).isEqualTo("100%");
        }
    }

    @Nested
    class TrimAll {

        @ParameterizedTest(name = "[{0}] -> [{1}]")
        @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "value1|value1",
            "' value1'|value1",
            "'value1  '|value1",
            "'\"a   b   c\"'|'\"a b c\"'",
            "'  a  b  '|'a b'",
            "'a b'|'a b'",
        })
        void stripsEndsAndFoldsRunsOfSpacesAsTheCanonicalHeaderRuleSays(String raw, String trimmed) {
            assertThat(SigV4.trimAll(raw)).isEqualTo(trimmed);
        }
    }

    /** One request of AWS's SigV4 test suite, as it is sent with its published Authorization header. */
    record Vector(String name, String method, String rawPath, String rawQuery, List<String[]> headers, String body,
            String signedHeaders, String signature) {

        FakeRequest request() {
            FakeRequest request = FakeRequest.of(method, rawPath, rawQuery).header("Host", "example.amazonaws.com");
            for (String[] header : headers) {
                request.header(header[0], header[1]);
            }
            return request.header("X-Amz-Date", SUITE_DATE).header("Authorization", authorization(signature));
        }

        String authorization(String sig) {
            return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders="
                    + signedHeaders + ", Signature=" + sig;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Vector vector(String name, String method, String path, String query, String signedHeaders,
            String signature, String... headers) {
        return vectorWithBody(name, method, path, query, "", signedHeaders, signature, headers);
    }

    private static Vector vectorWithBody(String name, String method, String path, String query, String body,
            String signedHeaders, String signature, String... headers) {
        List<String[]> pairs = Stream.of(headers).map(h -> h.split(":", 2)).toList();
        return new Vector(name, method, path, query, pairs, body, signedHeaders, signature);
    }

    static Stream<Vector> suite() {
        String hd = "host;x-amz-date";
        return Stream.of(
                vector("get-vanilla", "GET", "/", "", hd,
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector("post-vanilla", "POST", "/", "", hd,
                        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
                vector("get-vanilla-query-order-key-case", "GET", "/", "Param2=value2&Param1=value1", hd,
                        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
                vector("get-vanilla-query-order-encoded", "GET", "/", "Param-3=Value3&Param=Value2&%E1%88%B4=Value1", hd,
                        "371d3713e185cc334048618a97f809c9ffe339c62934c032af5a0e595648fcac"),
                vector("get-vanilla-query-unreserved", "GET", "/",
                        "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz="
                                + "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", hd,
                        "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
                // The suite's request line carries the raw character; a view that still holds it must encode it once.
                vector("get-vanilla-utf8-query", "GET", "/", "ሴ=bar", hd,
                        "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
                vector("get-vanilla-empty-query-key", "GET", "/", "Param1=value1", hd,
                        "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"),
                vector("post-vanilla-query", "POST", "/", "Param1=value1", hd,
                        "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
                vector("get-unreserved", "GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "",
                        hd, "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
                vector("get-utf8", "GET", "/ሴ", "", hd,
                        "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
                vector("get-space-unnormalized", "GET", "/example space/", "", hd,
                        "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
                // The *-unnormalized vectors sign the path as sent; the verifier does not normalise paths.
                vector("get-slash-unnormalized", "GET", "//", "", hd,
                        "c88bcd3d312d75078c0cd961d6deae3f4c754924b01669efcfcb439fd5e5b76e"),
                vector("get-slashes-unnormalized", "GET", "//example//", "", hd,
                        "87cca117541a147f6df867677d98a7d80dff226d2bfca9e4ffa899665623c7e5"),
                vector("get-relative-unnormalized", "GET", "/example/..", "", hd,
                        "eca7ead57bb5aa5c8e28007acd4ff04e1ff9a0ff3b237ec1554a184887ff9282"),
                vector("get-slash-dot-slash-unnormalized", "GET", "/./", "", hd,
                        "68714168e6557f8f2de0ef956fc24dc2593a4bd2961f8df51898d8a134695145"),
                vector("get-header-key-duplicate", "GET", "/", "", "host;my-header1;x-amz-date",
                        "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea",
                        "My-Header1:value2", "My-Header1:value2", "My-Header1:value1"),
                vector("get-header-value-order", "GET", "/", "", "host;my-header1;x-amz-date",
                        "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01",
                        "My-Header1:value4", "My-Header1:value1", "My-Header1:value3", "My-Header1:value2"),
                vector("get-header-value-trim", "GET", "/", "", "host;my-header1;my-header2;x-amz-date",
                        "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736",
                        "My-Header1: value1", "My-Header2: \"a   b   c\""),
                vector("post-header-key-sort", "POST", "/", "", "host;my-header1;x-amz-date",
                        "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c", "My-Header1:value1"),
                vector("post-header-value-case", "POST", "/", "", "host;my-header1;x-amz-date",
                        "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d", "My-Header1:VALUE1"),
                vector("get-vanilla-with-session-token", "GET", "/", "", "host;x-amz-date;x-amz-security-token",
                        "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8",
                        "X-Amz-Security-Token:6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"),
                vector("post-sts-header-before", "POST", "/", "", "host;x-amz-date;x-amz-security-token",
                        "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead",
                        "X-Amz-Security-Token:AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKW"
                                + "HGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wU"
                                + "E8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT3"
                                + "8xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2IC"
                                + "CR/oLxBA=="),
                // The suite's original form of this vector (content-type signed, body hashed).
                vectorWithBody("post-x-www-form-urlencoded", "POST", "/", "", "Param1=value1",
                        "content-type;host;x-amz-date",
                        "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
                        "Content-Type:application/x-www-form-urlencoded"),
                // aws-c-auth's later form of it, which also signs content-length and x-amz-content-sha256.
                vectorWithBody("post-x-www-form-urlencoded (aws-c-auth)", "POST", "/", "", "Param1=value1",
                        "content-length;content-type;host;x-amz-content-sha256;x-amz-date",
                        "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b",
                        "Content-Type:application/x-www-form-urlencoded", "Content-Length:13",
                        "x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"),
                vectorWithBody("post-x-www-form-urlencoded-parameters", "POST", "/", "", "Param1=value1",
                        "content-length;content-type;host;x-amz-content-sha256;x-amz-date",
                        "328d1b9eaadca9f5818ef05e8392801e091653bafec24fcab71e7344e7f51422",
                        "Content-Type:application/x-www-form-urlencoded; charset=utf-8", "Content-Length:13",
                        "x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"));
    }

    private static SigV4Verifier suiteVerifier() {
        // The suite's requests carry no X-Amz-Target: only host and the date are required here.
        return new SigV4Verifier(AuthMode.STRICT, Map.of(SUITE_KEY, SUITE_SECRET), "service",
                Clock.fixed(SUITE_TIME, ZoneOffset.UTC), List.of());
    }

    @Nested
    class AwsTestSuite {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.cognitoemulator.auth.SigV4Test#suite")
        void acceptsThePublishedSignature(Vector vector) {
            String region = suiteVerifier().verify(vector.request(), vector.body().getBytes(StandardCharsets.UTF_8));
            assertThat(region).isEqualTo("us-east-1");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.cognitoemulator.auth.SigV4Test#suite")
        void rejectsTheRequestWhenOneSignatureDigitChanges(Vector vector) {
            String sig = vector.signature();
            String tampered = sig.substring(0, 63) + (sig.charAt(63) == '0' ? '1' : '0');
            FakeRequest request = vector.request().replacing("Authorization", vector.authorization(tampered));
            assertThatThrownBy(() -> suiteVerifier().verify(request, vector.body().getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(CognitoException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.InvalidSignatureException);
                        assertThat(e.getMessage()).isEqualTo(MISMATCH);
                    });
        }

        @Test
        void rejectsTheVanillaRequestWhenASignedHeaderChanges() {
            FakeRequest request = suite().findFirst().orElseThrow().request()
                    .replacing("Host", "other.amazonaws.com");
            assertThatThrownBy(() -> suiteVerifier().verify(request, new byte[0]))
                    .isInstanceOfSatisfying(CognitoException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.InvalidSignatureException));
        }

        @Test
        void buildsTheSuitesCanonicalRequestForASortedQuery() {
            FakeRequest request = FakeRequest.of("GET", "/", "Param2=value2&Param1=value1")
                    .header("Host", "example.amazonaws.com").header("X-Amz-Date", SUITE_DATE);
            assertThat(SigV4Verifier.canonicalRequest("host;x-amz-date", request, new byte[0])).isEqualTo(
                    "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                            + "host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        }

        @Test
        void buildsTheSuitesCanonicalRequestForAFormBody() {
            FakeRequest request = FakeRequest.of("POST", "/", "")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Host", "example.amazonaws.com").header("X-Amz-Date", SUITE_DATE);
            assertThat(SigV4Verifier.canonicalRequest("content-type;host;x-amz-date", request,
                    "Param1=value1".getBytes(StandardCharsets.UTF_8))).isEqualTo(
                    "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n"
                            + "x-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n"
                            + "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
        }
    }

    @Nested
    class AgainstTheSdkSigner {

        private final Instant now = Instant.parse("2024-05-01T10:00:00Z");
        private final SigV4Verifier verifier = new SigV4Verifier(AuthMode.STRICT, Map.of("AKIDTEST", "s3cr3t/+key"),
                "cognito-idp", Clock.fixed(now, ZoneOffset.UTC));
        private final byte[] body = "{\"UserPoolId\":\"eu-west-1_abc123\",\"Username\":\"jürgen\"}"
                .getBytes(StandardCharsets.UTF_8);

        @Test
        void acceptsAnRpcCallSignedByTheSdkAndAnswersItsRegion() {
            SdkHttpRequest signed = SdkSigner.signRpc(URI.create("http://127.0.0.1:9229"), "AdminGetUser", body,
                    "AKIDTEST", "s3cr3t/+key", "eu-west-1", now);
            assertThat(verifier.verify(SdkSigner.asView(signed), body)).isEqualTo("eu-west-1");
        }

        @Test
        void rejectsTheSdkSignedCallWhenOneBodyByteChanges() {
            SdkHttpRequest signed = SdkSigner.signRpc(URI.create("http://127.0.0.1:9229"), "AdminGetUser", body,
                    "AKIDTEST", "s3cr3t/+key", "eu-west-1", now);
            byte[] changed = body.clone();
            changed[changed.length - 3] ^= 0x01;
            assertThatThrownBy(() -> verifier.verify(SdkSigner.asView(signed), changed))
                    .isInstanceOfSatisfying(CognitoException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.InvalidSignatureException);
                        assertThat(e.getMessage()).isEqualTo(MISMATCH);
                    });
        }

        @Test
        void rejectsTheSdkSignedCallWhenASignedHeaderChanges() {
            SdkHttpRequest signed = SdkSigner.signRpc(URI.create("http://127.0.0.1:9229"), "AdminGetUser", body,
                    "AKIDTEST", "s3cr3t/+key", "eu-west-1", now);
            FakeRequest view = SdkSigner.asView(signed)
                    .replacing("X-Amz-Target", SdkSigner.TARGET_PREFIX + "AdminDeleteUser");
            assertThatThrownBy(() -> verifier.verify(view, body))
                    .isInstanceOfSatisfying(CognitoException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.InvalidSignatureException));
        }

        @Test
        void acceptsAQueryAndEncodedPathSignedByTheSdk() {
            URI uri = URI.create("http://127.0.0.1:9229/a%20b/%C3%A4?z=1&b=x%20y&a=%2F&a=%3D&empty=");
            SdkHttpRequest signed = SdkSigner.sign("GET", uri, Map.of(), new byte[0], "AKIDTEST", "s3cr3t/+key",
                    "us-east-1", "cognito-idp", now);
            SigV4Verifier anyTarget = new SigV4Verifier(AuthMode.STRICT, Map.of("AKIDTEST", "s3cr3t/+key"),
                    "cognito-idp", Clock.fixed(now, ZoneOffset.UTC), List.of());
            assertThat(anyTarget.verify(SdkSigner.asView(signed), new byte[0])).isEqualTo("us-east-1");
        }

        @Test
        void acceptsASessionTokenSignedByTheSdk() {
            SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                    .uri(URI.create("http://127.0.0.1:9229/"))
                    .putHeader("X-Amz-Target", SdkSigner.TARGET_PREFIX + "ListUserPools")
                    .putHeader("Content-Type", "application/x-amz-json-1.1").build();
            SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                    .identity(AwsSessionCredentialsIdentity.create("AKIDTEST", "s3cr3t/+key", "session-token-value"))
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "ap-southeast-2")
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC))).request();
            FakeRequest view = SdkSigner.asView(signed);
            assertThat(view.header("x-amz-security-token")).isEqualTo("session-token-value");
            assertThat(verifier.verify(view, body)).isEqualTo("ap-southeast-2");
        }
    }
}
