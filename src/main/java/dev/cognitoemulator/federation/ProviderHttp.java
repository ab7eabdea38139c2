package dev.cognitoemulator.federation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nimbusds.jose.jwk.JWKSet;
import dev.cognitoemulator.model.Json;
import dev.cognitoemulator.oauth.OAuthError;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's calls to external providers (java.net.http, never under a pool lock): an OIDC issuer's discovery
 * document and keys (each kept a while, in bounded caches), the token request, the userInfo (attributes) request.
 * Every call has a connect and a request timeout; redirects are not followed. A provider that cannot be reached or
 * answers with an error is an {@link OAuthError} {@code invalid_request} whose description says what went wrong,
 * as Cognito's redirect shows a provider's failure (captured: {@code error_description=Connection reset&
 * error=invalid_request}, amazon-archives/amazon-cognito-auth-js#169; the other descriptions are unconfirmed).
 */
public final class ProviderHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderHttp.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** How long a discovery document or key set is used before it is read again. */
    private static final Duration CACHED_FOR = Duration.ofMinutes(5);
    /** A key set is read again for an unknown {@code kid} at most this often (a provider that rotated its keys). */
    private static final Duration REFETCH_AFTER = Duration.ofSeconds(10);
    /** Issuers (and key sets) kept at once. */
    private static final int CACHE_ENTRIES = 256;
    private static final long MAX_BODY_CHARS = 1 << 20;
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private record Cached<T>(T value, Instant fetched) {
    }

    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Cached<Map<String, String>>> discoveries = new ConcurrentHashMap<>();
    private final Map<String, Cached<JWKSet>> keySets = new ConcurrentHashMap<>();

    public ProviderHttp(Clock clock) {
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The endpoints of an OIDC issuer's discovery document ({@code <issuer>/.well-known/openid-configuration}). */
    Map<String, String> discovery(String issuer) {
        Cached<Map<String, String>> cached = discoveries.get(issuer);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.fetched().plus(CACHED_FOR))) {
            return cached.value();
        }
        String url = (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration";
        Map<String, Object> doc = json(send(HttpRequest.newBuilder(uri(url)).GET()), url);
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (String key : new String[] {"issuer", "authorization_endpoint", "token_endpoint", "userinfo_endpoint",
                "jwks_uri"}) {
            if (doc.get(key) instanceof String value) {
                endpoints.put(key, value);
            }
        }
        put(discoveries, issuer, new Cached<>(Map.copyOf(endpoints), now));
        return endpoints;
    }

    /**
     * The provider's keys; read again when older than a few minutes, or when {@code kid} is not among them (the
     * provider may have rotated its keys) and they were not read in the last few seconds.
     */
    JWKSet keys(String jwksUri, String kid) {
        Cached<JWKSet> cached = keySets.get(jwksUri);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.fetched().plus(CACHED_FOR))
                && (kid == null || cached.value().getKeyByKeyId(kid) != null
                        || now.isBefore(cached.fetched().plus(REFETCH_AFTER)))) {
            return cached.value();
        }
        String body = send(HttpRequest.newBuilder(uri(jwksUri)).GET());
        JWKSet keys;
        try {
            keys = JWKSet.parse(body);
        } catch (ParseException e) {
            throw failure("Invalid JWKS from the identity provider");
        }
        put(keySets, jwksUri, new Cached<>(keys, now));
        return keys;
    }

    /**
     * The token request for an authorization code (RFC 6749 section 4.1.3), the client authenticated by
     * {@code client_secret} in the form (client_secret_post; unconfirmed which method Cognito uses), as a POST, or as
     * a GET with the parameters in the query for a provider whose {@code token_request_method} is GET (Facebook).
     */
    Map<String, Object> token(ProviderEndpoints endpoints, String clientSecret, String code, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", endpoints.clientId());
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        String encoded = encode(form);
        HttpRequest.Builder request = "GET".equals(endpoints.tokenMethod())
                ? HttpRequest.newBuilder(uri(append(endpoints.tokenUrl(), encoded))).GET()
                : HttpRequest.newBuilder(uri(endpoints.tokenUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encoded));
        return json(send(request.header("Accept", "application/json")), endpoints.tokenUrl());
    }

    /**
     * The user's claims from the provider's attributes (userInfo) endpoint, with its access token as a Bearer
     * token, by the provider's {@code attributes_request_method}; {@code fields} (comma-separated claim names) are
     * appended to the URL where the provider wants them ({@code attributes_url_add_attributes}).
     */
    Map<String, Object> attributes(ProviderEndpoints endpoints, String accessToken, String fields) {
        String url = endpoints.addAttributes() ? endpoints.attributesUrl() + fields : endpoints.attributesUrl();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(url))
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json");
        if ("POST".equals(endpoints.attributesMethod())) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.GET();
        }
        return json(send(request), url);
    }

    private String send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(REQUEST_TIMEOUT).build();
        HttpResponse<String> response;
        try {
            response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.debug("identity provider {} {}: {}", built.method(), built.uri().getPath(), e.toString());
            throw failure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("Interrupted");
        }
        String body = response.body();
        if (body.length() > MAX_BODY_CHARS) {
            throw failure("Response from the identity provider too large");
        }
        if (response.statusCode() / 100 != 2) {
            LOG.debug("identity provider {} {} answered {}", built.method(), built.uri().getPath(),
                    response.statusCode());
            String error = errorOf(body);
            throw failure(error != null ? error : "Error from the identity provider: HTTP " + response.statusCode());
        }
        return body;
    }

    private static Map<String, Object> json(String body, String url) {
        try {
            Map<String, Object> value = Json.MAPPER.readValue(body, OBJECT);
            if (value == null) {
                throw failure("Invalid response from the identity provider");
            }
            return value;
        } catch (IOException e) {
            LOG.debug("identity provider {}: not a JSON object", url);
            throw failure("Invalid response from the identity provider");
        }
    }

    /** An OAuth error response's {@code error} (RFC 6749 section 5.2), or null. */
    private static String errorOf(String body) {
        try {
            Map<String, Object> value = Json.MAPPER.readValue(body, OBJECT);
            return value != null && value.get("error") instanceof String error ? error : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static URI uri(String url) {
        try {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw failure("Invalid identity provider endpoint");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw failure("Invalid identity provider endpoint");
        }
    }

    private static String append(String url, String query) {
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** Bounded: a full cache is emptied before the new entry goes in (entries are cheap to fetch again). */
    private static <T> void put(Map<String, Cached<T>> cache, String key, Cached<T> value) {
        if (cache.size() >= CACHE_ENTRIES && !cache.containsKey(key)) {
            cache.clear();
        }
        cache.put(key, value);
    }

    static OAuthError failure(String description) {
        return OAuthError.of(400, "invalid_request", description);
    }
}
