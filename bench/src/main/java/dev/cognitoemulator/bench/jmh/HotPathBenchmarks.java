package dev.cognitoemulator.bench.jmh;

import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.auth.HttpRequestView;
import dev.cognitoemulator.auth.SigV4Verifier;
import dev.cognitoemulator.config.EmulatorConfig;
import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.PoolFactors;
import dev.cognitoemulator.domain.PoolSettings;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.messages.Codes;
import dev.cognitoemulator.messages.Inbox;
import dev.cognitoemulator.messages.Messenger;
import dev.cognitoemulator.model.OperationSpec;
import dev.cognitoemulator.Operations;
import dev.cognitoemulator.model.ServiceOperations;
import dev.cognitoemulator.protocol.Dispatcher;
import dev.cognitoemulator.protocol.Services;
import dev.cognitoemulator.quotas.Quotas;
import dev.cognitoemulator.store.InMemoryUserPoolStore;
import dev.cognitoemulator.tokens.Issuer;
import dev.cognitoemulator.tokens.KeyStock;
import dev.cognitoemulator.triggers.Lambdas;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The pieces of the request path, one at a time: SigV4 verification, decoding with the model's constraints,
 * user lookup in a pool of 100,000, and an attribute delete. {@code java -jar bench/target/bench.jar}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class HotPathBenchmarks {

    private static final Instant SIGNED_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final byte[] BODY = ("{\"UserPoolId\":\"us-east-1_bench1234\",\"Username\":\"user-12345\","
            + "\"UserAttributes\":[{\"Name\":\"nickname\",\"Value\":\"bench\"}]}").getBytes(StandardCharsets.UTF_8);

    private SigV4Verifier verifier;
    private HttpRequestView signed;
    private OperationSpec<?, ?> update;
    private InMemoryUserPoolStore store;
    private String poolId;
    private UserPool pool;
    private Attributes attributes;
    private Dispatcher dispatcher;
    private byte[] poolBody;

    @Setup
    public void setUp() {
        verifier = new SigV4Verifier(AuthMode.STRICT, Map.of("test", "test"), "cognito-idp",
                Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
        signed = signedRequest();
        update = ServiceOperations.ALL.stream().filter(s -> s.name().equals("AdminUpdateUserAttributes")).findFirst()
                .orElseThrow();
        Randomness random = Randomness.secure();
        store = new InMemoryUserPoolStore(random);
        pool = store.createPool("us-east-1", id -> new UserPool(id, "bench", "arn", SIGNED_AT, SIGNED_AT,
                SchemaAttribute.STANDARD, List.of(), List.of(), null, PoolSettings.defaults(), PoolFactors.NONE));
        poolId = pool.id();
        store.write(poolId, table -> {
            for (int i = 0; i < 100_000; i++) {
                String sub = UUID.randomUUID().toString();
                table.put(new User("user-" + i, sub, Attributes.of(Map.of("sub", sub, "email",
                        "user-" + i + "@example.com")), UserStatus.CONFIRMED, true, SIGNED_AT, SIGNED_AT, null,
                        List.of(), MfaSettings.NONE));
            }
            return null;
        });
        Clock clock = Clock.fixed(SIGNED_AT, ZoneOffset.UTC);
        dispatcher = new Dispatcher(Operations.all(),
                new SigV4Verifier(AuthMode.LENIENT, Map.of(), "cognito-idp", clock), "us-east-1",
                Services.of(store, new KeyStock(random), new Issuer(() -> "http://localhost:9229"),
                        new Lambdas(Map.of(), EmulatorConfig.defaults(), clock),
                        new Messenger(new Inbox(1000), clock, null), new Codes(random, ""), random, clock,
                        "000000000000", new Quotas(clock, false), Runnable::run));
        poolBody = new String(BODY, StandardCharsets.UTF_8).replace("us-east-1_bench1234", poolId)
                .getBytes(StandardCharsets.UTF_8);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sub", "s");
        values.put("email", "e@example.com");
        values.put("given_name", "g");
        values.put("family_name", "f");
        values.put("nickname", "bench");
        attributes = Attributes.of(values);
    }

    /** The whole pipeline after the HTTP layer: lookup, SigV4, decode into the typed request, execute, encode. */
    @Benchmark
    public byte[] dispatchAdminUpdateUserAttributes() {
        return dispatcher.dispatch("AWSCognitoIdentityProviderService.AdminUpdateUserAttributes", signed, poolBody,
                "request-id");
    }

    @Benchmark
    public String sigV4Verify() {
        return verifier.verify(signed, BODY);
    }

    @Benchmark
    public Object decodeAndValidate() {
        return update.decode(BODY);
    }

    @Benchmark
    public User lookupByUsername() {
        return store.read(poolId, users -> users.requireUser("user-54321"));
    }

    @Benchmark
    public Attributes deleteAttribute() {
        return AttributeRules.delete(pool, attributes, List.of("nickname"));
    }

    private static HttpRequestView signedRequest() {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(URI.create("http://127.0.0.1:9229/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminUpdateUserAttributes")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("test", "test")).request(request)
                .payload(ContentStreamProvider.fromByteArray(BODY))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNED_AT, ZoneOffset.UTC)));
        Map<String, String> headers = new HashMap<>();
        signed.request().forEachHeader((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        headers.putIfAbsent("host", "127.0.0.1:9229");
        return new HttpRequestView() {
            @Override
            public String method() {
                return "POST";
            }

            @Override
            public String rawPath() {
                return "/";
            }

            @Override
            public String rawQuery() {
                return "";
            }

            @Override
            public String header(String name) {
                return headers.get(name.toLowerCase());
            }
        };
    }
}
