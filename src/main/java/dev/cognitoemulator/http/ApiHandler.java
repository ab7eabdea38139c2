package dev.cognitoemulator.http;

import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.protocol.Dispatcher;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.HttpString;

/**
 * {@code POST /}, the AWS JSON 1.1 API: reads the whole body (capped) on the IO thread, then hands the request to a
 * worker thread for the {@link Dispatcher} (store work never runs on the IO thread), and sends the answer back on
 * the IO thread.
 */
final class ApiHandler implements HttpHandler {

    private static final HttpString TARGET = new HttpString("X-Amz-Target");

    private final Dispatcher dispatcher;
    private final long maxBodyBytes;

    ApiHandler(Dispatcher dispatcher, long maxBodyBytes) {
        this.dispatcher = dispatcher;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.getRequestContentLength() > maxBodyBytes) {
            tooLarge(exchange);
            return;
        }
        exchange.setMaxEntitySize(maxBodyBytes);
        exchange.getRequestReceiver().receiveFullBytes(
                (ex, body) -> {
                    if (body.length > maxBodyBytes) {
                        // A chunked body declares no length up front.
                        tooLarge(ex);
                    } else {
                        ex.dispatch(() -> answer(ex, body));
                    }
                },
                (ex, failure) -> {
                    if (failure instanceof RequestTooBigException) {
                        tooLarge(ex);
                    } else {
                        Failures.render(Surface.AWS_JSON, ex, failure);
                    }
                });
    }

    private void answer(HttpServerExchange exchange, byte[] body) {
        byte[] response;
        try {
            response = dispatcher.dispatch(exchange.getRequestHeaders().getFirst(TARGET), new ExchangeView(exchange),
                    body, exchange.getResponseHeaders().getFirst(Responses.REQUEST_ID));
        } catch (Throwable failure) {
            Responses.onIoThread(exchange, () -> Failures.render(Surface.AWS_JSON, exchange, failure));
            return;
        }
        Responses.onIoThread(exchange, () -> Responses.send(exchange, 200, Responses.AMZ_JSON, response));
    }

    private void tooLarge(HttpServerExchange exchange) {
        Failures.render(Surface.AWS_JSON, exchange, 413, ErrorCode.RequestEntityTooLargeException,
                "Request body exceeds the limit of " + maxBodyBytes + " bytes.");
    }
}
