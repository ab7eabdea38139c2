package dev.cognitoemulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * Sign-ins a second, each thread signing its own user in again and again over its own keep-alive connection
 * (InitiateAuth and RespondToAuthChallenge are unsigned operations: plain JSON requests, so the load core spends
 * nothing on an SDK; the pool, client and users are made with the AWS SDK for Java v2): {@code srp} is a whole
 * USER_SRP_AUTH sign-in (InitiateAuth, then RespondToAuthChallenge PASSWORD_VERIFIER with the proof),
 * {@code password} one InitiateAuth USER_PASSWORD_AUTH.
 * {@code java -cp bench.jar dev.cognitoemulator.bench.SignIns ENDPOINT FLOW THREADS WARMUP_SECONDS SECONDS}
 *
 * <p>Creates a pool, an app client and a user a thread, then signs in for WARMUP_SECONDS, then for SECONDS, and
 * prints {@code TIMED} as the timed part starts and {@code DONE flow=... signIns=... seconds=... perSecond=...
 * failed=... clientCpuMs=...} when it ends (the client's own CPU time a sign-in). The client's SRP
 * half is written here from the protocol; to spare the load core, each thread keeps its {@code a} (so {@code A} is
 * made once) and its user's {@code x}: a sign-in costs the client one exponentiation, the server all of its own.
 */
public final class SignIns {

    private static final String PASSWORD = "Bench-Passw0rd!";
    private static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
            + "29024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B"
            + "576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A1"
            + "63BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC980"
            + "4F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF695581718399"
            + "5497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA7157"
            + "5D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86"
            + "A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFF"
            + "FFFFFFFFFFFFFF", 16);
    private static final BigInteger G = BigInteger.TWO;
    private static final BigInteger K = new BigInteger(1, sha256(N.toByteArray(), G.toByteArray()));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy",
            Locale.US).withZone(ZoneOffset.UTC);

    private SignIns() {
    }

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args[0]);
        String flow = args[1];
        int threads = Integer.parseInt(args[2]);
        double warmupSeconds = Double.parseDouble(args[3]);
        double seconds = Double.parseDouble(args[4]);
        if (!flow.equals("srp") && !flow.equals("password")) {
            throw new IllegalArgumentException("flow: srp or password");
        }
        try (CognitoIdentityProviderClient admin = client(endpoint)) {
            String poolId = admin.createUserPool(r -> r.poolName("sign-ins")).userPool().id();
            String clientId = admin.createUserPoolClient(r -> r.userPoolId(poolId).clientName("bench")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                            ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
            List<Worker> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String username = "bench-user-" + i;
                admin.adminCreateUser(r -> r.userPoolId(poolId).username(username)
                        .messageAction(MessageActionType.SUPPRESS));
                admin.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password(PASSWORD)
                        .permanent(true));
                workers.add(new Worker(endpoint.toURL(), poolId, clientId, username, flow.equals("srp")));
            }
            run(workers, warmupSeconds);
            // The harness reads the server's CPU time here and at DONE.
            System.out.println("TIMED");
            System.out.flush();
            long cpu = cpuNanos();
            long[] counts = run(workers, seconds);
            double clientCpuMs = (cpuNanos() - cpu) / 1e6 / Math.max(1, counts[0]);
            System.out.printf("DONE flow=%s threads=%d signIns=%d seconds=%.3f perSecond=%.1f failed=%d"
                    + " clientCpuMs=%.3f%n", flow, threads, counts[0], seconds, counts[0] / seconds, counts[1],
                    clientCpuMs);
            admin.deleteUserPool(r -> r.userPoolId(poolId));
        }
    }

    /** This process's CPU time, all threads. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Every worker signs in until the time is up: the sign-ins that answered with tokens, and those that failed. */
    private static long[] run(List<Worker> workers, double seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (Worker worker : workers) {
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        worker.signIn();
                        done.incrementAndGet();
                    } catch (IllegalStateException e) {
                        if (failed.incrementAndGet() == 1) {
                            System.err.println("sign-in failed: " + e.getMessage());
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        long atStop = done.get();
        for (Thread thread : threads) {
            thread.join();
        }
        return new long[] {atStop, failed.get()};
    }

    private static CognitoIdentityProviderClient client(URI endpoint) {
        return CognitoIdentityProviderClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** One thread's user, client and SRP values. */
    private static final class Worker {

        private final URL endpoint;
        private final String clientId;
        private final String username;
        private final boolean srp;
        private final String poolName;
        private final BigInteger a;
        private final BigInteger clientKey;
        private BigInteger salt;
        private BigInteger x;
        private BigInteger kgx;

        Worker(URL endpoint, String poolId, String clientId, String username, boolean srp) {
            this.endpoint = endpoint;
            this.clientId = clientId;
            this.username = username;
            this.srp = srp;
            this.poolName = poolId.substring(poolId.indexOf('_') + 1);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            this.a = new BigInteger(1, bytes);
            this.clientKey = G.modPow(a, N);
        }

        void signIn() {
            if (!srp) {
                tokens(call("InitiateAuth", Map.of("ClientId", clientId, "AuthFlow", "USER_PASSWORD_AUTH",
                        "AuthParameters", Map.of("USERNAME", username, "PASSWORD", PASSWORD))));
                return;
            }
            JsonNode challenge = call("InitiateAuth", Map.of("ClientId", clientId, "AuthFlow", "USER_SRP_AUTH",
                    "AuthParameters", Map.of("USERNAME", username, "SRP_A", clientKey.toString(16))));
            Map<String, String> parameters = new HashMap<>();
            challenge.path("ChallengeParameters").fields().forEachRemaining(e -> parameters.put(e.getKey(),
                    e.getValue().asText()));
            String userId = parameters.get("USER_ID_FOR_SRP");
            BigInteger challengeSalt = new BigInteger(parameters.get("SALT"), 16);
            if (!challengeSalt.equals(salt)) {
                salt = challengeSalt;
                x = new BigInteger(1, sha256(salt.toByteArray(), sha256(bytes(poolName + userId + ":" + PASSWORD))));
                kgx = K.multiply(G.modPow(x, N));
            }
            BigInteger serverKey = new BigInteger(parameters.get("SRP_B"), 16);
            BigInteger u = new BigInteger(1, sha256(clientKey.toByteArray(), serverKey.toByteArray()));
            BigInteger s = serverKey.subtract(kgx).mod(N).modPow(a.add(u.multiply(x)), N);
            byte[] key = Arrays.copyOf(hmac(hmac(u.toByteArray(), s.toByteArray()),
                    bytes("Caldera Derived Key"), new byte[] {1}), 16);
            String secretBlock = parameters.get("SECRET_BLOCK");
            String timestamp = TIMESTAMP.format(Instant.now());
            String signature = Base64.getEncoder().encodeToString(hmac(key, bytes(poolName), bytes(userId),
                    Base64.getDecoder().decode(secretBlock), bytes(timestamp)));
            tokens(call("RespondToAuthChallenge", Map.of("ClientId", clientId, "ChallengeName", "PASSWORD_VERIFIER",
                    "ChallengeResponses", Map.of("USERNAME", parameters.get("USERNAME"),
                            "PASSWORD_CLAIM_SECRET_BLOCK", secretBlock, "TIMESTAMP", timestamp,
                            "PASSWORD_CLAIM_SIGNATURE", signature))));
        }

        /** One AWS JSON 1.1 request; the answer's body, or IllegalStateException for an error. */
        private JsonNode call(String operation, Map<String, Object> body) {
            try {
                HttpURLConnection connection = (HttpURLConnection) endpoint.openConnection();
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/x-amz-json-1.1");
                connection.setRequestProperty("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation);
                byte[] bytes = JSON.writeValueAsBytes(body);
                connection.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
                int status = connection.getResponseCode();
                try (InputStream in = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
                    JsonNode answer = JSON.readTree(in);
                    if (status != 200) {
                        throw new IllegalStateException(operation + " answered " + status + " " + answer);
                    }
                    return answer;
                }
            } catch (IOException e) {
                throw new IllegalStateException(operation + ": " + e, e);
            }
        }

        private static void tokens(JsonNode answer) {
            if (answer.path("AuthenticationResult").path("AccessToken").asText("").isEmpty()) {
                throw new IllegalStateException("answered without tokens: " + answer);
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
