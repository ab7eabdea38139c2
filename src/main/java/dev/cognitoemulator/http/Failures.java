package dev.cognitoemulator.http;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import org.xnio.IoUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become answers: a {@link CognitoException} as its code says (client faults at
 * DEBUG), anything else as a logged 500 {@code InternalErrorException} whose stack trace is never sent; each in the
 * shape of its {@link Surface}.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private Failures() {
    }

    /**
     * Never throws: whatever happens while answering (an {@link OutOfMemoryError} again, most likely), the exchange
     * ends, with a bare 500 if nothing was sent yet, else with the connection closed, so no client is left waiting.
     */
    static void render(Surface surface, HttpServerExchange exchange, Throwable failure) {
        try {
            if (failure instanceof CognitoException e) {
                LOG.debug("{} {}: {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e.code(),
                        e.getMessage());
                render(surface, exchange, status(e.code()), e.code(), e.getMessage());
            } else if (failure instanceof RejectedExecutionException) {
                // The server is stopping: its I/O threads take no more work (XNIO007007).
                LOG.debug("{} {} while the server stops: {}", exchange.getRequestMethod(), exchange.getRequestPath(),
                        failure.getMessage());
                render(surface, exchange, 503, ErrorCode.InternalErrorException, "The server is stopping.");
            } else {
                LOG.error("Unexpected failure answering {} {} (request id {})", exchange.getRequestMethod(),
                        exchange.getRequestPath(), exchange.getResponseHeaders().getFirst(Responses.REQUEST_ID),
                        failure);
                render(surface, exchange, 500, ErrorCode.InternalErrorException, "An internal error occurred.");
            }
        } catch (Throwable again) {
            lastResort(exchange, again);
        }
    }

    private static void lastResort(HttpServerExchange exchange, Throwable failure) {
        try {
            LOG.error("Could not answer {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), failure);
        } catch (Throwable ignored) {
            // not even a log line: the exchange still has to end
        }
        try {
            if (!exchange.isResponseStarted()) {
                exchange.getResponseHeaders().clear();
                exchange.setStatusCode(500);
                exchange.setPersistent(false);
                exchange.endExchange();
                return;
            }
        } catch (Throwable ignored) {
            // closed below
        }
        IoUtils.safeClose(exchange.getConnection());
    }

    /**
     * A request body the client did not deliver whole: cut short before its {@code Content-Length}, stalled past the
     * read timeout, or in broken chunked framing. The client's fault, logged at DEBUG: a 400 when the connection
     * still takes an answer, and the connection closed after it (where the body ends is unknown). Undertow closes
     * the connection itself on broken chunked framing, before anything can be said.
     */
    static void unreadableBody(Surface surface, HttpServerExchange exchange, IOException failure) {
        LOG.debug("{} {}: the request body could not be read ({})", exchange.getRequestMethod(),
                exchange.getRequestPath(), failure.toString());
        exchange.setPersistent(false);
        if (!exchange.getConnection().isOpen()) {
            exchange.endExchange();
            return;
        }
        // Unconfirmed: no capture of AWS answering a truncated body is public (its front end waits, then closes).
        render(surface, exchange, 400, ErrorCode.SerializationException,
                "The request body ended before its declared length, or its chunked encoding is malformed.");
    }

    /** For what the HTTP layer itself refuses (a path, a method, a size). */
    static void render(Surface surface, HttpServerExchange exchange, int status, ErrorCode code, String message) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().remove(Surface.ERROR_TYPE);
        surface.renderError(exchange, status, code, message);
    }

    /** Cognito answers every client error with 400; the emulator's own front-door conditions have their statuses. */
    static int status(ErrorCode code) {
        return switch (code) {
            case InternalErrorException -> 500;
            case NotImplementedException -> 501;
            case RequestEntityTooLargeException -> 413;
            case MethodNotAllowedException -> 405;
            case AccessDeniedException -> 403;
            default -> 400;
        };
    }
}
