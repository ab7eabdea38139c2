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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every refusal of the SigV4 check, with the code and text AWS's JSON front end sends. Where a text was not seen
 * in a captured AWS response it says so ("unconfirmed").
 */
class SigV4VerifierTest {

    private static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");
    private static final String KEY = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final URI ENDPOINT = URI.create("http://127.0.0.1:9229");
    private static final byte[] BODY = "{\"MaxResults\":10}".getBytes(StandardCharsets.UTF_8);
    private static final String SCOPE = "20150830/us-east-1/cognito-idp/aws4_request";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";

    private static SigV4Verifier verifier(AuthMode mode) {
        return verifier(mode, NOW);
    }

    private static SigV4Verifier verifier(AuthMode mode, Instant now) {
        return new SigV4Verifier(mode, Map.of(KEY, SECRET, "test", "test"), "cognito-idp",
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static FakeRequest signed(String accessKey, String secret, String region, Instant at) {
        return SdkSigner.asView(SdkSigner.signRpc(ENDPOINT, "ListUserPools", BODY, accessKey, secret, region, at));
    }

    /** An RPC request carrying the given Authorization header (and X-Amz-Date unless null). */
    private static FakeRequest withAuthorization(String authorization, String amzDate) {
        FakeRequest request = FakeRequest.post().header("Host", "127.0.0.1:9229")
                .header("X-Amz-Target", SdkSigner.TARGET_PREFIX + "ListUserPools");
        if (amzDate != null) {
            request.header("X-Amz-Date", amzDate);
        }
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static String authorization(String credential) {
        return "AWS4-HMAC-SHA256 Credential=" + credential
                + ", SignedHeaders=host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CognitoException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    // --- accepted requests ---------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = AuthMode.class, names = {"STRICT", "LENIENT"})
    void acceptsACorrectlySignedRequestAndAnswersTheScopesRegion(AuthMode mode) {
        assertThat(verifier(mode).verify(signed(KEY, SECRET, "eu-central-1", NOW), BODY)).isEqualTo("eu-central-1");
    }

    @Test
    void acceptsARequestSignedFourteenMinutesAgoOrAhead() {
        assertThat(verifier(AuthMode.STRICT, NOW.plus(Duration.ofMinutes(14)))
                .verify(signed(KEY, SECRET, "us-east-1", NOW), BODY)).isEqualTo("us-east-1");
        assertThat(verifier(AuthMode.STRICT, NOW.minus(Duration.ofMinutes(14)))
                .verify(signed(KEY, SECRET, "us-east-1", NOW), BODY)).isEqualTo("us-east-1");
    }

    @Test
    void acceptsTheHttpDateHeaderWhenThereIsNoXAmzDate() {
        // SigV4 allows the RFC 1123 Date header in place of X-Amz-Date; the string to sign then carries its ISO form.
        String date = "Sun, 30 Aug 2015 12:36:00 GMT";
        String target = SdkSigner.TARGET_PREFIX + "ListUserPools";
        HexFormat hex = HexFormat.of();
        String canonical = "POST\n/\n\ndate:" + date + "\nhost:127.0.0.1:9229\nx-amz-target:" + target
                + "\n\ndate;host;x-amz-target\n" + hex.formatHex(SigV4.sha256(BODY));
        String stringToSign = "AWS4-HMAC-SHA256\n20150830T123600Z\n" + SCOPE + "\n"
                + hex.formatHex(SigV4.sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        String signature = hex.formatHex(SigV4.hmac(SigV4.signingKey(SECRET, "20150830", "us-east-1", "cognito-idp"),
                stringToSign));
        FakeRequest request = FakeRequest.post().header("Host", "127.0.0.1:9229").header("Date", date)
                .header("X-Amz-Target", target)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + KEY + "/" + SCOPE
                        + ", SignedHeaders=date;host;x-amz-target, Signature=" + signature);
        assertThat(verifier(AuthMode.STRICT).verify(request, BODY)).isEqualTo("us-east-1");
    }

    // --- missing or malformed Authorization ----------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = AuthMode.class, names = {"STRICT", "LENIENT"})
    void refusesAnUnsignedRequestWithMissingAuthenticationToken(AuthMode mode) {
        // Captured: aws/aws-sdk-net-extensions-cognito#95 (ListUsers, AdminCreateUser).
        assertRefused(() -> verifier(mode).verify(withAuthorization(null, "20150830T123600Z"), BODY),
                ErrorCode.MissingAuthenticationTokenException, "Missing Authentication Token");
    }

    @Test
    void listsAMissingSignatureParameterWithTheHeaderItself() {
        // Sentence as in the captured four-part message (aws/chalice#828, nordcloud/cognitocurl#28).
        String header = "AWS4-HMAC-SHA256 Credential=" + KEY + "/" + SCOPE + ", SignedHeaders=host;x-amz-date";
        assertRefused(() -> verifier(AuthMode.STRICT).verify(withAuthorization(header, "20150830T123600Z"), BODY),
                ErrorCode.IncompleteSignatureException,
                "Authorization header requires 'Signature' parameter. Authorization=" + header);
    }

    @Test
    void listsMissingCredentialAndSignedHeadersParametersInAwsOrder() {
        String header = "AWS4-HMAC-SHA256 Signature=" + "0".repeat(64);
        assertRefused(() -> verifier(AuthMode.STRICT).verify(withAuthorization(header, "20150830T123600Z"), BODY),
                ErrorCode.IncompleteSignatureException,
                "Authorization header requires 'Credential' parameter. "
                        + "Authorization header requires 'SignedHeaders' parameter. Authorization=" + header);
    }

    @Test
    void listsAllThreeMissingParametersWhenTheDateIsPresent() {
        String header = "AWS4-HMAC-SHA256 Foo=bar";
        assertRefused(() -> verifier(AuthMode.LENIENT).verify(withAuthorization(header, "20150830T123600Z"), BODY),
                ErrorCode.IncompleteSignatureException,
                "Authorization header requires 'Credential' parameter. "
                        + "Authorization header requires 'Signature' parameter. "
                        + "Authorization header requires 'SignedHeaders' parameter. Authorization=" + header);
    }

    @Test
    void namesTheMissingDateInTheSameMessageAsTheMissingParameters() {
        // Captured (API Gateway, same AWS front end): aws/chalice#828, nordcloud/cognitocurl#15 and #28.
        String header = "AWS4-HMAC-SHA256 Foo=bar";
        assertRefused(() -> verifier(AuthMode.LENIENT).verify(withAuthorization(header, null), BODY),
                ErrorCode.IncompleteSignatureException,
                "Authorization header requires 'Credential' parameter. "
                        + "Authorization header requires 'Signature' parameter. "
                        + "Authorization header requires 'SignedHeaders' parameter. "
                        + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                        + "Authorization=" + header);
    }

    @Test
    void refusesAnAuthorizationElementWithoutAnEqualSign() {
        // Captured from a Coral JSON 1.1 service (Cloud9): iann0036/cloud9-sync#10.
        String header = authorization(KEY + "/" + SCOPE) + ", garbage";
        assertRefused(() -> verifier(AuthMode.STRICT).verify(withAuthorization(header, "20150830T123600Z"), BODY),
                ErrorCode.IncompleteSignatureException,
                "'garbage' not a valid key=value pair (missing equal-sign) in Authorization header: '" + header + "'.");
    }

    @Test
    void refusesAnUnsupportedAlgorithmAsIncompleteSignature() {
        // Code as for other malformed headers; the message text is unconfirmed.
        String header = "AWS4-HMAC-SHA1 Credential=" + KEY + "/" + SCOPE + ", SignedHeaders=host, Signature=00";
        assertThatThrownBy(() -> verifier(AuthMode.STRICT).verify(withAuthorization(header, "20150830T123600Z"), BODY))
                .isInstanceOfSatisfying(CognitoException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IncompleteSignatureException));
    }

    @Test
    void refusesACredentialWithoutFiveSlashDelimitedElements() {
        // Captured: mhart/aws4#97.
        String credential = KEY + "/20150830/us-east-1/cognito-idp";
        assertRefused(() -> verifier(AuthMode.STRICT)
                        .verify(withAuthorization(authorization(credential), "20150830T123600Z"), BODY),
                ErrorCode.IncompleteSignatureException,
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '"
                        + credential + "'");
    }

    @Test
    void refusesARequestWithNeitherXAmzDateNorDate() {
        // The sentence is AWS's (captured within the four-part message, aws/chalice#828); alone it is unconfirmed.
        String header = authorization(KEY + "/" + SCOPE);
        assertRefused(() -> verifier(AuthMode.STRICT).verify(withAuthorization(header, null), BODY),
                ErrorCode.IncompleteSignatureException,
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization="
                        + header);
    }

    @Test
    void refusesAnXAmzDateThatIsNotIso8601Basic() {
        // Unconfirmed text.
        assertRefused(() -> verifier(AuthMode.STRICT)
                        .verify(withAuthorization(authorization(KEY + "/" + SCOPE), "2015-08-30T12:36:00Z"), BODY),
                ErrorCode.IncompleteSignatureException,
                "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. "
                        + "See http://en.wikipedia.org/wiki/ISO_8601");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20150830T123600", "20150830 123600Z", "2015O830T123600Z", "20150230T123600Z",
        "20151330T123600Z", "20150830T246000Z", "+0150830T123600Z", "20150830T123600Z0"})
    void readsXAmzDateStrictly(String malformed) {
        assertThatThrownBy(() -> SigV4Verifier.parseAmzDate(malformed))
                .isInstanceOfSatisfying(CognitoException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IncompleteSignatureException));
    }

    @Test
    void readsXAmzDateAsUtcEpochSeconds() {
        assertThat(SigV4Verifier.parseAmzDate("20150830T123600Z"))
                .isEqualTo(Instant.parse("2015-08-30T12:36:00Z").getEpochSecond());
        assertThat(SigV4Verifier.parseAmzDate("20240229T235959Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59Z").getEpochSecond());
    }

    // --- signed headers ------------------------------------------------------------------------------------

    private static final String HOST_NOT_SIGNED = "'Host' or ':authority' must be a 'SignedHeader' in the AWS "
            + "Authorization.";

    private static String signedHeaders(String names) {
        return "AWS4-HMAC-SHA256 Credential=" + KEY + "/" + SCOPE + ", SignedHeaders=" + names + ", Signature="
                + "0".repeat(64);
    }

    @ParameterizedTest
    @EnumSource(value = AuthMode.class, names = {"STRICT", "LENIENT"})
    void refusesASignatureThatDoesNotCoverHost(AuthMode mode) {
        // Captured from a Coral JSON service (DynamoDB): aws/aws-sdk-php#2469.
        assertRefused(() -> verifier(mode).verify(withAuthorization(signedHeaders("x-amz-date;x-amz-target"),
                "20150830T123600Z"), BODY), ErrorCode.InvalidSignatureException, HOST_NOT_SIGNED);
    }

    @Test
    void refusesASignatureThatDoesNotCoverHostEvenForAnUnknownKeyInLenientMode() {
        String header = signedHeaders("x-amz-date;x-amz-target").replace(KEY + "/", "AKIDUNKNOWN/");
        assertRefused(() -> verifier(AuthMode.LENIENT).verify(withAuthorization(header, "20150830T123600Z"), BODY),
                ErrorCode.InvalidSignatureException, HOST_NOT_SIGNED);
    }

    @Test
    void refusesASignatureThatDoesNotCoverXAmzDate() {
        // Unconfirmed text: the captured Host sentence, naming the date header.
        assertRefused(() -> verifier(AuthMode.STRICT).verify(withAuthorization(signedHeaders("host;x-amz-target"),
                "20150830T123600Z"), BODY), ErrorCode.InvalidSignatureException,
                "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void refusesASignatureThatDoesNotCoverTheDateHeaderItIsCheckedAgainst() {
        // Unconfirmed text. The date came from Date (no X-Amz-Date), so Date must be signed.
        FakeRequest request = withAuthorization(signedHeaders("host;x-amz-target"), null)
                .header("Date", "Sun, 30 Aug 2015 12:36:00 GMT");
        assertRefused(() -> verifier(AuthMode.STRICT).verify(request, BODY), ErrorCode.InvalidSignatureException,
                "'Date' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @ParameterizedTest
    @EnumSource(value = AuthMode.class, names = {"STRICT", "LENIENT"})
    void refusesAGenuineSignatureThatDoesNotCoverXAmzTarget(AuthMode mode) {
        // The replay: DescribeUserPool signed without its target, sent as DeleteUserPool. The signature itself is
        // right (the SDK signed every header it was given, and it was given no X-Amz-Target). Unconfirmed text.
        byte[] body = "{\"UserPoolId\":\"us-east-1_abc123\"}".getBytes(StandardCharsets.UTF_8);
        FakeRequest request = SdkSigner.asView(SdkSigner.sign("POST", ENDPOINT.resolve("/"),
                Map.of("Content-Type", "application/x-amz-json-1.1"), body, KEY, SECRET, "us-east-1", "cognito-idp",
                NOW)).header("X-Amz-Target", SdkSigner.TARGET_PREFIX + "DeleteUserPool");
        assertRefused(() -> verifier(mode).verify(request, body), ErrorCode.InvalidSignatureException,
                "'X-Amz-Target' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @Test
    void acceptsTheSdksSignatureWhichCoversHostDateAndTarget() {
        FakeRequest request = signed(KEY, SECRET, "us-east-1", NOW);
        String names = request.header("authorization").replaceAll(".*SignedHeaders=([^,]*),.*", "$1");
        assertThat(names.split(";")).contains("host", "x-amz-date", "x-amz-target");
        assertThat(verifier(AuthMode.STRICT).verify(request, BODY)).isEqualTo("us-east-1");
    }

    @Test
    void requiresNoOtherHeaderWhenBuiltWithoutOne() {
        SigV4Verifier plain = new SigV4Verifier(AuthMode.STRICT, Map.of(KEY, SECRET), "cognito-idp",
                Clock.fixed(NOW, ZoneOffset.UTC), List.of());
        FakeRequest request = SdkSigner.asView(SdkSigner.sign("POST", ENDPOINT.resolve("/"),
                Map.of("Content-Type", "application/x-amz-json-1.1"), BODY, KEY, SECRET, "us-east-1", "cognito-idp",
                NOW));
        assertThat(plain.verify(request, BODY)).isEqualTo("us-east-1");
    }

    @ParameterizedTest
    @CsvSource({"host;x-amz-date, host, true", "content-type;host;x-amz-date, HOST, true", "host, host, true",
        "ghost;x-amz-date, host, false", "hosts;x-amz-date, host, false", "x-amz-date;hos, host, false",
        "'', host, false", "host;x-amz-date, x-amz-date, true", "host;x-amz-date, X-Amz-Target, false"})
    void findsASignedHeaderByItsWholeName(String signedHeaders, String name, boolean signed) {
        assertThat(SigV4Verifier.isSigned(signedHeaders, name)).isEqualTo(signed);
    }

    // --- credential scope ----------------------------------------------------------------------------------

    @Test
    void refusesAScopeForAnotherServiceNamingTheRightOne() {
        // Captured with its trailing space: aws/aws-sdk-ruby#431, disneystreaming/smithy4s#1568.
        String credential = KEY + "/20150830/us-east-1/execute-api/aws4_request";
        assertRefused(() -> verifier(AuthMode.LENIENT)
                        .verify(withAuthorization(authorization(credential), "20150830T123600Z"), BODY),
                ErrorCode.InvalidSignatureException, "Credential should be scoped to correct service: 'cognito-idp'. ");
    }

    @Test
    void refusesASdkSignatureForAnotherService() {
        FakeRequest request = SdkSigner.asView(SdkSigner.sign("POST", ENDPOINT.resolve("/"),
                Map.of("X-Amz-Target", SdkSigner.TARGET_PREFIX + "ListUserPools"), BODY, KEY, SECRET, "us-east-1",
                "cognito-identity", NOW));
        assertRefused(() -> verifier(AuthMode.STRICT).verify(request, BODY),
                ErrorCode.InvalidSignatureException, "Credential should be scoped to correct service: 'cognito-idp'. ");
    }

    @Test
    void refusesAScopeWithABadTerminator() {
        // Unconfirmed text (AWS's wording as reported by other emulators).
        String credential = KEY + "/20150830/us-east-1/cognito-idp/aws4_reqest";
        assertRefused(() -> verifier(AuthMode.STRICT)
                        .verify(withAuthorization(authorization(credential), "20150830T123600Z"), BODY),
                ErrorCode.InvalidSignatureException,
                "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_reqest'. ");
    }

    @Test
    void refusesAScopeWithAnInvalidRegion() {
        // Wording captured for a region the service does not serve: aws/aws-sdk-ruby#508, aws/aws-sdk-java#1097.
        String credential = KEY + "/20150830/US_EAST_1/cognito-idp/aws4_request";
        assertRefused(() -> verifier(AuthMode.LENIENT)
                        .verify(withAuthorization(authorization(credential), "20150830T123600Z"), BODY),
                ErrorCode.InvalidSignatureException, "Credential should be scoped to a valid region, not 'US_EAST_1'. ");
    }

    @Test
    void refusesAScopeDateThatDiffersFromXAmzDate() {
        // Unconfirmed text.
        String credential = KEY + "/20150831/us-east-1/cognito-idp/aws4_request";
        assertRefused(() -> verifier(AuthMode.STRICT)
                        .verify(withAuthorization(authorization(credential), "20150830T123600Z"), BODY),
                ErrorCode.InvalidSignatureException,
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                        + "'20150831' != '20150830', from '20150830T123600Z'.");
    }

    @Test
    void refusesARegionLongerThanAnyRealOneWithAwsText() {
        // Wording as for any invalid region (aws/aws-sdk-ruby#508); 32 characters pass, 33 do not.
        String longest = "a".repeat(SigV4Verifier.MAX_REGION_LENGTH);
        assertThat(verifier(AuthMode.LENIENT).verify(signed("AKIDUNKNOWN", "x", longest, NOW), BODY))
                .isEqualTo(longest);
        String tooLong = longest + "a";
        assertRefused(() -> verifier(AuthMode.LENIENT).verify(signed("AKIDUNKNOWN", "x", tooLong, NOW), BODY),
                ErrorCode.InvalidSignatureException, "Credential should be scoped to a valid region, not '" + tooLong
                        + "'. ");
    }

    // --- signing-key cache ---------------------------------------------------------------------------------

    @Test
    void manyHugeOrOddRegionsSignedWithAConfiguredKeyAreRefusedBeforeAnythingIsCached() {
        // The attack: the public key "test", a fresh 900 KB region a request. Each used to leave a signing key in a
        // map that was never emptied (about 230 requests filled a 256 MB heap).
        SigV4Verifier verifier = verifier(AuthMode.STRICT);
        List<String> regions = new ArrayList<>(List.of("", "US-EAST-1", "us_east_1",
                "us-east-1\u00e9", "us-east-1.", "a".repeat(SigV4Verifier.MAX_REGION_LENGTH + 1)));
        for (int i = 0; i < 240; i++) {
            regions.add(i + "-" + "x".repeat(900_000));
        }
        for (String region : regions) {
            String header = "AWS4-HMAC-SHA256 Credential=test/20150830/" + region + "/cognito-idp/aws4_request, "
                    + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64);
            assertRefused(() -> verifier.verify(withAuthorization(header, "20150830T123600Z"), BODY),
                    ErrorCode.InvalidSignatureException,
                    "Credential should be scoped to a valid region, not '" + region + "'. ");
        }
        assertThat(verifier.cachedSigningKeys()).isZero();
    }

    @Test
    void theSigningKeyCacheStaysBoundedOverManyValidRegions() {
        SigV4Verifier verifier = verifier(AuthMode.STRICT);
        for (int i = 0; i < 1000; i++) {
            String region = "zz-test-" + i;
            assertThat(verifier.verify(signed(KEY, SECRET, region, NOW), BODY)).isEqualTo(region);
            assertThat(verifier.cachedSigningKeys()).isBetween(1, SigV4Verifier.SIGNING_KEY_SLOTS);
        }
    }

    @Test
    void aCachedSigningKeyIsOnlyUsedForItsOwnKeyDateAndRegion() {
        SigV4Verifier verifier = verifier(AuthMode.STRICT);
        for (int round = 0; round < 2; round++) {
            // Whatever shares a slot with what, each signature is checked with its own key.
            for (int i = 0; i < 200; i++) {
                assertThat(verifier.verify(signed(i % 2 == 0 ? KEY : "test", i % 2 == 0 ? SECRET : "test",
                        "zz-" + i, NOW), BODY)).isEqualTo("zz-" + i);
                int j = i;
                assertRefused(() -> verifier.verify(signed(KEY, "test", "zz-" + j, NOW), BODY),
                        ErrorCode.InvalidSignatureException, MISMATCH);
            }
        }
    }

    // --- clock skew ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = AuthMode.class, names = {"STRICT", "LENIENT"})
    void refusesASignatureOlderThanFifteenMinutes(AuthMode mode) {
        // Captured format: aws/aws-sdk-js#254, upmc-enterprises/registry-creds#24.
        Instant now = NOW.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertRefused(() -> verifier(mode, now).verify(signed(KEY, SECRET, "us-east-1", NOW), BODY),
                ErrorCode.InvalidSignatureException,
                "Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T125101Z - 15 min.)");
    }

    @Test
    void refusesASignatureMoreThanFifteenMinutesAhead() {
        // Unconfirmed text (the mirror image of the expired message).
        Instant now = NOW.minus(Duration.ofMinutes(15)).minusSeconds(1);
        assertRefused(() -> verifier(AuthMode.STRICT, now).verify(signed(KEY, SECRET, "us-east-1", NOW), BODY),
                ErrorCode.InvalidSignatureException,
                "Signature not yet current: 20150830T123600Z is still later than 20150830T123559Z "
                        + "(20150830T122059Z + 15 min.)");
    }

    @Test
    void checksTheClockEvenForUnknownKeysInLenientMode() {
        Instant now = NOW.plus(Duration.ofHours(1));
        assertThatThrownBy(() -> verifier(AuthMode.LENIENT, now).verify(signed("AKIDUNKNOWN", "x", "us-east-1", NOW),
                BODY)).isInstanceOfSatisfying(CognitoException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.InvalidSignatureException);
                    assertThat(e.getMessage()).startsWith("Signature expired: ");
                });
    }

    // --- access key and signature --------------------------------------------------------------------------

    @Test
    void refusesAnUnknownAccessKeyInStrictMode() {
        // Captured: ArranJacques/laravel-aws-cognito-auth#25.
        assertRefused(() -> verifier(AuthMode.STRICT).verify(signed("AKIDUNKNOWN", "whatever", "us-east-1", NOW), BODY),
                ErrorCode.UnrecognizedClientException, "The security token included in the request is invalid.");
    }

    @Test
    void acceptsAnUnknownAccessKeyInLenientModeAndAnswersTheScopesRegion() {
        assertThat(verifier(AuthMode.LENIENT).verify(signed("AKIDUNKNOWN", "whatever", "ap-northeast-1", NOW), BODY))
                .isEqualTo("ap-northeast-1");
    }

    @ParameterizedTest
    @EnumSource(value = AuthMode.class, names = {"STRICT", "LENIENT"})
    void refusesAKnownKeySignedWithTheWrongSecret(AuthMode mode) {
        // Captured: aws/aws-sdk-js#1985.
        assertRefused(() -> verifier(mode).verify(signed(KEY, "not-the-secret", "us-east-1", NOW), BODY),
                ErrorCode.InvalidSignatureException, MISMATCH);
    }

    @Test
    void refusesASignatureOverADifferentBody() {
        byte[] other = "{\"MaxResults\":11}".getBytes(StandardCharsets.UTF_8);
        assertRefused(() -> verifier(AuthMode.STRICT).verify(signed(KEY, SECRET, "us-east-1", NOW), other),
                ErrorCode.InvalidSignatureException, MISMATCH);
    }

    // --- off -----------------------------------------------------------------------------------------------

    @Test
    void acceptsAnythingWhenOff() {
        SigV4Verifier off = verifier(AuthMode.OFF, NOW.plus(Duration.ofDays(3)));
        assertThat(off.verify(withAuthorization(null, null), BODY)).isNull();
        assertThat(off.verify(withAuthorization("Bearer token", null), BODY)).isNull();
        assertThat(off.verify(withAuthorization("AWS4-HMAC-SHA256 Foo=bar", null), BODY)).isNull();
        assertThat(off.verify(signed("AKIDUNKNOWN", "x", "sa-east-1", NOW), BODY)).isEqualTo("sa-east-1");
        assertThat(off.verify(signed(KEY, "wrong", "eu-west-3", NOW), "tampered".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("eu-west-3");
    }

    @Test
    void ignoresAnUnusableScopeRegionWhenOff() {
        String header = authorization(KEY + "/20150830/NOT A REGION/cognito-idp/aws4_request");
        assertThat(verifier(AuthMode.OFF).verify(withAuthorization(header, null), BODY)).isNull();
    }
}
