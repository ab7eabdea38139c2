package dev.cognitoemulator;

import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.auth.SigV4Verifier;
import dev.cognitoemulator.config.EmulatorConfig;
import dev.cognitoemulator.http.Routes;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.operations.Operations;
import dev.cognitoemulator.protocol.Dispatcher;
import dev.cognitoemulator.protocol.Services;
import dev.cognitoemulator.store.InMemoryUserPoolStore;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.tokens.Issuer;
import dev.cognitoemulator.tokens.KeyStock;
import dev.cognitoemulator.triggers.Triggers;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator as a value: build it, {@link #start()} it, ask for its {@link #endpoint()}, {@link #close()} it.
 * {@code Main} and tests use this same class.
 *
 * <pre>{@code
 * try (CognitoEmulator cognito = CognitoEmulator.builder().port(0).build().start()) {
 *     client = CognitoIdentityProviderClient.builder().endpointOverride(cognito.endpoint())...
 * }
 * }</pre>
 */
public final class CognitoEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CognitoEmulator.class);

    private final EmulatorConfig config;
    private final Services services;
    private final KeyStock keyStock;
    private final Issuer issuer;
    private final Dispatcher dispatcher;
    private volatile Undertow server;
    private volatile int port;

    private CognitoEmulator(EmulatorConfig config, Clock clock, Randomness random, UserPoolStore store) {
        this.config = config;
        this.keyStock = new KeyStock(random);
        this.issuer = new Issuer(() -> config.issuerBase().isEmpty() ? "http://localhost:" + boundPort()
                : config.issuerBase());
        this.services = Services.of(store, keyStock, issuer, Triggers.NONE, random, clock, config.accountId());
        this.dispatcher = new Dispatcher(Operations.all(),
                new SigV4Verifier(config.authMode(), config.credentials(), "cognito-idp", clock), config.region(),
                services);
    }

    public static Builder builder() {
        return new Builder();
    }

    public synchronized CognitoEmulator start() {
        if (server != null) {
            return this;
        }
        Undertow undertow = Undertow.builder()
                // Work here is short and CPU-bound: one worker per core, not Undertow's default of 16 per core.
                // More workers only add wake-ups and lock hand-offs; on one core, one worker against two took
                // context switches from 0.7 to 0.16 a request and writes from about 29k to 34k requests/s.
                .setWorkerThreads(Runtime.getRuntime().availableProcessors())
                .addHttpListener(config.port(), config.host())
                .setHandler(new Routes(dispatcher, config.maxBodyBytes(), services.store(), services.keys(), issuer,
                        config.corsAllowedOrigins()))
                .build();
        server = undertow;
        try {
            undertow.start();
        } catch (RuntimeException e) {
            server = null;
            throw e;
        }
        port = boundPort();
        LOG.info("cognito-emulator listening on {} (region {}, auth {}, {} operations)", endpointOf(config.host()),
                config.region(), config.authMode().name().toLowerCase(Locale.ROOT), dispatcher.supported().size());
        return this;
    }

    /** The port the listener is bound to; known as soon as it listens, before {@link #start()} returns. */
    private int boundPort() {
        int known = port;
        if (known != 0) {
            return known;
        }
        Undertow undertow = server;
        if (undertow == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** The port listened on (the chosen one when the configured port was 0). */
    public int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return port;
    }

    /** {@code http://host:port}, for an SDK's {@code endpointOverride}. */
    public URI endpoint() {
        port();
        String host = config.host();
        return endpointOf("0.0.0.0".equals(host) ? "127.0.0.1" : "::".equals(host) ? "::1" : host);
    }

    private URI endpointOf(String host) {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    public EmulatorConfig config() {
        return config;
    }

    /** The operations this build implements, sorted. */
    public Set<String> supportedOperations() {
        return dispatcher.supported();
    }

    @Override
    public synchronized void close() {
        keyStock.close();
        if (server != null) {
            server.stop();
            server = null;
            LOG.info("cognito-emulator stopped");
        }
    }

    /** Settings start from {@link EmulatorConfig#defaults()}; the clock defaults to the system's. */
    public static final class Builder {
        private EmulatorConfig config = EmulatorConfig.defaults();
        private Clock clock = Clock.systemUTC();
        private Randomness random;
        private UserPoolStore store;

        private Builder() {
        }

        public Builder config(EmulatorConfig value) {
            config = value;
            return this;
        }

        public Builder host(String value) {
            config = config.withHost(value);
            return this;
        }

        public Builder port(int value) {
            config = config.withPort(value);
            return this;
        }

        public Builder region(String value) {
            config = config.withRegion(value);
            return this;
        }

        public Builder authMode(AuthMode value) {
            config = config.withAuthMode(value);
            return this;
        }

        public Builder credentials(Map<String, String> value) {
            config = config.withCredentials(value);
            return this;
        }

        public Builder issuerBase(String value) {
            config = config.withIssuerBase(value);
            return this;
        }

        public Builder maxBodyBytes(int value) {
            config = config.withMaxBodyBytes(value);
            return this;
        }

        /** {@code "*"} (the default) for any origin, or the origins browser pages may call from. */
        public Builder corsAllowedOrigins(String... origins) {
            config = config.withCorsAllowedOrigins(List.of(origins));
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /** The source of ids, codes, salts and keys; {@link Randomness#seeded} makes them repeatable. */
        public Builder random(Randomness value) {
            random = value;
            return this;
        }

        /** The store to serve; a new in-memory one by default (the benchmark fills one directly). */
        public Builder store(UserPoolStore value) {
            store = value;
            return this;
        }

        public CognitoEmulator build() {
            Randomness r = random == null ? Randomness.secure() : random;
            return new CognitoEmulator(config, clock, r, store == null ? new InMemoryUserPoolStore(r) : store);
        }
    }
}
