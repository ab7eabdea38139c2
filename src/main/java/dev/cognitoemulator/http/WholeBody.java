package dev.cognitoemulator.http;

import dev.cognitoemulator.errors.ErrorCode;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import java.util.function.BiConsumer;

/**
 * A request body read whole, at most {@code maxBodyBytes} (a declared or an arriving body over it is 413), then
 * handed to a worker; a body that cannot be read is answered in the surface's shape ({@link Failures}). The JSON
 * API reads its own way, chunk by chunk ({@link ApiHandler}), with the same limit and answer.
 */
final class WholeBody {

    private WholeBody() {
    }

    /** Reads the body, then runs {@code onWorker} with it on a worker thread. */
    static void read(HttpServerExchange exchange, Surface surface, long maxBodyBytes,
            BiConsumer<HttpServerExchange, byte[]> onWorker) {
        if (exchange.getRequestContentLength() > maxBodyBytes) {
            tooLarge(exchange, surface, maxBodyBytes);
            return;
        }
        exchange.setMaxEntitySize(maxBodyBytes);
        exchange.getRequestReceiver().receiveFullBytes((ex, body) -> ex.dispatch(() -> onWorker.accept(ex, body)),
                (ex, failure) -> {
                    if (failure instanceof RequestTooBigException) {
                        tooLarge(ex, surface, maxBodyBytes);
                    } else {
                        Failures.unreadableBody(surface, ex, failure);
                    }
                });
    }

    static void tooLarge(HttpServerExchange exchange, Surface surface, long maxBodyBytes) {
        Failures.render(surface, exchange, 413, ErrorCode.RequestEntityTooLargeException,
                "Request body exceeds the limit of " + maxBodyBytes + " bytes.");
    }
}
