package dev.cognitoemulator.http;

import static dev.cognitoemulator.http.RawHttp.assertAwsError;
import static dev.cognitoemulator.http.RawHttp.unsigned;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.auth.SigV4Verifier;
import dev.cognitoemulator.config.EmulatorConfig;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.fixtures.EmulatorState;
import dev.cognitoemulator.messages.Codes;
import dev.cognitoemulator.messages.Inbox;
import dev.cognitoemulator.messages.Messenger;
import dev.cognitoemulator.model.AdminGetUserRequest;
import dev.cognitoemulator.model.AdminGetUserResponse;
import dev.cognitoemulator.model.DescribeUserPoolRequest;
import dev.cognitoemulator.model.DescribeUserPoolResponse;
import dev.cognitoemulator.model.ListUserPoolsRequest;
import dev.cognitoemulator.model.ListUserPoolsResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Dispatcher;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.Services;
import dev.cognitoemulator.quotas.Quotas;
import dev.cognitoemulator.store.InMemoryUserPoolStore;
import dev.cognitoemulator.testing.SdkSigner;
import dev.cognitoemulator.tokens.Issuer;
import dev.cognitoemulator.tokens.KeyStock;
import dev.cognitoemulator.triggers.Lambdas;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An {@link Error} while answering, out of memory included, is a 500 in the AWS shape and the server answers the
 * next request: on a worker (an operation that throws), on the IO thread (a handler that throws inside its surface's
 * boundary, a send handed back to the IO thread that throws). No operation can be made to throw an {@code Error} in
 * the running emulator, so these build the front door's pieces around operations that do. Only 127.0.0.1 is used.
 */
class FailureBoundaryTest {

    private static final String PREFIX = SdkSigner.TARGET_PREFIX;

    /** Named after the operations they stand in for; each throws what its test needs. */
    static final class ListUserPools implements Operation<ListUserPoolsRequest, ListUserPoolsResponse> {
        @Override
        public ListUserPoolsResponse execute(ListUserPoolsRequest request, Call call) {
            throw new OutOfMemoryError("Java heap space (thrown by the test)");
        }
    }

    static final class DescribeUserPool implements Operation<DescribeUserPoolRequest, DescribeUserPoolResponse> {
        @Override
        public DescribeUserPoolResponse execute(DescribeUserPoolRequest request, Call call) {
            return recurse(0);
        }

        private DescribeUserPoolResponse recurse(int depth) {
            return depth < 0 ? null : recurse(depth + 1);
        }
    }

    static final class AdminGetUser implements Operation<AdminGetUserRequest, AdminGetUserResponse> {
        @Override
        public AdminGetUserResponse execute(AdminGetUserRequest request, Call call) {
            throw new AssertionError("an Error that is no VirtualMachineError");
        }
    }

    private final KeyStock keyStock = new KeyStock(Randomness.seeded(7));
    private Undertow server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
        keyStock.close();
    }

    /** Undertow on a free port serving {@code handler}, as the emulator configures it (one worker per core). */
    private URI serve(HttpHandler handler) {
        server = Undertow.builder().setWorkerThreads(Runtime.getRuntime().availableProcessors())
                .addHttpListener(0, "127.0.0.1").setHandler(handler).build();
        server.start();
        return URI.create("http://127.0.0.1:"
                + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort());
    }

    /** The real routes over a dispatcher of the throwing operations (auth off: no signing needed). */
    private URI serveFailingOperations() {
        InMemoryUserPoolStore store = new InMemoryUserPoolStore(Randomness.seeded(1));
        Issuer issuer = new Issuer(() -> "http://localhost");
        Inbox inbox = new Inbox(10);
        Services services = Services.of(store, keyStock, issuer,
                new Lambdas(Map.of(), EmulatorConfig.defaults(), Clock.systemUTC()), new Messenger(inbox, Clock.systemUTC(), null), new Codes(Randomness.seeded(3), ""),
                Randomness.seeded(2), Clock.systemUTC(), "000000000000",
                new Quotas(Clock.systemUTC(), false), Runnable::run);
        Dispatcher dispatcher = new Dispatcher(List.of(new ListUserPools(), new DescribeUserPool(), new AdminGetUser()),
                new SigV4Verifier(AuthMode.OFF, Map.of(), "cognito-idp", Clock.systemUTC()), "us-east-1", services);
        return serve(new Routes(dispatcher, 1 << 20, services, issuer, List.of("*"), inbox,
                new EmulatorState(dispatcher, services, "us-east-1", inbox, null), true));
    }

    private static void assertInternalError(HttpResponse<String> response) {
        assertThat(assertAwsError(response, 500, "InternalErrorException")).isEqualTo("An internal error occurred.");
    }

    @Test
    void anOutOfMemoryErrorInAnOperationIs500AndTheServerKeepsServing() {
        URI endpoint = serveFailingOperations();
        try (LogCapture logs = LogCapture.start()) {
            for (int i = 0; i < 3; i++) {
                assertInternalError(unsigned(endpoint, PREFIX + "ListUserPools", "{\"MaxResults\":10}"));
            }
            assertThat(logs.atLeast(Level.ERROR)).hasSize(3)
                    .allSatisfy(e -> assertThat(e.getThrowableProxy().getClassName())
                            .isEqualTo(OutOfMemoryError.class.getName()));
        }
        assertThat(RawHttp.get(endpoint, "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aStackOverflowInAnOperationIs500AndTheServerKeepsServing() {
        URI endpoint = serveFailingOperations();
        try (LogCapture logs = LogCapture.start()) {
            assertInternalError(unsigned(endpoint, PREFIX + "DescribeUserPool", "{\"UserPoolId\":\"us-east-1_abc\"}"));
            assertInternalError(unsigned(endpoint, PREFIX + "DescribeUserPool", "{\"UserPoolId\":\"us-east-1_abc\"}"));
            assertThat(logs.atLeast(Level.ERROR)).hasSize(2);
        }
        assertThat(RawHttp.get(endpoint, "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void anyOtherErrorInAnOperationIs500Too() {
        URI endpoint = serveFailingOperations();
        try (LogCapture logs = LogCapture.start()) {
            assertInternalError(unsigned(endpoint, PREFIX + "AdminGetUser",
                    "{\"UserPoolId\":\"us-east-1_abc\",\"Username\":\"jane\"}"));
            assertThat(logs.atLeast(Level.ERROR)).singleElement()
                    .satisfies(e -> assertThat(e.getThrowableProxy().getClassName())
                            .isEqualTo(AssertionError.class.getName()));
        }
        assertThat(RawHttp.get(endpoint, "/health").statusCode()).isEqualTo(200);
    }

    /** Stamps a request id, as {@link Routes} does, around {@code next}. */
    private static HttpHandler stamped(HttpHandler next) {
        return exchange -> {
            exchange.getResponseHeaders().put(Responses.REQUEST_ID, RequestIds.next());
            next.handleRequest(exchange);
        };
    }

    private URI serveThrowing(Function<Error, HttpHandler> handler, Error error) {
        return serve(stamped(handler.apply(error)));
    }

    @Test
    void anErrorThrownOnTheIoThreadInsideASurfacesBoundaryIs500() {
        for (Error error : List.of(new OutOfMemoryError("thrown by the test"), new StackOverflowError())) {
            URI endpoint = serveThrowing(e -> Routes.boundary(Surface.AWS_JSON, exchange -> {
                throw e;
            }), error);
            try (LogCapture logs = LogCapture.start()) {
                assertInternalError(RawHttp.get(endpoint, "/anything"));
                assertInternalError(RawHttp.get(endpoint, "/anything"));
                assertThat(logs.atLeast(Level.ERROR)).hasSize(2);
            }
            stop();
        }
    }

    @Test
    void anErrorInASendHandedBackToTheIoThreadIs500NotAHungConnection() {
        // A worker hands its answer to the IO thread; the IO thread would log what that throws and drop it.
        URI endpoint = serveThrowing(e -> exchange -> exchange.dispatch(() -> Responses.onIoThread(exchange, () -> {
            throw e;
        })), new OutOfMemoryError("thrown by the test"));
        try (LogCapture logs = LogCapture.start()) {
            assertInternalError(RawHttp.get(endpoint, "/anything"));
            assertInternalError(RawHttp.get(endpoint, "/anything"));
            assertThat(logs.atLeast(Level.ERROR)).hasSize(2);
        }
    }

    @Test
    void whenEvenTheErrorAnswerFailsTheExchangeStillEnds() {
        // Answering the failure fails too (here: logging it throws): a bare 500, never a client left waiting.
        URI endpoint = serve(stamped(exchange -> Failures.render(Surface.AWS_JSON, exchange, new ThrowingOnMessage())));
        try (LogCapture logs = LogCapture.start()) {
            HttpResponse<String> response = RawHttp.get(endpoint, "/anything");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(logs.atLeast(Level.ERROR)).isNotEmpty();
        }
    }

    /** A failure that cannot even be logged or described: every way of looking at it throws. */
    private static final class ThrowingOnMessage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new OutOfMemoryError("thrown by the test");
        }

        @Override
        public String toString() {
            throw new OutOfMemoryError("thrown by the test");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new OutOfMemoryError("thrown by the test");
        }
    }
}
