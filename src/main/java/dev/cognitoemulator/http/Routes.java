package dev.cognitoemulator.http;

import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.federation.ProviderHttp;
import dev.cognitoemulator.federation.ProviderSignIn;
import dev.cognitoemulator.hostedui.HostedUi;
import dev.cognitoemulator.fixtures.EmulatorState;
import dev.cognitoemulator.messages.Inbox;
import dev.cognitoemulator.oauth.AuthorizeEndpoint;
import dev.cognitoemulator.oauth.Authorizations;
import dev.cognitoemulator.oauth.RevokeEndpoint;
import dev.cognitoemulator.oauth.TokenEndpoint;
import dev.cognitoemulator.oauth.UserInfoEndpoint;
import dev.cognitoemulator.protocol.Dispatcher;
import dev.cognitoemulator.protocol.Services;
import dev.cognitoemulator.tokens.Issuer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.HttpContinueReadHandler;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The front door as a table of routes, one group a surface, each behind its own error boundary:
 * <pre>
 *   POST /                                   the AWS JSON 1.1 API                  AWS JSON errors
 *   GET  /{pool}/.well-known/jwks.json       a pool's keys                         AWS JSON errors
 *   GET  /{pool}/.well-known/openid-configuration
 *   GET  /health                             for health checks                     AWS JSON errors
 *   GET, DELETE /_emulator/messages          the messages inbox (control API)      AWS JSON errors
 *   PUT  /_emulator/user-import/{pool}/{job}/{token}  a user import job's CSV file  AWS JSON errors
 *   GET, POST /_emulator/state               export, import (control API)          AWS JSON errors
 *   POST /_emulator/reset                    every pool deleted (control API)      AWS JSON errors
 *   POST /oauth2/token                       OAuth 2.0 token endpoint              RFC 6749 errors
 *   GET, POST /oauth2/userInfo               OIDC userInfo endpoint                RFC 6750 errors
 *   POST /oauth2/revoke                      OAuth 2.0 revocation (RFC 7009)       RFC 6749 errors
 *   GET  /oauth2/authorize                   OAuth 2.0 authorization endpoint      HTML errors (and redirects)
 *   GET, POST /oauth2/idpresponse            external providers' answers           HTML errors (and redirects)
 *   other /oauth2/*                          404                                   RFC 6749 errors
 *   /login, /mfa, /signup, /confirm, /forgotPassword, /confirmForgotPassword, /forceChangePassword, /mfaSetup,
 *   /logout, /error                          the hosted UI's pages                 HTML errors
 *   anything else                            404
 * </pre>
 * Every answer carries {@code x-amzn-RequestId}; {@link Cors} answers preflights and stamps answers for browsers;
 * {@code Expect: 100-continue} is honoured. Whatever a handler throws, on the IO thread or a worker, an
 * {@link Error} too, is answered.
 */
public final class Routes implements HttpHandler {

    private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpHandler front;
    private final HttpDate date = new HttpDate(System::currentTimeMillis);

    /** @param corsOrigins {@code ["*"]} for any origin, or the origins browser pages may call from */
    public Routes(Dispatcher dispatcher, long maxBodyBytes, Services services, Issuer issuer,
            List<String> corsOrigins, Inbox inbox, EmulatorState state, boolean controlApi) {
        WellKnownHandler wellKnown = new WellKnownHandler(services.store(), services.keys(), issuer);
        Authorizations authorizations = new Authorizations(services.signIn(), services.random());
        OAuthHandler oauth = new OAuthHandler(new TokenEndpoint(services, issuer, authorizations),
                new UserInfoEndpoint(services),
                new RevokeEndpoint(services.store()), services.clock(), maxBodyBytes);
        ProviderSignIn federation = new ProviderSignIn(services.store(), services.triggers(),
                new ProviderHttp(services.clock()), authorizations, services.random(), issuer::base);
        AuthorizeEndpoint authorize = new AuthorizeEndpoint(services.store(), authorizations, federation);
        HostedUiHandler ui = new HostedUiHandler(new HostedUi(services.store(), services.signIn(), dispatcher,
                authorize, authorizations, federation, services.random()), services.clock(), maxBodyBytes);
        ControlHandler control = new ControlHandler(inbox, state, controlApi, maxBodyBytes);
        HttpHandler api = new ApiHandler(dispatcher, maxBodyBytes);
        RoutingHandler table = new RoutingHandler()
                .post("/", boundary(Surface.AWS_JSON, api))
                .get("/health", exchange -> Responses.send(exchange, 200, "application/json", HEALTHY))
                .get(WellKnownHandler.JWKS, boundary(Surface.AWS_JSON, wellKnown.jwks()))
                .get(WellKnownHandler.DISCOVERY, boundary(Surface.AWS_JSON, wellKnown.discovery()))
                .get(ControlHandler.MESSAGES, boundary(Surface.AWS_JSON, control.listMessages()))
                .delete(ControlHandler.MESSAGES, boundary(Surface.AWS_JSON, control.deleteMessages()))
                .put(ImportUploadHandler.PATH, boundary(Surface.AWS_JSON,
                        new ImportUploadHandler(services.imports(), maxBodyBytes)))
                .get(ControlHandler.STATE, boundary(Surface.AWS_JSON, control.exportState()))
                .post(ControlHandler.STATE, boundary(Surface.AWS_JSON, control.importState()))
                .post(ControlHandler.RESET, boundary(Surface.AWS_JSON, control.reset()))
                .post(OAuthHandler.TOKEN, boundary(Surface.OAUTH2, oauth.token()))
                .get(OAuthHandler.USER_INFO, boundary(Surface.OAUTH2, oauth.userInfo()))
                .post(OAuthHandler.USER_INFO, boundary(Surface.OAUTH2, oauth.userInfo()))
                .post(OAuthHandler.REVOKE, boundary(Surface.OAUTH2, oauth.revoke()))
                .get(HostedUiHandler.AUTHORIZE, boundary(Surface.HTML, ui.get(HostedUi::authorize)))
                .get(ProviderSignIn.CALLBACK_PATH, boundary(Surface.HTML, ui.get(HostedUi::idpResponse)))
                .post(ProviderSignIn.CALLBACK_PATH, boundary(Surface.HTML, ui.post(HostedUi::idpResponse)))
                .get("/login", boundary(Surface.HTML, ui.get(HostedUi::loginPage)))
                .post("/login", boundary(Surface.HTML, ui.post(HostedUi::login)))
                .post("/mfa", boundary(Surface.HTML, ui.post(HostedUi::mfa)))
                .post("/forceChangePassword", boundary(Surface.HTML, ui.post(HostedUi::newPassword)))
                .post("/mfaSetup", boundary(Surface.HTML, ui.post(HostedUi::mfaSetup)))
                .get("/signup", boundary(Surface.HTML, ui.get(HostedUi::signUpPage)))
                .post("/signup", boundary(Surface.HTML, ui.post(HostedUi::signUp)))
                .get("/confirm", boundary(Surface.HTML, ui.get(HostedUi::confirmPage)))
                .post("/confirm", boundary(Surface.HTML, ui.post(HostedUi::confirm)))
                .get("/forgotPassword", boundary(Surface.HTML, ui.get(HostedUi::forgotPasswordPage)))
                .post("/forgotPassword", boundary(Surface.HTML, ui.post(HostedUi::forgotPassword)))
                .get("/confirmForgotPassword", boundary(Surface.HTML, ui.get(HostedUi::confirmForgotPasswordPage)))
                .post("/confirmForgotPassword", boundary(Surface.HTML, ui.post(HostedUi::confirmForgotPassword)))
                .get("/logout", boundary(Surface.HTML, ui.get(HostedUi::logout)))
                .get("/error", boundary(Surface.HTML, ui.get(HostedUi::error)))
                .setInvalidMethodHandler(exchange -> Failures.render(Surface.of(exchange.getRequestPath()), exchange,
                        405, ErrorCode.MethodNotAllowedException, "Method " + exchange.getRequestMethod()
                                + " is not allowed on " + exchange.getRequestPath()
                                + ("/".equals(exchange.getRequestPath()) ? "; AWS JSON requests use POST." : ".")))
                .setFallbackHandler(Routes::notFound);
        // Expect: 100-continue gets its interim answer when a handler first reads the body; one that answers
        // without reading (413, 404, 405) sends only its final answer and the connection closes after it.
        front = new HttpContinueReadHandler(new Cors(corsOrigins, table));
    }

    /** The IO thread's boundary: anything a handler throws, an {@link Error} too, is answered (see {@link Failures}). */
    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            exchange.getResponseHeaders().put(Responses.REQUEST_ID, RequestIds.next())
                    .put(Headers.DATE, date.now());
            front.handleRequest(exchange);
        } catch (Throwable failure) {
            Failures.render(Surface.of(exchange.getRequestPath()), exchange, failure);
        }
    }

    /** The surface's error boundary around a handler: whatever escapes it is answered in the surface's shape. */
    static HttpHandler boundary(Surface surface, HttpHandler next) {
        return exchange -> {
            try {
                next.handleRequest(exchange);
            } catch (Throwable failure) {
                Failures.render(surface, exchange, failure);
            }
        };
    }

    private static void notFound(HttpServerExchange exchange) {
        Failures.render(Surface.of(exchange.getRequestPath()), exchange, 404, ErrorCode.UnknownOperationException,
                "No resource at " + exchange.getRequestMethod() + " " + exchange.getRequestPath() + ".");
    }
}
