package dev.cognitoemulator;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.auth.SigV4Verifier;
import dev.cognitoemulator.config.ConfigException;
import dev.cognitoemulator.config.EmulatorConfig;
import dev.cognitoemulator.config.EmulatorConfig.Setting;
import dev.cognitoemulator.http.Routes;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.messages.Codes;
import dev.cognitoemulator.messages.Inbox;
import dev.cognitoemulator.messages.Messenger;
import dev.cognitoemulator.messages.SmtpSender;
import dev.cognitoemulator.operations.Operations;
import dev.cognitoemulator.protocol.Dispatcher;
import dev.cognitoemulator.protocol.Services;
import dev.cognitoemulator.store.InMemoryUserPoolStore;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.tokens.Issuer;
import dev.cognitoemulator.tokens.KeyStock;
import dev.cognitoemulator.triggers.Triggers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

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
    /** File descriptors left for the JVM (jars, selectors, pipes) under a low open-files limit. */
    private static final int FD_HEADROOM = 128;

    private final EmulatorConfig config;
    private final Services services;
    private final Messenger messenger;
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
        this.messenger = new Messenger(new Inbox(config.inboxSize()), clock,
                config.smtpUrl().isEmpty() ? null : new SmtpSender(URI.create(config.smtpUrl())));
        this.services = Services.of(store, keyStock, issuer, Triggers.NONE, messenger,
                new Codes(random, config.fixedCode()), random, clock, config.accountId());
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
        int cap = connectionCap();
        Undertow.Builder builder = Undertow.builder()
                // Work here is short and CPU-bound: one worker per core, not Undertow's default of 16 per core.
                // More workers only add wake-ups and lock hand-offs; on one core, one worker against two took
                // context switches from 0.7 to 0.16 a request and writes from about 29k to 34k requests/s.
                .setWorkerThreads(Runtime.getRuntime().availableProcessors())
                // Connections past the cap wait in the listen backlog instead of taking file descriptors; low
                // water equal to high water resumes accepting as soon as one closes.
                .setSocketOption(Options.CONNECTION_HIGH_WATER, cap)
                .setSocketOption(Options.CONNECTION_LOW_WATER, cap);
        timeouts(builder, config);
        Undertow undertow = builder
                .addHttpListener(config.port(), config.host())
                .setHandler(new Routes(dispatcher, config.maxBodyBytes(), services, issuer,
                        config.corsAllowedOrigins(), messenger.inbox(), config.controlApi()))
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

    /**
     * {@code maxConnections}, or fewer when the process may not open that many files: running out of descriptors
     * stops more than new connections (the JVM opens files too), so {@value #FD_HEADROOM} stay free for the rest.
     */
    private int connectionCap() {
        int configured = config.maxConnections();
        long fdLimit = ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : -1;
        if (fdLimit <= 0 || configured <= fdLimit - FD_HEADROOM) {
            return configured;
        }
        int cap = (int) Math.max(1, fdLimit - FD_HEADROOM);
        LOG.warn("max connections {} is more than the limit of {} open files allows: serving at most {} at once",
                configured, fdLimit, cap);
        return cap;
    }

    /**
     * Silent or slow clients cannot hold a connection for ever; 0 leaves a timeout off. On HTTP/1.1 Undertow applies
     * {@code IDLE_TIMEOUT} only through its read and write timeout conduits (the idle conduit it installs is never
     * given the value), and installs those only for a {@code READ_TIMEOUT} or {@code WRITE_TIMEOUT} above 0: so the
     * idle timeout is also set as both, and each conduit waits the smaller of its own timeout and the idle one.
     */
    private static void timeouts(Undertow.Builder builder, EmulatorConfig config) {
        int idle = config.idleTimeoutMs();
        int read = config.readTimeoutMs();
        if (idle > 0) {
            builder.setServerOption(UndertowOptions.IDLE_TIMEOUT, idle)
                    .setSocketOption(Options.WRITE_TIMEOUT, idle);
        }
        if (read > 0 || idle > 0) {
            builder.setSocketOption(Options.READ_TIMEOUT, read > 0 ? read : idle);
        }
        if (config.requestParseTimeoutMs() > 0) {
            builder.setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, config.requestParseTimeoutMs());
        }
        if (config.noRequestTimeoutMs() > 0) {
            builder.setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, config.noRequestTimeoutMs());
        }
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

    /** What Cognito would have e-mailed or texted, as {@code GET /_emulator/messages} shows it. */
    public Inbox inbox() {
        return messenger.inbox();
    }

    @Override
    public synchronized void close() {
        keyStock.close();
        messenger.close();
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
            return setting(Setting.HOST, value);
        }

        public Builder port(int value) {
            return setting(Setting.PORT, Integer.toString(value));
        }

        public Builder region(String value) {
            return setting(Setting.REGION, value);
        }

        public Builder authMode(AuthMode value) {
            return setting(Setting.AUTH_MODE, value.name());
        }

        public Builder credentials(Map<String, String> value) {
            return setting(Setting.CREDENTIALS, String.join(",", value.entrySet().stream()
                    .map(e -> e.getKey() + ":" + e.getValue()).toList()));
        }

        public Builder issuerBase(String value) {
            return setting(Setting.ISSUER_BASE, value);
        }

        public Builder maxBodyBytes(int value) {
            return setting(Setting.MAX_BODY_BYTES, Integer.toString(value));
        }

        /** {@code "*"} (the default) for any origin, or the origins browser pages may call from. */
        public Builder corsAllowedOrigins(String... origins) {
            return setting(Setting.CORS_ALLOWED_ORIGINS, String.join(",", origins));
        }

        /** Every code the emulator sends is this one (empty, the default: six random digits). */
        public Builder fixedCode(String value) {
            return setting(Setting.FIXED_CODE, value);
        }

        /**
         * Any setting of the table (README, Configuration), as its flag takes it, e.g.
         * {@code setting(Setting.IDLE_TIMEOUT_MS, "1000")}; a bad value is a {@link ConfigException}.
         */
        public Builder setting(Setting setting, String value) {
            config = config.with(setting, value);
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
