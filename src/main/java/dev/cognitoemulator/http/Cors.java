package dev.cognitoemulator.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ResponseCommitListener;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CORS for pages that call the API straight from a browser (amazon-cognito-identity-js, Amplify): answers the
 * preflight ({@code OPTIONS} with an {@code Origin}) on any path, and stamps every other answer, whichever handler
 * sends it and whatever its status, with {@code Access-Control-Allow-Origin} and {@code -Expose-Headers}.
 * The outermost handler of the route table (inside the request-id stamp), so it covers every surface.
 *
 * <p>Allowed origins: {@code *} answers {@code Access-Control-Allow-Origin: *} to everyone; a list answers a listed
 * {@code Origin} with itself and {@code Vary: Origin}, and gives an origin not listed no CORS headers at all, so
 * the browser refuses the answer (and an unlisted preflight falls through to the routes, which refuse OPTIONS).
 *
 * <p>Where each value comes from:
 * <ul>
 * <li>{@code Access-Control-Allow-Origin: *} and {@code Access-Control-Expose-Headers:
 *     x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date} on an answer: captured, a browser's POST to
 *     cognito-idp.ap-southeast-2.amazonaws.com (aws-amplify/amplify-js#824). amazon-cognito-identity-js reads
 *     {@code x-amzn-ErrorType} when an error body cannot be parsed, so it must be exposed.</li>
 * <li>The preflight: unconfirmed for Cognito, no capture of its answer is public. AWS's JSON front end, as
 *     mhart/kinesalite reproduces it for Kinesis, answers 200 with an empty body, {@code Access-Control-Allow-Headers}
 *     echoing the request's {@code Access-Control-Request-Headers} and {@code Access-Control-Max-Age: 172800}. The
 *     emulator does the same, and always allows the headers the browser SDKs send.</li>
 * <li>{@code Access-Control-Allow-Methods}: unconfirmed (kinesalite echoes the requested method); the methods the
 *     emulator serves.</li>
 * </ul>
 */
final class Cors implements HttpHandler {

    static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    static final HttpString EXPOSE_HEADERS = new HttpString("Access-Control-Expose-Headers");
    static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
    private static final HttpString REQUEST_HEADERS = new HttpString("Access-Control-Request-Headers");

    /** Captured: aws-amplify/amplify-js#824 (see the class comment). */
    static final String EXPOSED = "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date";
    /** Unconfirmed: the methods the emulator serves (POST / for the API, GET for discovery, keys and health). */
    static final String METHODS = "POST, GET, OPTIONS";
    /** Unconfirmed for Cognito: AWS's JSON front end for Kinesis, as kinesalite answers it (two days). */
    static final String PREFLIGHT_MAX_AGE = "172800";
    /**
     * Headers the browser SDKs send: amazon-cognito-identity-js sends Content-Type, X-Amz-Target, X-Amz-User-Agent and
     * Cache-Control (aws-amplify/amplify-js#10804); the AWS SDK for JavaScript v3 adds amz-sdk-invocation-id and
     * amz-sdk-request (aws/aws-sdk-js-v3#1376) and, when it signs with SigV4, Authorization, X-Amz-Date,
     * X-Amz-Security-Token and on some services X-Amz-Content-Sha256 (aws/aws-sdk-js-v3#3275). Any other header a
     * preflight asks for is allowed too.
     */
    static final List<String> ALLOWED_HEADERS = List.of("content-type", "x-amz-target", "x-amz-user-agent",
            "authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256", "amz-sdk-invocation-id",
            "amz-sdk-request", "cache-control");
    /** An HTTP header name (RFC 9110 token): anything else in Access-Control-Request-Headers is not echoed. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final HttpHandler next;
    private final boolean anyOrigin;
    private final Set<String> origins;
    private final ResponseCommitListener stamp = this::stamp;

    /** {@code allowedOrigins}: {@code ["*"]} for any origin, or the origins allowed (empty: none). */
    Cors(List<String> allowedOrigins, HttpHandler next) {
        this.next = next;
        this.anyOrigin = allowedOrigins.contains("*");
        this.origins = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String allowed = allowedOrigin(exchange);
        if (allowed != null && Methods.OPTIONS.equals(exchange.getRequestMethod())
                && exchange.getRequestHeaders().contains(Headers.ORIGIN)) {
            preflight(exchange, allowed);
            return;
        }
        if (allowed != null || !anyOrigin) {
            // At commit, not now: whichever handler answers, and however (errors, 404, 413), gets the headers.
            exchange.addResponseCommitListener(stamp);
        }
        next.handleRequest(exchange);
    }

    /** {@code *}, the request's own Origin when it is listed, or null when CORS headers must not be sent. */
    private String allowedOrigin(HttpServerExchange exchange) {
        if (anyOrigin) {
            return "*";
        }
        String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
        return origin != null && origins.contains(origin.toLowerCase(Locale.ROOT)) ? origin : null;
    }

    private void stamp(HttpServerExchange exchange) {
        stamp(exchange.getResponseHeaders(), allowedOrigin(exchange));
    }

    private void stamp(HeaderMap headers, String allowed) {
        if (!anyOrigin) {
            // The answer depends on Origin, so a cache must not hand one origin's answer to another.
            headers.add(Headers.VARY, Headers.ORIGIN_STRING);
        }
        if (allowed != null) {
            headers.put(ALLOW_ORIGIN, allowed);
            headers.put(EXPOSE_HEADERS, EXPOSED);
        }
    }

    /** 200 with an empty body. */
    private void preflight(HttpServerExchange exchange, String allowed) {
        HeaderMap headers = exchange.getResponseHeaders();
        stamp(headers, allowed);
        headers.put(ALLOW_METHODS, METHODS);
        headers.put(ALLOW_HEADERS, allowHeaders(exchange.getRequestHeaders().getFirst(REQUEST_HEADERS)));
        headers.put(MAX_AGE, PREFLIGHT_MAX_AGE);
        exchange.setStatusCode(200);
        exchange.setResponseContentLength(0);
        exchange.endExchange();
    }

    /** The emulator's list, then whatever else the preflight asks for (lower-cased, once each). */
    static String allowHeaders(String requested) {
        Set<String> names = new LinkedHashSet<>(ALLOWED_HEADERS);
        if (requested != null) {
            for (String name : requested.split(",")) {
                String trimmed = name.trim();
                if (TOKEN.matcher(trimmed).matches()) {
                    names.add(trimmed.toLowerCase(Locale.ROOT));
                }
            }
        }
        return String.join(",", names);
    }
}
