package dev.cognitoemulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.UnixOperatingSystemMXBean;
import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.auth.SigV4Verifier;
import dev.cognitoemulator.config.ConfigException;
import dev.cognitoemulator.config.EmulatorConfig;
import dev.cognitoemulator.config.EmulatorConfig.Setting;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.fixtures.EmulatorState;
import dev.cognitoemulator.fixtures.SeedException;
import dev.cognitoemulator.fixtures.Seeds;
import dev.cognitoemulator.http.Routes;
import dev.cognitoemulator.http.TlsIdentity;
import dev.cognitoemulator.messages.Codes;
import dev.cognitoemulator.messages.Inbox;
import dev.cognitoemulator.messages.Messenger;
import dev.cognitoemulator.messages.SmtpSender;
import dev.cognitoemulator.protocol.Dispatcher;
import dev.cognitoemulator.protocol.Services;
import dev.cognitoemulator.quotas.Quotas;
import dev.cognitoemulator.store.DataDirectoryException;
import dev.cognitoemulator.store.Durability;
import dev.cognitoemulator.store.InMemoryUserPoolStore;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.tokens.Issuer;
import dev.cognitoemulator.tokens.KeyStock;
import dev.cognitoemulator.triggers.Lambdas;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Sequence;

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
    private static final String[] TLS_PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** File descriptors left for the JVM (jars, selectors, pipes) under a low open-files limit. */
    private static final int FD_HEADROOM = 128;
    /** Steps of user import jobs waiting for the import thread (each running job has at most one waiting). */
    private static final int IMPORT_QUEUE = 256;
    /** Workers added when Lambda functions are configured: triggers calling back in at once, at most. */
    private static final int LAMBDA_WORKERS = 16;
    private static final int DURABLE_WORKERS_PER_CORE = 16;

    private final EmulatorConfig config;
    private final Services services;
    private final Messenger messenger;
    private final KeyStock keyStock;
    private final Issuer issuer;
    private final Dispatcher dispatcher;
    private final Randomness random;
    private final Clock clock;
    /** The import thread this emulator made (shut down at close), or null when the builder was given an executor. */
    private final ThreadPoolExecutor ownImports;
    /** The store made from the data directory, closed with the emulator; null otherwise. */
    private final InMemoryUserPoolStore durableStore;
    private final EmulatorState state;
    private volatile Undertow server;
    private volatile int port;
    private volatile int httpsPort;
    private volatile TlsIdentity tls;
    /** The PEM file the self-signed certificate was written to (deleted at close), or the user's --tls-cert. */
    private volatile Path tlsCertificateFile;

    private CognitoEmulator(EmulatorConfig config, Clock clock, Randomness random, UserPoolStore store,
            InMemoryUserPoolStore durableStore, Executor importExecutor,
            Map<String, Function<JsonNode, JsonNode>> lambdas, JsonNode seedDocument) {
        this.config = config;
        this.durableStore = durableStore;
        this.ownImports = importExecutor == null ? importThread() : null;
        this.random = random;
        this.clock = clock;
        this.keyStock = new KeyStock(random);
        this.issuer = new Issuer(() -> config.issuerBase().isEmpty() ? "http://localhost:" + boundPort()
                : config.issuerBase());
        this.messenger = new Messenger(new Inbox(config.inboxSize()), clock,
                config.smtpUrl().isEmpty() ? null : new SmtpSender(URI.create(config.smtpUrl())));
        this.services = Services.of(store, keyStock, issuer, new Lambdas(lambdas, config, clock), messenger,
                new Codes(random, config.fixedCode()), random, clock, config.accountId(),
                new Quotas(clock, config.enforceQuotas()), importExecutor == null ? ownImports : importExecutor);
        this.dispatcher = new Dispatcher(Operations.all(),
                new SigV4Verifier(config.authMode(), config.credentials(), "cognito-idp", clock), config.region(),
                services);
        this.state = new EmulatorState(dispatcher, services, config.region(), messenger.inbox(),
                !config.seed().isEmpty() ? () -> EmulatorState.read(Path.of(config.seed()))
                        : seedDocument != null ? seedDocument::deepCopy : null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One daemon thread for user imports, its queue bounded (a full queue fails the job being started). */
    private static ThreadPoolExecutor importThread() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(IMPORT_QUEUE), task -> {
            Thread thread = new Thread(task, "cognito-emulator-user-import");
            thread.setDaemon(true);
            return thread;
        });
    }

    public synchronized CognitoEmulator start() {
        if (server != null) {
            return this;
        }
        if (state.seeded()) {
            // Before the listener: nobody sees a half-seeded emulator.
            Seeds.Loaded loaded = state.loadSeed();
            LOG.info("seed {}: {} pools created, {} already there",
                    config.seed().isEmpty() ? "document" : config.seed(), loaded.created().size(),
                    loaded.skipped().size());
        }
        int cap = connectionCap();
        Undertow.Builder builder = Undertow.builder()
                // Routes sets the Date header itself (HttpDate: Undertow's cache goes stale across servers).
                .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
                // Work here is short and CPU-bound: one worker per core, not Undertow's default of 16 per core.
                // More workers only add wake-ups and lock hand-offs; on one core, one worker against two took
                // context switches from 0.7 to 0.16 a request and writes from about 29k to 34k requests/s.
                // With a data directory a write's worker waits for its commit, off the CPU: more workers let the
                // writes that arrive meanwhile be committed together. A trigger may call back into the emulator
                // while its request waits for it on a worker: with functions configured, spare workers serve those.
                .setWorkerThreads(Runtime.getRuntime().availableProcessors()
                        * (config.dataDir().isEmpty() ? 1 : DURABLE_WORKERS_PER_CORE)
                        + (services.lambdas().configured() ? LAMBDA_WORKERS : 0))
                // Connections past the cap wait in the listen backlog instead of taking file descriptors; low
                // water equal to high water resumes accepting as soon as one closes.
                .setSocketOption(Options.CONNECTION_HIGH_WATER, cap)
                .setSocketOption(Options.CONNECTION_LOW_WATER, cap);
        timeouts(builder, config);
        builder.addHttpListener(config.port(), config.host());
        TlsIdentity identity = null;
        if (config.httpsPort().isPresent()) {
            if (config.httpsPort().getAsInt() != 0) {
                checkBindable(config.httpsPort().getAsInt());
            }
            identity = config.tlsCert().isEmpty() ? TlsIdentity.selfSigned(clock.instant(), random.secureRandom())
                    : TlsIdentity.fromPem(Path.of(config.tlsCert()), Path.of(config.tlsKey()), random.secureRandom());
            // The same handler and server options as the plain listener; TLS 1.2 and 1.3 only.
            builder.addListener(new Undertow.ListenerBuilder().setType(Undertow.ListenerType.HTTPS)
                    .setPort(config.httpsPort().getAsInt()).setHost(config.host()).setSslContext(identity.sslContext())
                    .setOverrideSocketOptions(OptionMap.create(Options.SSL_ENABLED_PROTOCOLS,
                            Sequence.of(TLS_PROTOCOLS))));
        }
        Undertow undertow = builder
                .setHandler(new Routes(dispatcher, config.maxBodyBytes(), services, issuer,
                        config.corsAllowedOrigins(), messenger.inbox(), state, config.controlApi()))
                .build();
        server = undertow;
        try {
            undertow.start();
        } catch (RuntimeException e) {
            server = null;
            throw cannotListen(e);
        }
        port = boundPort();
        LOG.info("cognito-emulator listening on {} (region {}, auth {}, {} operations)", endpointOf(config.host()),
                config.region(), config.authMode().name().toLowerCase(Locale.ROOT), dispatcher.supported().size());
        if (identity != null) {
            httpsPort = ((InetSocketAddress) undertow.getListenerInfo().get(1).getAddress()).getPort();
            tls = identity;
            tlsCertificateFile = config.tlsCert().isEmpty() ? writeCertificate(identity) : Path.of(config.tlsCert());
            if (config.tlsCert().isEmpty()) {
                LOG.info("cognito-emulator listening on {} with a self-signed certificate for localhost and 127.0.0.1, "
                        + "written to {} (trust it, e.g. NODE_EXTRA_CA_CERTS={})", httpsEndpointOf(config.host()),
                        tlsCertificateFile, tlsCertificateFile);
            } else {
                LOG.info("cognito-emulator listening on {} with the certificate of {}", httpsEndpointOf(config.host()),
                        tlsCertificateFile);
            }
        }
        return this;
    }

    /**
     * A listener that could not bind, as a one-line error naming its address. Undertow does not say which of the
     * two failed (and keeps the first one bound when the second fails), so the HTTPS port is tried on its own
     * before start; a failure after that names the plain listener, or both when HTTPS is on.
     */
    private ConfigException cannotListen(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new ConfigException("cannot listen on " + config.host() + ":" + config.port()
                + (config.httpsPort().isPresent() ? " or " + config.host() + ":" + config.httpsPort().getAsInt()
                        + " (HTTPS)" : "") + ": " + reason);
    }

    /** A taken HTTPS port named before Undertow opens anything. */
    private void checkBindable(int candidate) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(config.host(), candidate));
        } catch (IOException e) {
            throw new ConfigException("cannot listen on " + config.host() + ":" + candidate + " (HTTPS): "
                    + e.getMessage());
        }
    }

    /** The self-signed certificate as PEM in a new file of the temporary directory (owner-readable, as made). */
    private static Path writeCertificate(TlsIdentity identity) {
        try {
            Path file = Files.createTempFile("cognito-emulator-", ".pem");
            Files.writeString(file, identity.chainPem(), StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new ConfigException("cannot write the self-signed TLS certificate: " + e.getMessage());
        }
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

    /** The HTTPS port listened on (the chosen one for 0); {@code --https-port} must be set. */
    public int httpsPort() {
        tlsIdentity();
        return httpsPort;
    }

    /**
     * {@code https://localhost:port} (the self-signed certificate's name; {@code https://host:port} when the host is
     * neither a wildcard nor loopback), for an SDK's {@code endpointOverride}.
     */
    public URI httpsEndpoint() {
        tlsIdentity();
        String host = config.host();
        return httpsEndpointOf(Set.of("0.0.0.0", "::", "127.0.0.1", "::1").contains(host) ? "localhost" : host);
    }

    private URI httpsEndpointOf(String host) {
        return URI.create("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + httpsPort);
    }

    /** The certificate the HTTPS listener presents (trust it in a test's client: it is self-signed by default). */
    public X509Certificate tlsCertificate() {
        return tlsIdentity().certificate();
    }

    /** The PEM file of that certificate: the one written at start (deleted at close), or {@code --tls-cert}. */
    public Path tlsCertificateFile() {
        tlsIdentity();
        return tlsCertificateFile;
    }

    private TlsIdentity tlsIdentity() {
        port();
        TlsIdentity identity = tls;
        if (identity == null) {
            throw new IllegalStateException("HTTPS is off (no --https-port)");
        }
        return identity;
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

    /** Every pool as a seed document (README, "Control endpoints"), as {@code GET /_emulator/state} answers it. */
    public String exportState() {
        return state.export().toString();
    }

    /**
     * Loads a seed document (its pools whose {@code Id} exists are left as they are), as {@code POST
     * /_emulator/state} does; a refused entry is a {@link SeedException} and changes nothing.
     */
    public Seeds.Loaded importState(String seedJson) {
        return state.load(Seeds.parse(seedJson.getBytes(StandardCharsets.UTF_8)));
    }

    /** Deletes every pool and empties the inbox, as {@code POST /_emulator/reset} does; answers how many pools went. */
    public int reset() {
        return state.reset(false);
    }

    /**
     * {@link #reset()}, then the {@code --seed} file (or the builder's seed document) applied again ({@code POST
     * /_emulator/reset?seed=true}).
     */
    public int resetToSeed() {
        return state.reset(true);
    }

    @Override
    public synchronized void close() {
        keyStock.close();
        if (ownImports != null) {
            ownImports.shutdownNow();
        }
        messenger.close();
        if (server != null) {
            server.stop();
            server = null;
            LOG.info("cognito-emulator stopped");
        }
        if (durableStore != null) {
            durableStore.close();
        }
        if (tls != null && config.tlsCert().isEmpty()) {
            try {
                Files.deleteIfExists(tlsCertificateFile);
            } catch (IOException e) {
                LOG.warn("cannot delete {}: {}", tlsCertificateFile, e.getMessage());
            }
        }
        tls = null;
    }

    /** Settings start from {@link EmulatorConfig#defaults()}; the clock defaults to the system's. */
    public static final class Builder {
        private EmulatorConfig config = EmulatorConfig.defaults();
        private Clock clock = Clock.systemUTC();
        private Randomness random;
        private UserPoolStore store;
        private Executor importExecutor;
        private final Map<String, Function<JsonNode, JsonNode>> lambdas = new HashMap<>();
        private JsonNode seedDocument;

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

        /** Also serve HTTPS on this port (0: a free one, see {@link CognitoEmulator#httpsPort()}). */
        public Builder httpsPort(int value) {
            return setting(Setting.HTTPS_PORT, Integer.toString(value));
        }

        /** The HTTPS listener's certificate chain and key (PEM files) instead of a self-signed certificate. */
        public Builder tlsCertificate(Path certificateChain, Path privateKey) {
            config = config.with(Map.of(Setting.TLS_CERT, certificateChain.toString(), Setting.TLS_KEY,
                    privateKey.toString()));
            return this;
        }

        /** The seed file applied at start (README, "Seed format"); pools whose Id exists are left as they are. */
        public Builder seed(Path file) {
            return setting(Setting.SEED, file.toString());
        }

        /**
         * A seed document read from {@code json} now (a classpath resource, say; the caller closes it), applied at
         * start and by {@link CognitoEmulator#resetToSeed()}, as a {@link #seed(Path) seed file} is; the two are
         * exclusive. Malformed JSON is a {@link SeedException} here, a refused entry one at start.
         */
        public Builder seed(InputStream json) {
            try {
                seedDocument = Seeds.parse(json.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the seed", e);
            }
            return this;
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

        /**
         * What runs user import jobs (StartUserImportJob) in the background; by default one thread of the emulator's
         * own. A test can hand in an executor it drives itself, to see each step of a job.
         */
        public Builder importExecutor(Executor value) {
            importExecutor = value;
            return this;
        }

        /**
         * A Lambda function run in process: the pools' triggers naming {@code nameOrArn} (an ARN also matches by
         * its function name) call {@code handler} with the event and take the event it returns, as Lambda's do.
         * A handler that throws fails the trigger ({@code UserLambdaValidationException}, with the exception's
         * message). Wins over {@code --lambda-url} and {@code --lambda-endpoint}.
         */
        public Builder lambda(String nameOrArn, Function<JsonNode, JsonNode> handler) {
            lambdas.put(nameOrArn, handler);
            return this;
        }

        /**
         * Keep the state in this directory and load it at {@link #build()} (see README, Persistence); the
         * directory stays locked until {@link CognitoEmulator#close()}.
         */
        public Builder dataDir(Path value) {
            return setting(Setting.DATA_DIR, value.toString());
        }

        /** With a {@link #dataDir}: whether each commit is also fsynced ({@link Durability#FULL}). */
        public Builder durability(Durability value) {
            return setting(Setting.DURABILITY, value.name());
        }

        /**
         * @throws ConfigException when the data directory cannot be used (held by another process, unreadable,
         *         corrupt, of a newer version): a one-line message
         */
        public CognitoEmulator build() {
            if (seedDocument != null && !config.seed().isEmpty()) {
                throw new IllegalStateException("seed(Path) and seed(InputStream) are exclusive");
            }
            Randomness r = random == null ? Randomness.secure() : random;
            if (config.dataDir().isEmpty()) {
                return new CognitoEmulator(config, clock, r, store == null ? new InMemoryUserPoolStore(r) : store,
                        null, importExecutor, lambdas, seedDocument);
            }
            if (store != null) {
                throw new IllegalStateException("store(...) and a data directory are exclusive");
            }
            long start = System.nanoTime();
            InMemoryUserPoolStore durable;
            try {
                durable = InMemoryUserPoolStore.open(r, Path.of(config.dataDir()), config.durability());
            } catch (DataDirectoryException e) {
                throw new ConfigException(e.getMessage());
            }
            LOG.info("data directory {} loaded in {} ms ({} durability)", config.dataDir(),
                    (System.nanoTime() - start) / 1_000_000, config.durability().name().toLowerCase(Locale.ROOT));
            return new CognitoEmulator(config, clock, r, durable, durable, importExecutor, lambdas, seedDocument);
        }
    }
}
