package dev.cognitoemulator.http;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
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

    static void render(Surface surface, HttpServerExchange exchange, Throwable failure) {
        if (failure instanceof CognitoException e) {
            LOG.debug("{} {}: {} {}", exchange.getRequestMethod(), exchange.getRequestPath(), e.code(), e.getMessage());
            render(surface, exchange, status(e.code()), e.code(), e.getMessage());
        } else {
            LOG.error("Unexpected failure answering {} {} (request id {})", exchange.getRequestMethod(),
                    exchange.getRequestPath(), exchange.getResponseHeaders().getFirst(Responses.REQUEST_ID), failure);
            render(surface, exchange, 500, ErrorCode.InternalErrorException, "An internal error occurred.");
        }
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
            default -> 400;
        };
    }
}
