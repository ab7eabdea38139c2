package dev.cognitoemulator.http;

import dev.cognitoemulator.model.Json;
import dev.cognitoemulator.oauth.OAuthError;
import dev.cognitoemulator.oauth.OAuthRequest;
import dev.cognitoemulator.oauth.RevokeEndpoint;
import dev.cognitoemulator.oauth.TokenEndpoint;
import dev.cognitoemulator.oauth.UserInfoEndpoint;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OAuth 2.0 endpoints on the wire: {@code POST /oauth2/token}, {@code GET|POST /oauth2/userInfo},
 * {@code POST /oauth2/revoke}. Bodies are read whole (up to the body limit), the work runs on a worker, and every
 * answer, refusals too, carries {@code Cache-Control: no-store} and {@code Pragma: no-cache} (RFC 6749 section 5.1).
 * Refusals are {@code {"error":"<code>"}} (with {@code error_description} where Cognito sends one); the userInfo
 * endpoint's also in {@code WWW-Authenticate}.
 */
final class OAuthHandler {

    static final String TOKEN = "/oauth2/token";
    static final String USER_INFO = "/oauth2/userInfo";
    static final String REVOKE = "/oauth2/revoke";

    private static final HttpString CACHE_CONTROL = new HttpString("Cache-Control");
    private static final HttpString PRAGMA = new HttpString("Pragma");
    private static final String JSON = "application/json;charset=UTF-8";

    private interface Work {
        byte[] answer(byte[] body);
    }

    private final TokenEndpoint token;
    private final UserInfoEndpoint userInfo;
    private final RevokeEndpoint revoke;
    private final Clock clock;
    private final long maxBodyBytes;

    OAuthHandler(TokenEndpoint token, UserInfoEndpoint userInfo, RevokeEndpoint revoke, Clock clock,
            long maxBodyBytes) {
        this.token = token;
        this.userInfo = userInfo;
        this.revoke = revoke;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    HttpHandler token() {
        return withBody(exchange -> body -> Json.bytes(token.token(form(exchange, body), clock.instant())));
    }

    HttpHandler userInfo() {
        return withBody(exchange -> body -> Json.bytes(userInfo.userInfo(
                exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION), clock.instant())));
    }

    HttpHandler revoke() {
        return withBody(exchange -> body -> {
            revoke.revoke(form(exchange, body));
            return new byte[0];
        });
    }

    private static OAuthRequest form(HttpServerExchange exchange, byte[] body) {
        return OAuthRequest.form(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE), body,
                exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION));
    }

    private HttpHandler withBody(java.util.function.Function<HttpServerExchange, Work> work) {
        return exchange -> WholeBody.read(exchange, Surface.OAUTH2, maxBodyBytes,
                (ex, body) -> answer(ex, work.apply(ex), body));
    }

    private void answer(HttpServerExchange exchange, Work work, byte[] body) {
        byte[] response;
        try {
            response = work.answer(body);
        } catch (OAuthError e) {
            Responses.onIoThread(exchange, () -> refuse(exchange, e));
            return;
        } catch (Throwable failure) {
            Responses.onIoThread(exchange, () -> Failures.render(Surface.OAUTH2, exchange, failure));
            return;
        }
        Responses.onIoThread(exchange, () -> {
            noStore(exchange);
            if (response.length == 0) {
                exchange.setStatusCode(200);
                exchange.endExchange();
            } else {
                Responses.send(exchange, 200, JSON, response);
            }
        });
    }

    private static void refuse(HttpServerExchange exchange, OAuthError e) {
        noStore(exchange);
        if (e.bearer()) {
            // Documented form: developer guide, UserInfo endpoint ("WWW-Authenticate: error=..., error_description=...").
            exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer error=\"" + e.error() + "\""
                    + (e.description() == null ? "" : ", error_description=\"" + e.description() + "\""));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        if (e.description() != null) {
            body.put("error_description", e.description());
        }
        Responses.send(exchange, e.status(), JSON, Json.bytes(body));
    }

    private static void noStore(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(PRAGMA, "no-cache");
    }

}
