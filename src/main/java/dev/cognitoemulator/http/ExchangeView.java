package dev.cognitoemulator.http;

import dev.cognitoemulator.auth.HttpRequestView;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import java.net.InetSocketAddress;

/** An Undertow exchange as SigV4 sees it. */
record ExchangeView(HttpServerExchange exchange) implements HttpRequestView {

    @Override
    public String method() {
        return exchange.getRequestMethod().toString();
    }

    @Override
    public String rawPath() {
        String uri = exchange.getRequestURI();
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            int slash = uri.indexOf('/', uri.indexOf("//") + 2);
            return slash < 0 ? "/" : uri.substring(slash);
        }
        return uri.isEmpty() ? "/" : uri;
    }

    @Override
    public String rawQuery() {
        return exchange.getQueryString();
    }

    @Override
    public String header(String name) {
        HeaderValues values = exchange.getRequestHeaders().get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.size() == 1 ? values.getFirst() : String.join(",", values);
    }

    /** The client's address: the first of {@code X-Forwarded-For} when a proxy in front gives one, else the socket's. */
    @Override
    public String sourceIp() {
        String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
        if (forwarded != null) {
            int comma = forwarded.indexOf(',');
            String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).strip();
            if (!first.isEmpty()) {
                return first;
            }
        }
        InetSocketAddress source = exchange.getSourceAddress();
        return source == null || source.getAddress() == null ? null : source.getAddress().getHostAddress();
    }

    @Override
    public String origin() {
        return exchange.getRequestScheme() + "://" + exchange.getHostAndPort();
    }
}
