package dev.cognitoemulator.http;

import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.fixtures.EmulatorState;
import dev.cognitoemulator.fixtures.Seeds;
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
import java.util.function.Supplier;

/**
 * The emulator's own endpoints under {@code /_emulator/}, for tests and tooling: not AWS APIs, unsigned, refused
 * with 403 when the control API is off.
 * <ul>
 * <li>{@code GET /_emulator/messages} answers {@code {"messages":[...]}}, oldest first; the query parameters
 *     {@code userPoolId}, {@code username} and {@code destination} narrow it.</li>
 * <li>{@code DELETE /_emulator/messages} (same filters) removes them and answers {@code {"deleted":n}}.</li>
 * <li>{@code GET /_emulator/state} answers every pool as a seed document.</li>
 * <li>{@code POST /_emulator/state} loads a seed document (body, up to the body limit) and answers
 *     {@code {"created":[ids],"skipped":[ids]}}; a refused entry is an AWS JSON error and changes nothing.</li>
 * <li>{@code POST /_emulator/reset} deletes every pool and empties the inbox ({@code ?seed=true}: then applies the
 *     {@code --seed} file again) and answers {@code {"deleted":n}}.</li>
 * </ul>
 * The state endpoints run on a worker thread (an export reads every pool), and answer on the IO thread.
 */
final class ControlHandler {

    static final String MESSAGES = "/_emulator/messages";
    static final String STATE = "/_emulator/state";
    static final String RESET = "/_emulator/reset";

    private final Inbox inbox;
    private final EmulatorState state;
    private final boolean enabled;
    private final long maxBodyBytes;

    ControlHandler(Inbox inbox, EmulatorState state, boolean enabled, long maxBodyBytes) {
        this.inbox = inbox;
        this.state = state;
        this.enabled = enabled;
        this.maxBodyBytes = maxBodyBytes;
    }

    HttpHandler exportState() {
        return guarded(exchange -> exchange.dispatch(() -> answer(exchange, () -> Json.bytes(state.export()))));
    }

    HttpHandler importState() {
        return guarded(exchange -> WholeBody.read(exchange, Surface.AWS_JSON, maxBodyBytes, (ex, body) -> answer(ex,
                () -> {
                    Seeds.Loaded loaded = state.load(Seeds.parse(body));
                    return Json.bytes(Map.of("created", loaded.created(), "skipped", loaded.skipped()));
                })));
    }

    HttpHandler reset() {
        return guarded(exchange -> {
            boolean reseed = "true".equals(query(exchange, "seed"));
            exchange.dispatch(() -> answer(exchange, () -> Json.bytes(Map.of("deleted", state.reset(reseed)))));
        });
    }

    /** On a worker: the work, then its answer (or its failure) sent on the IO thread. */
    private static void answer(HttpServerExchange exchange, Supplier<byte[]> work) {
        byte[] response;
        try {
            response = work.get();
        } catch (Throwable failure) {
            Responses.onIoThread(exchange, () -> Failures.render(Surface.AWS_JSON, exchange, failure));
            return;
        }
        Responses.onIoThread(exchange, () -> Responses.send(exchange, 200, "application/json", response));
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
