package dev.cognitoemulator.http;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.model.Json;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.tokens.Issuer;
import dev.cognitoemulator.tokens.Keys;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /<pool id>/.well-known/jwks.json} and {@code /openid-configuration}, where a JWT library looks for a
 * Cognito issuer's keys. An unknown pool is a 404 in the AWS error shape.
 */
final class WellKnownHandler {

    static final String JWKS = "/{pool}/.well-known/jwks.json";
    static final String DISCOVERY = "/{pool}/.well-known/openid-configuration";

    private final UserPoolStore store;
    private final Keys keys;
    private final Issuer issuer;

    WellKnownHandler(UserPoolStore store, Keys keys, Issuer issuer) {
        this.store = store;
        this.keys = keys;
        this.issuer = issuer;
    }

    HttpHandler jwks() {
        return onWorker(poolId -> keys.jwks(poolId));
    }

    HttpHandler discovery() {
        return onWorker(this::discovery);
    }

    /** A pool's first key may have to be made: not on the IO thread. */
    private HttpHandler onWorker(Function<String, Object> body) {
        return exchange -> exchange.dispatch(() -> {
            try {
                String poolId = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("pool");
                store.pool(poolId);
                byte[] json = Json.bytes(body.apply(poolId));
                Responses.onIoThread(exchange, () -> Responses.send(exchange, 200, "application/json", json));
            } catch (Throwable e) {
                Responses.onIoThread(exchange, () -> notFoundOrFailure(exchange, e));
            }
        });
    }

    private static void notFoundOrFailure(HttpServerExchange exchange, Throwable e) {
        if (e instanceof CognitoException c) {
            Failures.render(Surface.AWS_JSON, exchange, 404, c.code(), c.getMessage());
        } else {
            Failures.render(Surface.AWS_JSON, exchange, e);
        }
    }

    /**
     * The members Cognito's document publishes (documented: developer guide, "Token endpoint" and "UserInfo
     * endpoint" name their discovery members; the list of members as Cognito's document shows them is unconfirmed
     * beyond these). The endpoints are the emulator's, at the base of the issuer (the listener's, or
     * {@code --issuer-base}), and only when the pool has a domain, as Cognito serves them only at one (unconfirmed:
     * what Cognito's document shows for a pool without a domain). {@code authorization_endpoint}, the response types,
     * scopes and auth methods are as a captured document of a pool with a domain has them (captured:
     * micronaut-projects/micronaut-security, EmbeddedServerOpenIdProviderMetadataFetcherCodeGeneratorSpec).
     */
    private Map<String, Object> discovery(String poolId) {
        String iss = issuer.of(poolId);
        String base = iss.substring(0, iss.length() - poolId.length() - 1);
        boolean hasDomain = store.read(poolId, pool -> !pool.domains().isEmpty());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", iss);
        doc.put("jwks_uri", iss + "/.well-known/jwks.json");
        if (hasDomain) {
            doc.put("authorization_endpoint", base + HostedUiHandler.AUTHORIZE);
            doc.put("token_endpoint", base + OAuthHandler.TOKEN);
            doc.put("userinfo_endpoint", base + OAuthHandler.USER_INFO);
            doc.put("revocation_endpoint", base + OAuthHandler.REVOKE);
        }
        doc.put("response_types_supported", List.of("code", "token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("scopes_supported", List.of("openid", "email", "phone", "profile"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        doc.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "token_use",
                "cognito:username", "cognito:groups", "email", "email_verified", "phone_number",
                "phone_number_verified", "name", "given_name", "family_name", "preferred_username"));
        return doc;
    }
}
