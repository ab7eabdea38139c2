package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoemulator.auth.AuthMode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * A walk of the service model (src/main/model/cognito-idp-2016-04-18.json): every one of its operations is
 * implemented (registered in {@link Operations}, and a request for it is not answered 501), and every one is called
 * by at least one test under src/test/java (its SDK v2 method, {@code .adminCreateUser(}, or its
 * {@code X-Amz-Target}). The README's supported-operations table equals the implemented operations
 * ({@link ReadmeTest}), so it lists them all too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceModelWalkTest {

    private static final Path MODEL = Path.of("src", "main", "model", "cognito-idp-2016-04-18.json");
    private static final Path TESTS = Path.of("src", "test", "java");
    private static final Path THIS_TEST = TESTS.resolve("dev/cognitoemulator/ServiceModelWalkTest.java");

    private Set<String> operations;

    @BeforeAll
    void readTheModel() throws IOException {
        JsonNode model = new ObjectMapper().readTree(MODEL.toFile());
        operations = new TreeSet<>();
        for (Iterator<String> names = model.get("operations").fieldNames(); names.hasNext();) {
            operations.add(names.next());
        }
    }

    @Test
    void theModelHas129Operations() {
        assertThat(operations).hasSize(129);
    }

    @Test
    void everyOperationIsImplemented() throws Exception {
        try (CognitoEmulator emulator = CognitoEmulator.builder().port(0).authMode(AuthMode.OFF).build().start()) {
            Set<String> missing = new TreeSet<>(operations);
            missing.removeAll(emulator.supportedOperations());
            assertThat(missing).as("operations of the model not in Operations").isEmpty();
            assertThat(emulator.supportedOperations()).isSubsetOf(operations);

            HttpClient http = HttpClient.newHttpClient();
            Map<String, Integer> answered501 = new TreeMap<>();
            for (String operation : operations) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/"))
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 501) {
                    answered501.put(operation, response.statusCode());
                }
            }
            assertThat(answered501.keySet()).as("operations answered 501 NotImplementedException").isEmpty();
        }
    }

    @Test
    void everyOperationIsCalledByATest() throws IOException {
        Map<String, String> sdkMethods = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Method m : CognitoIdentityProviderClient.class.getMethods()) {
            sdkMethods.put(m.getName(), m.getName());
        }
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.equals(THIS_TEST)).toList()) {
                sources.add(Files.readString(file));
            }
        }
        assertThat(sources).as("test sources read").hasSizeGreaterThan(50);
        Set<String> untested = new TreeSet<>();
        for (String operation : operations) {
            String method = sdkMethods.get(operation);
            assertThat(method).as("the SDK's method for " + operation).isNotNull();
            String call = "." + method + "(";
            String target = "AWSCognitoIdentityProviderService." + operation + "\"";
            if (sources.stream().noneMatch(s -> s.contains(call) || s.contains(target))) {
                untested.add(operation);
            }
        }
        assertThat(untested).as("operations no test under src/test/java calls").isEmpty();
    }
}
