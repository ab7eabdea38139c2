package dev.cognitoemulator.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where answers, and errors above all, become HTTP responses: status, {@code x-amzn-RequestId},
 * {@code Content-Type: application/x-amz-json-1.1} and, for errors, {@code x-amzn-ErrorType} and the body
 * {@code {"__type":"Name","message":"text"}}. Undertow adds {@code Date}.
 */
final class Responses {

    static final HttpString REQUEST_ID = new HttpString("x-amzn-RequestId");
    static final HttpString ERROR_TYPE = new HttpString("x-amzn-ErrorType");
    static final String AMZ_JSON = "application/x-amz-json-1.1";

    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);
    private static final JsonFactory JSON = new JsonFactory();

    private Responses() {
    }

    /**
     * Runs {@code send} on the exchange's IO thread: a worker hands back what it worked out instead of
     * sending it itself. An exchange completed on a worker makes Undertow's read listener spin (a CAS loop in
     * {@code HttpReadListener}) while the IO thread races the worker; when both share a busy core the spin
     * lasts a whole time slice (measured on the mix workload: 20k against 31k requests/s, p99 13 ms against 4).
     */
    static void onIoThread(HttpServerExchange exchange, Runnable send) {
        exchange.getIoThread().execute(send);
    }

    static void json(HttpServerExchange exchange, int status, String contentType, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    /** Renders any failure: a {@link CognitoException} as itself, anything else as a logged 500. */
    static void error(HttpServerExchange exchange, Throwable failure) {
        if (failure instanceof CognitoException e) {
            LOG.debug("{} {}: {}", exchange.getRequestMethod(), e.code(), e.getMessage());
            error(exchange, e.code().httpStatus(), e.code(), e.getMessage());
        } else {
            LOG.error("Unexpected failure answering {} {} (request id {})", exchange.getRequestMethod(),
                    exchange.getRequestURI(), exchange.getResponseHeaders().getFirst(REQUEST_ID), failure);
            error(exchange, 500, ErrorCode.InternalErrorException, "An internal error occurred.");
        }
    }

    static void error(HttpServerExchange exchange, int status, ErrorCode code, String message) {
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        // AWS's error header carries a trailing colon ("NotAuthorizedException:", see cognito-errors.md rule 1);
        // every SDK reads the code before it.
        exchange.getResponseHeaders().put(ERROR_TYPE, code.name() + ":");
        json(exchange, status, AMZ_JSON, errorBody(code, message));
    }

    private static byte[] errorBody(ErrorCode code, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + message.length());
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("__type", code.name());
            gen.writeStringField("message", message);
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
