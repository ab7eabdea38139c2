package dev.cognitoemulator.junit;

import dev.cognitoemulator.CognitoEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;

/**
 * A JUnit 5 extension that starts an emulator on a free port for a test class (or one for every class that registers
 * the same {@link Builder#shared() shared} instance), optionally seeded, optionally reset between tests, and injects
 * the {@link CognitoEmulator}, its endpoint ({@link URI}) and a ready {@code CognitoIdentityProviderClient} (when the
 * AWS SDK v2 is on the test's classpath) into test methods, constructors and lifecycle methods.
 *
 * <pre>{@code
 * @RegisterExtension
 * static CognitoEmulatorExtension cognito = CognitoEmulatorExtension.builder()
 *         .seedResource("/seed.json").resetBeforeEach().build();
 *
 * @Test
 * void signsIn(CognitoIdentityProviderClient client) { ... }
 * }</pre>
 *
 * The emulator and the client are closed when the class's tests are done (a shared one at the end of the run).
 */
public final class CognitoEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CognitoEmulatorExtension.class);
    private static final String CLIENT_CLASS =
            "software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient";

    private final UnaryOperator<CognitoEmulator.Builder> emulator;
    private final String seedResource;
    private final boolean resetBeforeEach;
    private final boolean shared;
    private final Consumer<CognitoIdentityProviderClientBuilder> client;

    private CognitoEmulatorExtension(Builder b) {
        this.emulator = b.emulator;
        this.seedResource = b.seedResource;
        this.resetBeforeEach = b.resetBeforeEach;
        this.shared = b.shared;
        this.client = b.client;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (resetBeforeEach) {
            CognitoEmulator running = running(context).emulator();
            if (seedResource != null) {
                running.resetToSeed();
            } else {
                running.reset();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CognitoEmulator.class || type == URI.class || type.getName().equals(CLIENT_CLASS);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Running running = running(context);
        if (type == CognitoEmulator.class) {
            return running.emulator();
        }
        if (type == URI.class) {
            return running.emulator().endpoint();
        }
        return running.client(client);
    }

    /** This extension's emulator, started at the first call; kept in the class's store, or the root's when shared. */
    private Running running(ExtensionContext context) {
        ExtensionContext owner = shared ? context.getRoot() : classContext(context);
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(this, key -> new Running(start()), Running.class);
    }

    /** The context of the outermost test class, so that {@code @Nested} classes share their enclosing one's emulator. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getParent().isPresent() && c.getParent().get().getTestClass().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private CognitoEmulator start() {
        CognitoEmulator.Builder builder = emulator.apply(CognitoEmulator.builder().port(0));
        if (seedResource != null) {
            try (InputStream in = CognitoEmulatorExtension.class.getResourceAsStream(seedResource)) {
                if (in == null) {
                    throw new ExtensionConfigurationException("no classpath resource " + seedResource);
                }
                builder.seed(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return builder.build().start();
    }

    /** A started emulator and, once asked for, its client; closed by JUnit with the store that holds them. */
    private static final class Running implements AutoCloseable {
        private final CognitoEmulator emulator;
        private Object client;

        Running(CognitoEmulator emulator) {
            this.emulator = emulator;
        }

        CognitoEmulator emulator() {
            return emulator;
        }

        synchronized Object client(Consumer<CognitoIdentityProviderClientBuilder> customizer) {
            if (client == null) {
                client = SdkClient.create(emulator, customizer);
            }
            return client;
        }

        @Override
        public synchronized void close() {
            try {
                if (client != null) {
                    SdkClient.close(client);
                }
            } finally {
                emulator.close();
            }
        }
    }

    public static final class Builder {
        private UnaryOperator<CognitoEmulator.Builder> emulator = b -> b;
        private String seedResource;
        private boolean resetBeforeEach;
        private boolean shared;
        /** Null for none: a lambda here would need the SDK's class as soon as the builder is made. */
        private Consumer<CognitoIdentityProviderClientBuilder> client;

        private Builder() {
        }

        /**
         * Settings of the emulator, on a {@link CognitoEmulator#builder()} already given port 0, e.g.
         * {@code b -> b.fixedCode("123456")}.
         */
        public Builder emulator(UnaryOperator<CognitoEmulator.Builder> settings) {
            emulator = settings;
            return this;
        }

        /**
         * The seed applied at start (README, "Seed format"): a classpath resource, named as
         * {@link Class#getResource} takes it (absolute: {@code "/seed.json"}).
         */
        public Builder seedResource(String name) {
            seedResource = name.startsWith("/") ? name : "/" + name;
            return this;
        }

        /** Before each test: delete every pool and empty the inbox, then apply the seed again (if any). */
        public Builder resetBeforeEach() {
            resetBeforeEach = true;
            return this;
        }

        /**
         * One emulator for every test class that registers this same extension instance (a {@code static final}
         * field of a class of their own, say), started for the first and closed at the end of the run; the settings
         * are this instance's.
         */
        public Builder shared() {
            shared = true;
            return this;
        }

        /**
         * Changes the injected client's builder (an AWS SDK v2 {@code CognitoIdentityProviderClientBuilder}),
         * already given the endpoint, the region and the first access key of the emulator's credentials; e.g.
         * {@code b -> b.httpClient(UrlConnectionHttpClient.create())} when the classpath has several HTTP clients.
         * Only this method's signature names the SDK: the extension loads and runs without it.
         */
        public Builder client(Consumer<CognitoIdentityProviderClientBuilder> customizer) {
            client = customizer;
            return this;
        }

        public CognitoEmulatorExtension build() {
            return new CognitoEmulatorExtension(this);
        }
    }
}
