package dev.cognitoemulator.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signs an outgoing request with Signature Version 4 (the emulator calling another AWS API, such as Lambda's
 * Invoke): the same canonical request the verifier checks, over the {@code host} header and the headers given.
 */
public final class SigV4Signer {

    private static final HexFormat HEX = HexFormat.of();

    private SigV4Signer() {
    }

    /**
     * The headers to add to {@code method uri} for it to be signed: {@code X-Amz-Date},
     * {@code X-Amz-Content-Sha256} and {@code Authorization} (signed as the AWS SDK for Java v2 signs).
     *
     * @param headers the headers the request will carry besides {@code Host} (all of them are signed)
     */
    public static Map<String, String> sign(String method, URI uri, Map<String, String> headers, byte[] body,
            String accessKey, String secret, String region, String service, Instant now) {
        String amzDate = SigV4Verifier.AMZ_DATE.format(now.atOffset(ZoneOffset.UTC));
        String date = amzDate.substring(0, 8);
        Map<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), value));
        signed.put("host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        String payloadHash = HEX.formatHex(SigV4.sha256(body));
        signed.put("x-amz-content-sha256", payloadHash);
        signed.put("x-amz-date", amzDate);
        String signedHeaders = String.join(";", signed.keySet());
        HttpRequestView view = new HttpRequestView() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public String rawPath() {
                return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            }

            @Override
            public String rawQuery() {
                return uri.getRawQuery() == null ? "" : uri.getRawQuery();
            }

            @Override
            public String header(String name) {
                return signed.get(name);
            }
        };
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + HEX.formatHex(SigV4.sha256(SigV4Verifier.canonicalRequest(signedHeaders, view, body)
                        .getBytes(StandardCharsets.UTF_8)));
        String signature = HEX.formatHex(SigV4.hmac(SigV4.signingKey(secret, date, region, service), stringToSign));
        return Map.of("X-Amz-Date", amzDate, "X-Amz-Content-Sha256", payloadHash, "Authorization", AuthorizationHeader.ALGORITHM + " Credential="
                + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
    }
}
