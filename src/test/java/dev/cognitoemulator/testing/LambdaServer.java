package dev.cognitoemulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * A tiny HTTP server standing in for Lambda functions in tests: each path answers what its handler says, and every
 * request it received is kept ({@link #received}). Serves the plain-URL transport and, with handlers on
 * {@code /2015-03-31/functions/<name>/invocations}, the Lambda Invoke API.
 */
public final class LambdaServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A request as the server saw it; {@code rawQuery} null when it had none, {@code event} its body read as JSON
     * (null when it is not JSON).
     */
    public record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body, JsonNode event) {

        /** The first value of a header (names in any case), or null. */
        public String header(String name) {
            for (Map.Entry<String, List<String>> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                    return h.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** What to answer: status, headers, body. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public static Answer json(JsonNode body) {
            return new Answer(200, Map.of("Content-Type", "application/json"), body.toString());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Function<Received, Answer>> routes = new ConcurrentHashMap<>();
    /** Every request received, in order. */
    public final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private LambdaServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static LambdaServer start() {
        return new LambdaServer();
    }

    /** {@code handler} answers requests to {@code rawPath} (as sent, still percent-encoded). */
    public LambdaServer route(String rawPath, Function<Received, Answer> handler) {
        routes.put(rawPath, handler);
        return this;
    }

    /** {@code http://127.0.0.1:port} followed by {@code rawPath}. */
    public URI uri(String rawPath) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + rawPath);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode event;
            try {
                event = JSON.readTree(body);
            } catch (IOException e) {
                event = null;
            }
            URI uri = exchange.getRequestURI();
            Received request = new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()), body, event);
            received.add(request);
            Function<Received, Answer> handler = routes.get(request.rawPath());
            Answer answer = handler == null ? new Answer(404, Map.of(), "no route " + request.rawPath())
                    : handler.apply(request);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
