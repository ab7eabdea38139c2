package dev.cognitoemulator.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.auth.HttpRequestView;
import dev.cognitoemulator.auth.SigV4Verifier;
import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.protocol.InputValidator;
import dev.cognitoemulator.protocol.Json;
import dev.cognitoemulator.protocol.ServiceModel;
import dev.cognitoemulator.protocol.Shape;
import dev.cognitoemulator.store.InMemoryUserPoolStore;
import java.io.IOException;
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
 * The pieces of the request path, one at a time: SigV4 verification, JSON decoding with model validation,
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
    private Shape.Structure updateInput;
    private InMemoryUserPoolStore store;
    private String poolId;
    private UserPool pool;
    private Attributes attributes;

    @Setup
    public void setUp() {
        verifier = new SigV4Verifier(AuthMode.STRICT, Map.of("test", "test"), "cognito-idp",
                Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
        signed = signedRequest();
        updateInput = ServiceModel.load().operation("AdminUpdateUserAttributes").input();
        store = new InMemoryUserPoolStore();
        pool = store.createPool("us-east-1", id -> new UserPool(id, "bench", "arn", SIGNED_AT, SIGNED_AT,
                SchemaAttribute.STANDARD, List.of(), List.of(), List.of(), null, false, "OFF", Map.of(), Map.of()));
        poolId = pool.id();
        store.write(poolId, table -> {
            for (int i = 0; i < 100_000; i++) {
                String sub = UUID.randomUUID().toString();
                table.put(new User("user-" + i, sub, Attributes.of(Map.of("sub", sub, "email",
                        "user-" + i + "@example.com")), UserStatus.CONFIRMED, true, SIGNED_AT, SIGNED_AT, null,
                        List.of()));
            }
            return null;
        });
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sub", "s");
        values.put("email", "e@example.com");
        values.put("given_name", "g");
        values.put("family_name", "f");
        values.put("nickname", "bench");
        attributes = Attributes.of(values);
    }

    @Benchmark
    public String sigV4Verify() {
        return verifier.verify(signed, BODY);
    }

    @Benchmark
    public JsonNode decodeAndValidate() throws IOException {
        JsonNode json = Json.MAPPER.readTree(BODY);
        InputValidator.validate(updateInput, json);
        return json;
    }

    @Benchmark
    public User lookupByUsername() {
        return store.read(poolId, users -> UserLookup.find(users, "user-54321"));
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
