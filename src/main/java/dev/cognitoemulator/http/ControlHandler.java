package dev.cognitoemulator.http;

import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.messages.Inbox;
import dev.cognitoemulator.messages.Message;
import dev.cognitoemulator.model.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own endpoints under {@code /_emulator/}, for tests and tooling: not AWS APIs, unsigned, refused
 * with 403 when the control API is off.
 * <ul>
 * <li>{@code GET /_emulator/messages} answers {@code {"messages":[...]}}, oldest first; the query parameters
 *     {@code userPoolId}, {@code username} and {@code destination} narrow it.</li>
 * <li>{@code DELETE /_emulator/messages} (same filters) removes them and answers {@code {"deleted":n}}.</li>
 * </ul>
 */
final class ControlHandler {

    static final String MESSAGES = "/_emulator/messages";

    private final Inbox inbox;
    private final boolean enabled;

    ControlHandler(Inbox inbox, boolean enabled) {
        this.inbox = inbox;
        this.enabled = enabled;
    }

    HttpHandler listMessages() {
        return guarded(exchange -> {
            List<Map<String, Object>> messages = new ArrayList<>();
            for (Message m : inbox.list(filter(exchange))) {
                messages.add(json(m));
            }
            Responses.send(exchange, 200, "application/json", Json.bytes(Map.of("messages", messages)));
        });
    }

    HttpHandler deleteMessages() {
        return guarded(exchange -> Responses.send(exchange, 200, "application/json",
                Json.bytes(Map.of("deleted", inbox.clear(filter(exchange))))));
    }

    private HttpHandler guarded(HttpHandler next) {
        return exchange -> {
            if (!enabled) {
                Failures.render(Surface.AWS_JSON, exchange, 403, ErrorCode.AccessDeniedException,
                        "The emulator's control API is off (--control-api off).");
                return;
            }
            next.handleRequest(exchange);
        };
    }

    private static Inbox.Filter filter(HttpServerExchange exchange) {
        return new Inbox.Filter(query(exchange, "userPoolId"), query(exchange, "username"),
                query(exchange, "destination"));
    }

    private static String query(HttpServerExchange exchange, String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The inbox's message on the wire: {@code sentAt} as ISO-8601. */
    private static Map<String, Object> json(Message m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("userPoolId", m.userPoolId());
        out.put("username", m.username());
        out.put("destination", m.destination());
        out.put("deliveryMedium", m.deliveryMedium());
        out.put("kind", m.kind());
        out.put("code", m.code());
        out.put("subject", m.subject());
        out.put("message", m.message());
        out.put("sentAt", m.sentAt().toString());
        return out;
    }
}
