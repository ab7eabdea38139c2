package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoemulator.config.EmulatorConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/** {@code java -jar cognito-emulator.jar ...} as a user runs it: a separate JVM, its exit code and its output. */
class MainTest {

    private static final String PASSWORD = "Passw0rd!";
    private static final String TEMPORARY_PASSWORD = "Tmp-Passw0rd!";
    private static final String WRONG_PASSWORD = "Wr0ng-Passw0rd!";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static ProcessBuilder java(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("COGNITO_EMULATOR_"));
        builder.environment().putAll(env);
        return builder;
    }

    private static Result run(Map<String, String> env, String... args) {
        try {
            Process process = java(env, args).start();
            process.getOutputStream().close();
            // Outputs are small; read them fully after exit.
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Result run(String... args) {
        return run(Map.of(), args);
    }

    private static void assertOneLineError(Result result, int exitCode, String message) {
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.stderr()).isEqualTo(exitCode);
        assertThat(result.stderr()).isEqualTo("cognito-emulator: " + message + System.lineSeparator());
        assertThat(result.stderr()).doesNotContain("Exception", "\tat ");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void helpListsEveryFlagAndEnvironmentVariableAndExitsZero() {
        Result result = run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(EmulatorConfig.help());
        for (EmulatorConfig.Setting setting : EmulatorConfig.Setting.values()) {
            assertThat(result.stdout()).contains(setting.flag(), setting.env());
        }
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void helpWinsOverOtherArguments() {
        Result result = run("--port", "nope", "-h");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("--port");
    }

    @Test
    void anUnknownFlagIsAOneLineErrorWithExitCodeTwo() {
        assertOneLineError(run("--bogus"), 2, "unknown option --bogus (see --help)");
    }

    @Test
    void aBadPortIsAOneLineErrorWithExitCodeTwo() {
        assertOneLineError(run("--port", "nope"), 2, "--port must be a whole number from 0 to 65535, not 'nope'");
    }

    @Test
    void aBadEnvironmentValueIsAOneLineErrorWithExitCodeTwo() {
        Result result = run(Map.of("COGNITO_EMULATOR_AUTH_MODE", "sometimes"));
        assertOneLineError(result, 2, "COGNITO_EMULATOR_AUTH_MODE must be strict, lenient or off, not 'sometimes'");
    }

    @Test
    void aRefusedSeedIsAOneLineErrorNamingTheFileTheEntryAndTheAwsErrorWithExitCodeTwo() throws IOException {
        Path seed = java.nio.file.Files.createTempFile("seed-", ".json");
        try {
            java.nio.file.Files.writeString(seed, "{\"UserPools\":[{\"Id\":\"us-east-1_MainTest1\",\"PoolName\":\"p\","
                    + "\"Clients\":[{\"ClientName\":\"c\",\"ExplicitAuthFlows\":[\"NOPE\"]}]}]}");
            Result result = run("--port", "0", "--seed", seed.toString());
            assertThat(result.exitCode()).as("exit code; stderr: %s", result.stderr()).isEqualTo(2);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).isEqualTo("cognito-emulator: " + seed + ": UserPools[0] "
                    + "(us-east-1_MainTest1) Clients[0]: InvalidParameterException: 1 validation error detected: "
                    + "Value '[NOPE]' at 'explicitAuthFlows' failed to satisfy constraint: Member must satisfy "
                    + "constraint: [Member must satisfy enum value set: [ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, "
                    + "USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_USER_PASSWORD_AUTH, "
                    + "ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_AUTH]]" + System.lineSeparator());
        } finally {
            java.nio.file.Files.delete(seed);
        }
    }

    @Test
    void aTakenPortIsAOneLineErrorWithExitCodeOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Result result = run("--port", Integer.toString(taken.getLocalPort()));
            assertThat(result.exitCode()).as("stderr: %s", result.stderr()).isEqualTo(1);
            assertThat(result.stderr()).startsWith("cognito-emulator: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()).doesNotContain("\tat ");
            assertThat(result.stderr().strip()).doesNotContain("\n");
        }
    }

    @Test
    void anUnreadableTlsCertificateIsAOneLineErrorWithExitCodeOne() {
        Result result = run("--port", "0", "--https-port", "0", "--tls-cert", "/nonexistent/chain.pem", "--tls-key",
                "/nonexistent/key.pem");
        assertThat(result.exitCode()).as("stderr: %s", result.stderr()).isEqualTo(1);
        assertThat(result.stderr().strip()).isEqualTo(
                "cognito-emulator: --tls-cert /nonexistent/chain.pem cannot be read: no such file");
    }

    @Test
    void servesOnTheChosenPortAndStopsCleanlyOnSigterm() throws Exception {
        try (Server server = new Server("--port", "0")) {
            HttpResponse<String> health = get(server.endpoint(), "/health");
            assertThat(health.statusCode()).isEqualTo(200);

            server.stop();
            assertThat(server.process.exitValue()).isEqualTo(143); // 128 + SIGTERM: the JVM's normal answer to it
            assertThat(server.output()).contains("cognito-emulator stopped").doesNotContain("Exception");
        }
    }

    @Test
    void logsAtInfoByDefault() throws Exception {
        try (Server server = new Server("--port", "0")) {
            HttpResponse<String> refused = post(server.endpoint(), "ListUserPools", "{\"MaxResults\":10}");
            assertThat(refused.body()).contains("MissingAuthenticationTokenException");
            server.stop();
            assertThat(server.output()).contains(" INFO ").doesNotContain(" DEBUG ", " TRACE ",
                    "MissingAuthenticationTokenException");
        }
    }

    @Test
    void aTraceRunLogsNoPasswordTokenOrSignature() throws Exception {
        List<String> authorizations = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, TEMPORARY_PASSWORD, WRONG_PASSWORD));
        try (Server server = new Server("--port", "0", "--log-level", "trace");
                CognitoIdentityProviderClient cognito = sdk(server.endpoint(), authorizations)) {
            String poolId = cognito.createUserPool(b -> b.poolName("logs")).userPool().id();
            String clientId = cognito.createUserPoolClient(b -> b.userPoolId(poolId).clientName("app")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
            cognito.adminCreateUser(b -> b.userPoolId(poolId).username("alice").temporaryPassword(TEMPORARY_PASSWORD)
                    .messageAction(MessageActionType.SUPPRESS));
            cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username("alice").password(PASSWORD)
                    .permanent(true));
            AuthenticationResultType tokens = cognito.initiateAuth(b -> b.clientId(clientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "alice", "PASSWORD", PASSWORD))).authenticationResult();
            secrets.addAll(List.of(tokens.accessToken(), tokens.idToken(), tokens.refreshToken()));
            cognito.getUser(b -> b.accessToken(tokens.accessToken()));
            assertThatThrownBy(() -> cognito.initiateAuth(b -> b.clientId(clientId)
                    .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "alice", "PASSWORD", WRONG_PASSWORD))))
                    .isInstanceOf(NotAuthorizedException.class);
            server.stop();

            String output = server.output();
            // Trace is on: the emulator's DEBUG line for the refused sign-in is there, with no secret in it.
            assertThat(output).contains(" DEBUG ", "NotAuthorizedException");
            assertThat(authorizations).hasSize(4); // the signed calls: sign-in and GetUser are unsigned
            for (String authorization : authorizations) {
                secrets.add(authorization);
                secrets.add(authorization.substring(authorization.indexOf("Signature=")));
            }
            for (String secret : secrets) {
                assertThat(output).as("the output of a trace run").doesNotContain(secret);
            }
            assertThat(output).doesNotContain("Credential=", "X-Amz-Date", "\"Password\"", "AuthParameters");
        }
    }

    @Test
    void aTraceRunDoesNotLogTheTextOfAMalformedBody() throws Exception {
        // The parser's own messages quote the bad token ("Unrecognized token 'Passw0rd'"); the answer must not.
        try (Server server = new Server("--port", "0", "--log-level", "trace")) {
            post(server.endpoint(), "InitiateAuth", "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"abc\","
                    + "\"AuthParameters\":{\"USERNAME\":\"alice\",\"PASSWORD\":" + PASSWORD + "}}");
            server.stop();
            assertThat(server.output()).contains("SerializationException").doesNotContain("Passw0rd");
        }
    }

    private static HttpResponse<String> get(URI endpoint, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An unsigned AWS JSON call. */
    private static HttpResponse<String> post(URI endpoint, String operation, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/")).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The SDK pointed at the server, keeping the Authorization header of every request it signs. */
    private static CognitoIdentityProviderClient sdk(URI endpoint, List<String> authorizations) {
        ExecutionInterceptor keep = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                context.httpRequest().firstMatchingHeader("Authorization").ifPresent(authorizations::add);
            }
        };
        return CognitoIdentityProviderClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(keep))
                .build();
    }

    /**
     * {@code Main --port 0 ...} in its own JVM, its stdout and stderr read line by line as they come: the
     * constructor waits (30 s at most) for the line naming the chosen port; {@link #close()} kills what is left.
     */
    private static final class Server implements AutoCloseable {

        private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

        final Process process;
        private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
        private final StringBuffer output = new StringBuffer();
        private final Thread reader;
        private final URI endpoint;

        Server(String... args) throws IOException, InterruptedException {
            process = java(Map.of(), args).redirectErrorStream(true).start();
            process.getOutputStream().close();
            reader = new Thread(this::read, "main-test-output");
            reader.setDaemon(true);
            reader.start();
            endpoint = URI.create(awaitLine(LISTENING).group(1));
        }

        private void read() {
            try (BufferedReader in = process.inputReader(StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.append(line).append('\n');
                    lines.add(Optional.of(line));
                }
            } catch (IOException e) {
                output.append("(reading the output failed: ").append(e).append(")\n");
            } finally {
                lines.add(Optional.empty());
            }
        }

        /** The first line from now on that matches, waiting for it until a deadline or the end of the output. */
        private Matcher awaitLine(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                Optional<String> line = lines.poll(left, TimeUnit.NANOSECONDS);
                if (line == null || line.isEmpty()) {
                    break;
                }
                Matcher m = pattern.matcher(line.get());
                if (m.find()) {
                    return m;
                }
            }
            throw new AssertionError("no line matches " + pattern + " in the output: " + output);
        }

        URI endpoint() {
            return endpoint;
        }

        /** SIGTERM, then waits for the exit and for the last of the output. */
        void stop() throws InterruptedException {
            process.toHandle().destroy(); // Process.destroy() would also close the output before its last lines
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped").isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }

        /** Everything the process wrote so far, stdout and stderr merged. */
        String output() throws InterruptedException {
            if (!process.isAlive()) {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            }
            return output.toString();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    @Test
    void underALowOpenFilesLimitTheConnectionCapIsLoweredAndSaid() throws Exception {
        // ulimit -n 256: 4096 connections could never be open at once; the server keeps 128 descriptors for itself.
        ProcessBuilder builder = java(Map.of(), "--port", "0").redirectErrorStream(true);
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -n 256 && exec \"$@\"", "bash"));
        command.addAll(builder.command());
        Process process = builder.command(command).start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            Future<List<String>> untilListening = reader.submit(() -> {
                List<String> lines = new ArrayList<>();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.contains("listening on")) {
                        break;
                    }
                }
                return lines;
            });
            List<String> lines = untilListening.get(30, TimeUnit.SECONDS);
            assertThat(String.join("\n", lines)).contains("max connections 4096 is more than the limit of 256 open "
                    + "files allows: serving at most 128 at once");
            Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)")
                    .matcher(lines.get(lines.size() - 1));
            assertThat(m.find()).as("%s", lines).isTrue();
            HttpResponse<String> health = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create(m.group(1) + "/health")).timeout(Duration.ofSeconds(5))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            reader.shutdownNow();
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
