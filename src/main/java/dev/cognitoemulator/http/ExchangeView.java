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

    @Override
    public String sourceIp() {
        InetSocketAddress source = exchange.getSourceAddress();
        return source == null || source.getAddress() == null ? null : source.getAddress().getHostAddress();
    }

    @Override
    public String origin() {
        return exchange.getRequestScheme() + "://" + exchange.getHostAndPort();
    }
}
