package dev.cognitoemulator.http;

import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.hostedui.HostedUi;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code GET /oauth2/authorize} and the hosted UI's pages on the wire: the query, the form body (read whole, up to
 * the body limit) and the cookies handed to {@link HostedUi} on a worker; its page or redirect sent back with its
 * cookies ({@code HttpOnly}, {@code SameSite=Lax}, {@code Path=/}, and {@code Secure} over HTTPS) and
 * {@code Cache-Control: no-store}. Malformed input is a 400 page.
 */
final class HostedUiHandler {

    static final String AUTHORIZE = "/oauth2/authorize";

    private static final HttpString CACHE_CONTROL = new HttpString("Cache-Control");
    private static final String HTML = "text/html;charset=utf-8";

    private final HostedUi ui;
    private final Clock clock;
    private final long maxBodyBytes;

    HostedUiHandler(HostedUi ui, Clock clock, long maxBodyBytes) {
        this.ui = ui;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A page answered from its query and cookies (GET). */
    HttpHandler get(BiFunction<HostedUi, HostedUi.Request, HostedUi.Answer> page) {
        return exchange -> exchange.dispatch(() -> answer(exchange, page, new byte[0]));
    }

    /** A form's post: its body read whole first. */
    HttpHandler post(BiFunction<HostedUi, HostedUi.Request, HostedUi.Answer> page) {
        return exchange -> WholeBody.read(exchange, Surface.HTML, maxBodyBytes, (ex, body) -> answer(ex, page, body));
    }

    private void answer(HttpServerExchange exchange, BiFunction<HostedUi, HostedUi.Request, HostedUi.Answer> page,
            byte[] body) {
        HostedUi.Answer answer;
        try {
            String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
            boolean form = contentType != null && contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim()
                    .equals("application/x-www-form-urlencoded");
            HostedUi.Request request = new HostedUi.Request(parameters(exchange.getQueryString()),
                    form ? parameters(new String(body, StandardCharsets.UTF_8)) : Map.of(),
                    cookies(exchange.getRequestHeaders().getFirst(Headers.COOKIE)),
                    new ExchangeView(exchange).sourceIp(), "https".equals(exchange.getRequestScheme()),
                    exchange.getResponseHeaders().getFirst(Responses.REQUEST_ID), clock.instant());
            answer = page.apply(ui, request);
        } catch (IllegalArgumentException malformed) {
            Responses.onIoThread(exchange, () -> Failures.render(Surface.HTML, exchange, 400,
                    ErrorCode.InvalidParameterException, "The request's parameters are not well-formed."));
            return;
        } catch (Throwable failure) {
            Responses.onIoThread(exchange, () -> Failures.render(Surface.HTML, exchange, failure));
            return;
        }
        boolean secure = "https".equals(exchange.getRequestScheme());
        Responses.onIoThread(exchange, () -> send(exchange, answer, secure));
    }

    private static void send(HttpServerExchange exchange, HostedUi.Answer answer, boolean secure) {
        exchange.getResponseHeaders().put(CACHE_CONTROL, "no-store");
        for (HostedUi.Cookie cookie : answer.cookies()) {
            exchange.getResponseHeaders().add(Headers.SET_COOKIE, setCookie(cookie, secure));
        }
        if (answer.location() != null) {
            exchange.setStatusCode(answer.status());
            exchange.getResponseHeaders().put(Headers.LOCATION, answer.location());
            exchange.endExchange();
        } else {
            Responses.send(exchange, answer.status(), HTML, answer.html().getBytes(StandardCharsets.UTF_8));
        }
    }

    static String setCookie(HostedUi.Cookie cookie, boolean secure) {
        StringBuilder sb = new StringBuilder(cookie.name()).append('=').append(cookie.value())
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (cookie.maxAgeSeconds() >= 0) {
            sb.append("; Max-Age=").append(cookie.maxAgeSeconds());
        }
        if (secure) {
            sb.append("; Secure");
        }
        return sb.toString();
    }

    /** {@code a=1&b=2}, percent- and {@code +}-decoded; a name given twice keeps its first value. */
    static Map<String, String> parameters(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    /** The {@code Cookie} header's pairs (RFC 6265 section 5.4); a quoted value loses its quotes. */
    static Map<String, String> cookies(String header) {
        Map<String, String> values = new LinkedHashMap<>();
        if (header == null) {
            return values;
        }
        for (String pair : header.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = pair.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            values.putIfAbsent(pair.substring(0, eq).trim(), value);
        }
        return values;
    }

}
