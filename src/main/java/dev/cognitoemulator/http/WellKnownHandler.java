package dev.cognitoemulator.http;

import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.Json;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.tokens.KeyRing;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /<pool id>/.well-known/jwks.json} and {@code /openid-configuration}, where a JWT library looks
 * for a Cognito issuer's keys. An unknown pool is a 404 in the AWS error shape.
 */
final class WellKnownHandler implements HttpHandler {

    static final String JWKS = "/.well-known/jwks.json";
    static final String DISCOVERY = "/.well-known/openid-configuration";

    private final UserPoolStore store;
    private final KeyRing keys;
    private final String issuerBase;

    WellKnownHandler(UserPoolStore store, KeyRing keys, String issuerBase) {
        this.store = store;
        this.keys = keys;
        this.issuerBase = issuerBase;
    }

    static boolean matches(String path) {
        return path.endsWith(JWKS) || path.endsWith(DISCOVERY);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        // A pool's first key takes tens of milliseconds to make: not on the IO thread.
        exchange.dispatch(() -> answer(exchange));
    }

    private void answer(HttpServerExchange exchange) {
        try {
            String path = exchange.getRequestPath();
            boolean jwks = path.endsWith(JWKS);
            String poolId = path.substring(1, path.length() - (jwks ? JWKS : DISCOVERY).length());
            try {
                store.pool(poolId);
            } catch (CognitoException e) {
                Responses.onIoThread(exchange, () -> Responses.error(exchange, 404, e.code(), e.getMessage()));
                return;
            }
            Object body = jwks ? keys.jwks(poolId) : discovery(exchange, poolId);
            byte[] json = Json.MAPPER.writeValueAsBytes(body);
            Responses.onIoThread(exchange, () -> Responses.json(exchange, 200, "application/json", json));
        } catch (IOException | RuntimeException e) {
            Responses.onIoThread(exchange, () -> Responses.error(exchange, e));
        }
    }

    private Map<String, Object> discovery(HttpServerExchange exchange, String poolId) {
        String issuer = RequestContext.issuer(issuerBase, exchange.getRequestHeaders().getFirst(Headers.HOST),
                poolId);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("jwks_uri", issuer + JWKS);
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
