package dev.cognitoemulator.auth;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Verifies AWS Signature Version 4 on a request, as AWS's front end does: header and scope checks, the
 * 15-minute clock window, the access key, then the signature itself (canonical request, string to sign,
 * signing key, constant-time comparison).
 */
public final class SigV4Verifier {

    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Duration SKEW = Duration.ofMinutes(15);
    private static final HexFormat HEX = HexFormat.of();
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
            + "documentation for details.";

    /**
     * The longest credential-scope region accepted. Real regions are at most 14 characters ({@code ap-southeast-2});
     * anything longer is refused before it is hashed or cached, and a pool id ({@code <region>_} and 9 characters,
     * at most 55 in the model) could not hold it anyway.
     */
    static final int MAX_REGION_LENGTH = 32;
    /** Slots of the signing-key cache: a few keys, dates and regions are in use at once, never more. */
    static final int SIGNING_KEY_SLOTS = 64;

    /** A derived signing key and what it was derived for (the secret is the access key's, never a map key). */
    private record SigningKey(String accessKey, String date, String region, byte[] key) {

        boolean isFor(String accessKey, String date, String region) {
            return this.accessKey.equals(accessKey) && this.date.equals(date) && this.region.equals(region);
        }
    }

    private final AuthMode mode;
    private final Map<String, String> secrets;
    private final String service;
    private final Clock clock;
    private final List<String> requiredSignedHeaders;
    /**
     * Signing keys by access key, date and region in a fixed table: a key lands in one slot and replaces whatever
     * was there, so no sequence of requests can grow it. Lock-free; a replaced key is derived again (four HMACs).
     */
    private final AtomicReferenceArray<SigningKey> signingKeys = new AtomicReferenceArray<>(SIGNING_KEY_SLOTS);

    /** A verifier for the AWS JSON 1.1 API: {@code X-Amz-Target}, which names the operation, must be signed. */
    public SigV4Verifier(AuthMode mode, Map<String, String> secrets, String service, Clock clock) {
        this(mode, secrets, service, clock, List.of("X-Amz-Target"));
    }

    /**
     * @param requiredSignedHeaders headers that must be in {@code SignedHeaders} besides {@code host} and the date's
     *                              header, as written in the error message (e.g. {@code X-Amz-Target})
     */
    public SigV4Verifier(AuthMode mode, Map<String, String> secrets, String service, Clock clock,
            List<String> requiredSignedHeaders) {
        this.mode = mode;
        this.secrets = Map.copyOf(secrets);
        this.service = service;
        this.clock = clock;
        this.requiredSignedHeaders = List.copyOf(requiredSignedHeaders);
    }

    /**
     * Checks the request's signature and answers the region it was signed for; null when the mode is
     * {@code OFF} and the request carries no usable credential scope.
     */
    public String verify(HttpRequestView request, byte[] body) {
        String authorization = request.header("authorization");
        if (mode == AuthMode.OFF) {
            return authorization == null ? null : regionOrNull(authorization);
        }
        if (authorization == null) {
            throw new CognitoException(ErrorCode.MissingAuthenticationTokenException, "Missing Authentication Token");
        }
        String amzDate = request.header("x-amz-date");
        boolean fromXAmzDate = amzDate != null;
        if (amzDate == null) {
            amzDate = fromHttpDate(request.header("date"));
        }
        AuthorizationHeader auth = AuthorizationHeader.parse(authorization, amzDate != null);
        if (amzDate == null) {
            throw new CognitoException(ErrorCode.IncompleteSignatureException,
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                            + "Authorization=" + authorization);
        }
        long signedAt = parseAmzDate(amzDate);
        checkSignedHeaders(auth.signedHeaders(), fromXAmzDate ? "X-Amz-Date" : "Date");
        checkScope(auth, amzDate);
        checkClock(amzDate, signedAt);
        String secret = secrets.get(auth.accessKey());
        if (secret == null) {
            if (mode == AuthMode.STRICT) {
                throw new CognitoException(ErrorCode.UnrecognizedClientException,
                        "The security token included in the request is invalid.");
            }
            return auth.region();
        }
        String expected = signature(secret, auth, amzDate, request, body);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new CognitoException(ErrorCode.InvalidSignatureException, SIGNATURE_MISMATCH);
        }
        return auth.region();
    }

    private static String regionOrNull(String authorization) {
        try {
            String region = AuthorizationHeader.parse(authorization, true).region();
            return validRegion(region) ? region : null;
        } catch (CognitoException e) {
            return null;
        }
    }

    /**
     * What a signature must cover: the host, the date it is checked against and the operation. A signature
     * without them could be replayed against another host, at another time (the date header swapped for a
     * fresh one) or, worst, as another operation: {@code DescribeUserPool} signed, {@code DeleteUserPool} sent.
     *
     * <p>Texts: {@code InvalidSignatureException} "'Host' or ':authority' must be a 'SignedHeader' in the AWS
     * Authorization." is captured from a Coral JSON service (DynamoDB, aws/aws-sdk-php#2469); the same sentence
     * for the date header and {@code X-Amz-Target} is unconfirmed (dacut/scratchstack-aws-signature, modelled on
     * AWS's error ordering, words other required headers this way, e.g. "'Content-Type' must be a ...").
     * Whether AWS itself refuses an unsigned {@code X-Amz-Target} is unconfirmed too; the emulator does.
     *
     * @param dateHeader the header the request's date came from, as written in the message
     */
    private void checkSignedHeaders(String signedHeaders, String dateHeader) {
        if (!isSigned(signedHeaders, "host")) {
            throw new CognitoException(ErrorCode.InvalidSignatureException,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        if (!isSigned(signedHeaders, dateHeader)) {
            throw notSigned(dateHeader);
        }
        for (String header : requiredSignedHeaders) {
            if (!isSigned(signedHeaders, header)) {
                throw notSigned(header);
            }
        }
    }

    private static CognitoException notSigned(String header) {
        return new CognitoException(ErrorCode.InvalidSignatureException,
                "'" + header + "' must be a 'SignedHeader' in the AWS Authorization.");
    }

    /** Whether {@code name} is one of the {@code ;}-separated names (case-insensitive), without splitting. */
    static boolean isSigned(String signedHeaders, String name) {
        int n = name.length();
        for (int start = 0, end; start <= signedHeaders.length(); start = end + 1) {
            end = signedHeaders.indexOf(';', start);
            end = end < 0 ? signedHeaders.length() : end;
            if (end - start == n && signedHeaders.regionMatches(true, start, name, 0, n)) {
                return true;
            }
        }
        return false;
    }

    private void checkScope(AuthorizationHeader auth, String amzDate) {
        if (!"aws4_request".equals(auth.terminator())) {
            throw new CognitoException(ErrorCode.InvalidSignatureException,
                    "Credential should be scoped with a valid terminator: 'aws4_request', not '"
                            + auth.terminator() + "'. ");
        }
        if (!service.equals(auth.service())) {
            throw new CognitoException(ErrorCode.InvalidSignatureException,
                    "Credential should be scoped to correct service: '" + service + "'. ");
        }
        if (!validRegion(auth.region())) {
            throw new CognitoException(ErrorCode.InvalidSignatureException,
                    "Credential should be scoped to a valid region, not '" + auth.region() + "'. ");
        }
        if (auth.date().length() != 8 || !amzDate.startsWith(auth.date())) {
            String day = amzDate.substring(0, 8);
            throw new CognitoException(ErrorCode.InvalidSignatureException,
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                            + auth.date() + "' != '" + day + "', from '" + amzDate + "'.");
        }
    }

    /** {@code [a-z0-9-]{1,32}}, without a regex on every request. */
    private static boolean validRegion(String region) {
        if (region.isEmpty() || region.length() > MAX_REGION_LENGTH) {
            return false;
        }
        for (int i = 0; i < region.length(); i++) {
            char c = region.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private void checkClock(String amzDate, long signedAt) {
        long nowSeconds = clock.instant().getEpochSecond();
        if (Math.abs(signedAt - nowSeconds) <= SKEW.toSeconds()) {
            return;
        }
        ZonedDateTime now = Instant.ofEpochSecond(nowSeconds).atZone(ZoneOffset.UTC);
        if (signedAt < nowSeconds) {
            throw new CognitoException(ErrorCode.InvalidSignatureException, "Signature expired: " + amzDate
                    + " is now earlier than " + AMZ_DATE.format(now.minus(SKEW)) + " (" + AMZ_DATE.format(now)
                    + " - 15 min.)");
        }
        throw new CognitoException(ErrorCode.InvalidSignatureException, "Signature not yet current: " + amzDate
                + " is still later than " + AMZ_DATE.format(now.plus(SKEW)) + " (" + AMZ_DATE.format(now)
                + " + 15 min.)");
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} to epoch seconds, read by hand: a DateTimeFormatter costs microseconds. */
    static long parseAmzDate(String amzDate) {
        if (amzDate.length() == 16 && amzDate.charAt(8) == 'T' && amzDate.charAt(15) == 'Z') {
            int year = digits(amzDate, 0, 4);
            int month = digits(amzDate, 4, 6);
            int day = digits(amzDate, 6, 8);
            int hour = digits(amzDate, 9, 11);
            int minute = digits(amzDate, 11, 13);
            int second = digits(amzDate, 13, 15);
            if ((year | month | day | hour | minute | second) >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    // out of range: refused below
                }
            }
        }
        throw new CognitoException(ErrorCode.IncompleteSignatureException,
                "Date must be in ISO-8601 'basic format'. Got '" + amzDate
                        + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    /** The decimal number in {@code text[from, to)}; -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String fromHttpDate(String date) {
        if (date == null) {
            return null;
        }
        try {
            return AMZ_DATE.format(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String signature(String secret, AuthorizationHeader auth, String amzDate, HttpRequestView request,
            byte[] body) {
        String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + amzDate + "\n" + auth.credentialScope() + "\n"
                + HEX.formatHex(SigV4.sha256(canonicalRequest(auth.signedHeaders(), request, body)
                        .getBytes(StandardCharsets.UTF_8)));
        return HEX.formatHex(SigV4.hmac(signingKey(auth.accessKey(), secret, auth.date(), auth.region()),
                stringToSign));
    }

    /** The cached key when its slot holds it, else derived and put in the slot. Scope already checked. */
    private byte[] signingKey(String accessKey, String secret, String date, String region) {
        int hash = (accessKey.hashCode() * 31 + date.hashCode()) * 31 + region.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (SIGNING_KEY_SLOTS - 1);
        SigningKey cached = signingKeys.get(slot);
        if (cached != null && cached.isFor(accessKey, date, region)) {
            return cached.key();
        }
        byte[] key = SigV4.signingKey(secret, date, region, service);
        signingKeys.set(slot, new SigningKey(accessKey, date, region, key));
        return key;
    }

    /** How many signing keys are cached: at most {@link #SIGNING_KEY_SLOTS}, whatever the requests. */
    int cachedSigningKeys() {
        int count = 0;
        for (int i = 0; i < SIGNING_KEY_SLOTS; i++) {
            count += signingKeys.get(i) == null ? 0 : 1;
        }
        return count;
    }

    /** @param signedHeaders the header names as signed: lower case, {@code ;}-separated */
    static String canonicalRequest(String signedHeaders, HttpRequestView request, byte[] body) {
        StringBuilder sb = new StringBuilder(512);
        sb.append(request.method()).append('\n')
                .append(SigV4.uriEncode(request.rawPath(), false)).append('\n')
                .append(canonicalQuery(request.rawQuery())).append('\n');
        for (int start = 0, end; start < signedHeaders.length(); start = end + 1) {
            end = signedHeaders.indexOf(';', start);
            end = end < 0 ? signedHeaders.length() : end;
            String name = signedHeaders.substring(start, end);
            String value = request.header(name);
            sb.append(name).append(':').append(value == null ? "" : SigV4.trimAll(value)).append('\n');
        }
        sb.append('\n').append(signedHeaders).append('\n')
                .append(HEX.formatHex(SigV4.sha256(body)));
        return sb.toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {SigV4.uriEncode(SigV4.percentDecode(name), true),
                SigV4.uriEncode(SigV4.percentDecode(value), true)});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder sb = new StringBuilder();
        for (String[] pair : pairs) {
            sb.append(sb.length() == 0 ? "" : "&").append(pair[0]).append('=').append(pair[1]);
        }
        return sb.toString();
    }
}
