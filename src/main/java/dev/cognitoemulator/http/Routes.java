package dev.cognitoemulator.http;

import dev.cognitoemulator.protocol.Dispatcher;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.tokens.KeyRing;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;

/**
 * The front door: stamps every response with a request id, routes by path, and turns anything that
 * escapes a handler into an AWS-shaped error.
 */
public final class Routes implements HttpHandler {

    private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    private final RpcHandler rpc;
    private final WellKnownHandler wellKnown;

    public Routes(Dispatcher dispatcher, long maxBodyBytes, UserPoolStore store, KeyRing keys, String issuerBase) {
        this.rpc = new RpcHandler(dispatcher, maxBodyBytes);
        this.wellKnown = new WellKnownHandler(store, keys, issuerBase);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Responses.REQUEST_ID, RequestIds.next());
        try {
            String path = exchange.getRequestPath();
            if ("/".equals(path)) {
                rpc.handleRequest(exchange);
            } else if ("/health".equals(path) && Methods.GET.equals(exchange.getRequestMethod())) {
                Responses.json(exchange, 200, "application/json", HEALTHY);
            } else if (WellKnownHandler.matches(path) && Methods.GET.equals(exchange.getRequestMethod())) {
                wellKnown.handleRequest(exchange);
            } else {
                Responses.error(exchange, 404, ErrorCode.UnknownOperationException,
                        "No resource at " + exchange.getRequestMethod() + " " + path + ".");
            }
        } catch (Throwable failure) {
            Responses.error(exchange, failure);
        }
    }
}
