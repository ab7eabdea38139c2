package dev.cognitoemulator.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * The pool lifecycle a test suite runs per test, one call after another through the AWS SDK for Java v2
 * (sync client, URL-connection HTTP client, no retries, signed with {@code test:test}, us-east-1): create a pool,
 * a client, a user, set its password, sign in twice (the first sign-in of a pool and a later one), GetUser,
 * refresh, delete the pool. {@code java -cp bench.jar dev.cognitoemulator.bench.Lifecycle ENDPOINT LIFECYCLES
 * WARMUP_SECONDS}
 *
 * <p>Runs lifecycles for WARMUP_SECONDS (at least one), then LIFECYCLES timed ones. Prints one line a step
 * ({@code STEP name=... n=... median=... p95=... max=...}, in ms, over the timed lifecycles), one a failing step
 * ({@code ERROR step=... count=... message=...}, counted over all lifecycles; a lifecycle stops at its first
 * failure, then deletes its pool), and {@code DONE lifecycles=... completed=... seconds=... perSecond=...
 * coldMs=... warmup=...}: completed timed lifecycles a second of the timed run, the first warm-up lifecycle's
 * time (a fresh server and a fresh client) and the number of warm-up lifecycles.
 */
public final class Lifecycle {

    /** The steps, in order; SignIn1 is the pool's first sign-in, SignIn2 the same user's next one. */
    enum Step {
        CREATE_USER_POOL("CreateUserPool"), CREATE_USER_POOL_CLIENT("CreateUserPoolClient"),
        ADMIN_CREATE_USER("AdminCreateUser"), ADMIN_SET_USER_PASSWORD("AdminSetUserPassword"),
        SIGN_IN_1("SignIn1"), SIGN_IN_2("SignIn2"), GET_USER("GetUser"), REFRESH("Refresh"),
        DELETE_USER_POOL("DeleteUserPool");

        private final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /** An email address: cognito-local's default config gives every new pool email usernames. */
    private static final String USERNAME = "lifecycle-user@example.com";
    private static final String PASSWORD = "Lifecycle-Passw0rd!";

    private final CognitoIdentityProviderClient cognito;
    private final Map<Step, List<Long>> nanos = new EnumMap<>(Step.class);
    private final Map<Step, Integer> errorCounts = new EnumMap<>(Step.class);
    private final Map<Step, String> errorMessages = new EnumMap<>(Step.class);
    private Step current;

    private Lifecycle(CognitoIdentityProviderClient cognito) {
        this.cognito = cognito;
        for (Step step : Step.values()) {
            nanos.put(step, new ArrayList<>());
        }
    }

    public static void main(String[] args) {
        URI endpoint = URI.create(args[0]);
        int lifecycles = Integer.parseInt(args[1]);
        double warmupSeconds = Double.parseDouble(args[2]);
        try (CognitoIdentityProviderClient client = CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            Lifecycle bench = new Lifecycle(client);
            // Warm-up by time, not count: a lifecycle takes from tens to hundreds of milliseconds, and the JIT
            // (the client's and the server's) needs thousands of calls whatever their pace.
            long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
            long coldStart = System.nanoTime();
            bench.run("warmup-0", false);
            double coldMs = (System.nanoTime() - coldStart) / 1e6;
            int warmed = 1;
            while (System.nanoTime() < warmupEnd) {
                bench.run("warmup-" + warmed++, false);
            }
            int completed = 0;
            long start = System.nanoTime();
            for (int i = 0; i < lifecycles; i++) {
                completed += bench.run("lifecycle-" + i, true) ? 1 : 0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Step step : Step.values()) {
                long[] sorted = bench.nanos.get(step).stream().mapToLong(Long::longValue).sorted().toArray();
                if (sorted.length > 0) {
                    System.out.printf("STEP name=%s n=%d median=%.3f p95=%.3f max=%.3f%n", step.label,
                            sorted.length, percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6,
                            sorted[sorted.length - 1] / 1e6);
                }
            }
            bench.errorCounts.forEach((step, count) -> System.out.printf("ERROR step=%s count=%d message=%s%n",
                    step.label, count, bench.errorMessages.get(step)));
            System.out.printf("DONE lifecycles=%d completed=%d seconds=%.3f perSecond=%.2f coldMs=%.1f warmup=%d%n",
                    lifecycles, completed, seconds, completed / seconds, coldMs, warmed);
        }
    }

    /** One lifecycle; true when every step answered. Times are kept only when {@code timed}. */
    private boolean run(String name, boolean timed) {
        String[] pool = new String[1];
        try {
            pool[0] = time(Step.CREATE_USER_POOL, timed, () -> cognito.createUserPool(r -> r.poolName(name))
                    .userPool().id());
            String clientId = time(Step.CREATE_USER_POOL_CLIENT, timed, () -> cognito.createUserPoolClient(r -> r
                    .userPoolId(pool[0]).clientName("app").explicitAuthFlows(
                            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId());
            time(Step.ADMIN_CREATE_USER, timed, () -> cognito.adminCreateUser(r -> r.userPoolId(pool[0])
                    .username(USERNAME).messageAction(MessageActionType.SUPPRESS)));
            time(Step.ADMIN_SET_USER_PASSWORD, timed, () -> cognito.adminSetUserPassword(r -> r
                    .userPoolId(pool[0]).username(USERNAME).password(PASSWORD).permanent(true)));
            AuthenticationResultType tokens = time(Step.SIGN_IN_1, timed, () -> signIn(clientId));
            time(Step.SIGN_IN_2, timed, () -> signIn(clientId));
            time(Step.GET_USER, timed, () -> cognito.getUser(r -> r.accessToken(tokens.accessToken())));
            time(Step.REFRESH, timed, () -> tokens(cognito.initiateAuth(r -> r.clientId(clientId)
                    .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                    .authParameters(Map.of("REFRESH_TOKEN", tokens.refreshToken())))));
            time(Step.DELETE_USER_POOL, timed, () -> cognito.deleteUserPool(r -> r.userPoolId(pool[0])));
            return true;
        } catch (SdkException e) {
            errorCounts.merge(current, 1, Integer::sum);
            errorMessages.putIfAbsent(current, String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
            if (pool[0] != null && current != Step.DELETE_USER_POOL) {
                try {
                    cognito.deleteUserPool(r -> r.userPoolId(pool[0]));
                } catch (SdkException ignored) {
                    // The pool stays; the failure that matters is counted above.
                }
            }
            return false;
        }
    }

    private AuthenticationResultType signIn(String clientId) {
        return tokens(cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", USERNAME, "PASSWORD", PASSWORD))));
    }

    /** The answer's tokens; a sign-in that answers with a challenge or without tokens is a failure here. */
    private static AuthenticationResultType tokens(InitiateAuthResponse response) {
        AuthenticationResultType result = response.authenticationResult();
        if (result == null || result.accessToken() == null) {
            String challenge = response.challengeName() != null ? " (challenge " + response.challengeName() + ")" : "";
            throw SdkException.create("InitiateAuth answered without tokens" + challenge, null);
        }
        return result;
    }

    private <T> T time(Step step, boolean timed, Call<T> call) {
        current = step;
        long start = System.nanoTime();
        T result = call.run();
        if (timed) {
            nanos.get(step).add(System.nanoTime() - start);
        }
        return result;
    }

    /** Nearest rank: the smallest value with at least {@code p}% of the values at or below it. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    @FunctionalInterface
    private interface Call<T> {
        T run();
    }
}
