package dev.cognitoemulator.http;

import dev.cognitoemulator.protocol.Dispatcher;
import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.util.Arrays;

/**
 * {@code POST /}, the AWS JSON 1.1 API: reads the whole body (capped) on the IO thread, then hands the request to a
 * worker thread for the {@link Dispatcher} (store work never runs on the IO thread), and sends the answer back on
 * the IO thread.
 *
 * <p>The body is kept as it arrives, never reserved from {@code Content-Length}: a client that declares a megabyte
 * and sends nothing holds no megabyte. A body that ends early or whose chunked framing breaks is the client's fault
 * (400, or a closed connection where Undertow has already closed it), never a 500.
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
        exchange.getRequestReceiver().receivePartialBytes(new Body(), this::unreadable);
    }

    /** The body, chunk by chunk, in an array that grows with what has arrived; then the answer. */
    private final class Body implements Receiver.PartialBytesCallback {

        private byte[] bytes;
        private int size;
        private boolean done;

        @Override
        public void handle(HttpServerExchange exchange, byte[] chunk, boolean last) {
            try {
                if (done) {
                    return;
                }
                append(chunk);
                if (size > maxBodyBytes) {
                    // A chunked body declares no length up front.
                    done = true;
                    exchange.getRequestReceiver().pause();
                    tooLarge(exchange);
                } else if (last) {
                    done = true;
                    byte[] body = bytes == null ? new byte[0] : size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
                    exchange.dispatch(() -> answer(exchange, body));
                }
            } catch (Throwable failure) {
                done = true;
                Failures.render(Surface.AWS_JSON, exchange, failure);
            }
        }

        /** The first chunk is kept as it is (a body usually comes in one); later ones at least double the array. */
        private void append(byte[] chunk) {
            if (chunk.length == 0) {
                return;
            }
            if (bytes == null) {
                bytes = chunk;
                size = chunk.length;
                return;
            }
            if (size + chunk.length > bytes.length) {
                long wanted = Math.max((long) size + chunk.length, Math.min(2L * bytes.length, maxBodyBytes + 1));
                bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
            }
            System.arraycopy(chunk, 0, bytes, size, chunk.length);
            size += chunk.length;
        }
    }

    /** Reading the body failed: over the limit (413), or cut short, timed out or badly framed by the client. */
    private void unreadable(HttpServerExchange exchange, IOException failure) {
        try {
            if (failure instanceof RequestTooBigException) {
                tooLarge(exchange);
            } else {
                Failures.unreadableBody(Surface.AWS_JSON, exchange, failure);
            }
        } catch (Throwable t) {
            Failures.render(Surface.AWS_JSON, exchange, t);
        }
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
        WholeBody.tooLarge(exchange, Surface.AWS_JSON, maxBodyBytes);
    }
}
