package dev.cognitoemulator.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.hostedui.Html;
import dev.cognitoemulator.federation.ProviderSignIn;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The three faces the emulator shows, each with its own way of saying what went wrong: the AWS JSON 1.1 API (and
 * the emulator's JSON endpoints), the OAuth 2.0 endpoints (RFC 6749 section 5.2), and HTML pages.
 */
enum Surface {

    /** {@code {"__type":"Code","message":"text"}} with {@code x-amzn-ErrorType: Code:} (cognito-errors.md rule 1). */
    AWS_JSON {
        @Override
        void renderError(HttpServerExchange exchange, int status, ErrorCode code, String message) {
            // AWS's error header carries a trailing colon ("NotAuthorizedException:"); every SDK reads the code
            // before it.
            exchange.getResponseHeaders().put(ERROR_TYPE, code.name() + ":");
            Responses.send(exchange, status, Responses.AMZ_JSON, json("__type", code.name(), "message", message));
        }
    },

    /** {@code {"error":"invalid_request","error_description":"text"}}, {@code Cache-Control: no-store} (RFC 6749). */
    OAUTH2 {
        @Override
        void renderError(HttpServerExchange exchange, int status, ErrorCode code, String message) {
            exchange.getResponseHeaders().put(CACHE_CONTROL, "no-store");
            Responses.send(exchange, status, "application/json;charset=UTF-8",
                    json("error", oauthError(status, code), "error_description", message));
        }
    },

    /** A plain page naming the error. */
    HTML {
        @Override
        void renderError(HttpServerExchange exchange, int status, ErrorCode code, String message) {
            String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status
                    + " Error</title></head><body><h1>Something went wrong</h1><p>" + Html.escape(message)
                    + "</p><p><small>" + code.name() + "</small></p></body></html>\n";
            Responses.send(exchange, status, "text/html;charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
        }
    };

    static final HttpString ERROR_TYPE = new HttpString("x-amzn-ErrorType");
    private static final HttpString CACHE_CONTROL = new HttpString("Cache-Control");
    private static final JsonFactory JSON = new JsonFactory();

    /** The hosted UI's pages (the authorization endpoint's answers are pages and redirects too). */
    static final Set<String> HOSTED_UI_PAGES = Set.of("/login", "/logout", "/signup", "/confirm", "/forgotPassword",
            "/confirmForgotPassword", "/mfa", "/mfaSetup", "/forceChangePassword", "/error");

    /**
     * The surface a path belongs to: the hosted UI's pages and {@code /oauth2/authorize} HTML, the other
     * {@code /oauth2/...} OAuth, the rest AWS JSON.
     */
    static Surface of(String path) {
        if (HOSTED_UI_PAGES.contains(path) || path.equals(HostedUiHandler.AUTHORIZE)
                || path.equals(ProviderSignIn.CALLBACK_PATH)) {
            return HTML;
        }
        if (path.startsWith("/oauth2/")) {
            return OAUTH2;
        }
        return AWS_JSON;
    }

    abstract void renderError(HttpServerExchange exchange, int status, ErrorCode code, String message);

    /** The RFC 6749 error code for a domain error met on an OAuth endpoint. */
    static String oauthError(int status, ErrorCode code) {
        if (status >= 500) {
            return "server_error";
        }
        return switch (code) {
            case NotAuthorizedException -> "invalid_grant";
            case ResourceNotFoundException, UnauthorizedException -> "invalid_client";
            default -> "invalid_request";
        };
    }

    private static byte[] json(String name1, String value1, String name2, String value2) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + value2.length());
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField(name1, value1);
            gen.writeStringField(name2, value2);
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
