package dev.cognitoemulator.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The page's own origin: a tiny HTTP server on 127.0.0.1 (another port than the emulator's, so another origin)
 * serving the test pages (sign-in, passkeys) and amazon-cognito-identity-js's browser bundle. The bundle comes from
 * {@code src/test/node} (pinned by its package-lock.json); {@code npm ci} installs it there when it is missing.
 */
final class PageServer implements AutoCloseable {

    private static final Path NODE = Path.of("src", "test", "node");
    private static final Path BUNDLE = NODE.resolve(
            Path.of("node_modules", "amazon-cognito-identity-js", "dist", "amazon-cognito-identity.min.js"));
    private static final String PAGE = "sign-in.html";
    private static final String PASSKEY_PAGE = "passkey.html";

    private final HttpServer server;

    private PageServer(HttpServer server) {
        this.server = server;
    }

    static PageServer start() throws IOException, InterruptedException {
        byte[] bundle = Files.readAllBytes(installedBundle());
        byte[] page = resource(PAGE);
        byte[] passkeyPage = resource(PASSKEY_PAGE);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/" + PAGE -> send(exchange, 200, "text/html; charset=utf-8", page);
                case "/" + PASSKEY_PAGE -> send(exchange, 200, "text/html; charset=utf-8", passkeyPage);
                case "/amazon-cognito-identity.min.js" -> send(exchange, 200, "text/javascript", bundle);
                default -> send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        return new PageServer(server);
    }

    /** {@code http://127.0.0.1:<port>}: the origin the browser sends. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * {@code http://localhost:<port>}: the same server under the name passkeys of the relying party {@code localhost}
     * are made at (browsers resolve it to the loopback address themselves, and count it a secure origin).
     */
    String localhostOrigin() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** The page's address, with the query string it reads. */
    String url(Map<String, String> query) {
        return origin() + "/" + PAGE + "?" + query(query);
    }

    /** The passkey page's address at {@link #localhostOrigin()}, with the query string it reads. */
    String passkeyUrl(Map<String, String> query) {
        return localhostOrigin() + "/" + PASSKEY_PAGE + "?" + query(query);
    }

    private static String query(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PageServer.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The bundle, after {@code npm ci} in src/test/node if it is not there yet (.ci/run runs it beforehand). */
    private static Path installedBundle() throws IOException, InterruptedException {
        if (!Files.isRegularFile(BUNDLE)) {
            Path log = Path.of("target", "npm-ci.log");
            Files.createDirectories(log.getParent());
            Process npm;
            try {
                npm = new ProcessBuilder("npm", "ci").directory(NODE.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                HeadlessChromium.require(false, "npm is installed (to install amazon-cognito-identity-js)");
                throw e;
            }
            boolean exited = npm.waitFor(5, TimeUnit.MINUTES);
            if (!exited) {
                npm.destroyForcibly();
            }
            HeadlessChromium.require(exited && npm.exitValue() == 0,
                    "npm ci in " + NODE + " installs amazon-cognito-identity-js (see " + log + ")");
        }
        return BUNDLE;
    }
}
