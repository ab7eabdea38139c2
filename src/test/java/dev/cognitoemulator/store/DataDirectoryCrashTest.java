package dev.cognitoemulator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.Main;
import dev.cognitoemulator.config.ConfigException;
import dev.cognitoemulator.domain.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The data directory under a crash: the server runs as its own process ({@code Main --data-dir}), concurrent writers
 * change one pool, the process is killed ({@code kill -9}) after a random number of answered writes, and started
 * again on the same directory. Every answered write is there, no write is there in part (a group deletion rewrites
 * the group's members in the same commit: no user names a group that does not exist), and the server answers.
 */
class DataDirectoryCrashTest {

    private static final int ROUNDS = 3;
    private static final int WRITERS = 4;
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path dir;

    /** What the server answered (acknowledged), and what was asked without an answer yet. */
    private final Set<String> users = ConcurrentHashMap.newKeySet();
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private final Set<String> memberships = ConcurrentHashMap.newKeySet();
    private final Set<String> deletionsAsked = ConcurrentHashMap.newKeySet();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyAnsweredWriteSurvivesAKillAndNoWriteIsHalfThere() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Server server = new Server(dir);
        String poolId;
        try (CognitoIdentityProviderClient cognito = client(server.endpoint)) {
            poolId = cognito.createUserPool(b -> b.poolName("crash")).userPool().id();
        }
        // The directory is held while the server runs, by another process here.
        assertThatThrownBy(() -> CognitoEmulator.builder().port(0).dataDir(dir).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("is in use by another cognito-emulator");
        for (int round = 0; round < ROUNDS; round++) {
            int answeredBeforeKill = 20 + random.nextInt(200);
            CountDownLatch answered = new CountDownLatch(answeredBeforeKill);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            try (CognitoIdentityProviderClient cognito = client(server.endpoint)) {
                for (int t = 0; t < WRITERS; t++) {
                    String prefix = "r" + round + "w" + t;
                    writers.add(pool.submit(() -> write(cognito, poolId, prefix, answered)));
                }
                assertThat(answered.await(30, TimeUnit.SECONDS)).as("answered writes (seed %d)", seed).isTrue();
                server.kill();
                for (Future<?> writer : writers) {
                    writer.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertNothingHalfWritten(seed);
            server = new Server(dir);
            try (CognitoIdentityProviderClient cognito = client(server.endpoint)) {
                assertAnsweredWritesThere(cognito, poolId, seed);
            }
        }
        server.kill();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aCorruptDatabaseStopsTheServerWithOneLineAndExitCode1() throws Exception {
        Files.writeString(dir.resolve(SqliteJournal.DATABASE), "not a database ".repeat(200));
        Process process = Server.java(dir).redirectErrorStream(true).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output.lines().filter(l -> l.startsWith("cognito-emulator: ")).toList()).singleElement()
                .asString().startsWith("cognito-emulator: cannot read " + dir.resolve(SqliteJournal.DATABASE));
        assertThat(output).doesNotContain("listening on").doesNotContain("\tat ");
    }

    /**
     * One writer, until the server goes: a user, a group with the user and the previous user in it, then the
     * previous group deleted (one write changing the group and each of its members).
     */
    private void write(CognitoIdentityProviderClient cognito, String poolId, String prefix, CountDownLatch answered) {
        try {
            for (int i = 0; ; i++) {
                String user = prefix + "-u" + i;
                String group = prefix + "-g" + i;
                cognito.adminCreateUser(b -> b.userPoolId(poolId).username(user)
                        .messageAction(MessageActionType.SUPPRESS));
                users.add(user);
                answered.countDown();
                cognito.createGroup(b -> b.userPoolId(poolId).groupName(group));
                groups.add(group);
                answered.countDown();
                cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName(group).username(user));
                memberships.add(user + "/" + group);
                answered.countDown();
                if (i > 0) {
                    String previousUser = prefix + "-u" + (i - 1);
                    String previousGroup = prefix + "-g" + (i - 1);
                    cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).groupName(group).username(previousUser));
                    memberships.add(previousUser + "/" + group);
                    deletionsAsked.add(previousGroup);
                    cognito.deleteGroup(b -> b.userPoolId(poolId).groupName(previousGroup));
                    deleted.add(previousGroup);
                    answered.countDown();
                }
            }
        } catch (SdkClientException e) {
            // The server was killed: this write has no answer.
        }
    }

    private void assertAnsweredWritesThere(CognitoIdentityProviderClient cognito, String poolId, long seed) {
        Set<String> listedUsers = new HashSet<>();
        for (UserType user : cognito.listUsersPaginator(b -> b.userPoolId(poolId)).users()) {
            listedUsers.add(user.username());
        }
        Set<String> listedGroups = new HashSet<>();
        for (GroupType group : cognito.listGroupsPaginator(b -> b.userPoolId(poolId)).groups()) {
            listedGroups.add(group.groupName());
        }
        assertThat(listedUsers).as("answered AdminCreateUser (seed %d)", seed).containsAll(users);
        for (String group : groups) {
            if (!deletionsAsked.contains(group)) {
                assertThat(listedGroups).as("answered CreateGroup (seed %d)", seed).contains(group);
            }
        }
        assertThat(listedGroups).as("answered DeleteGroup (seed %d)", seed).doesNotContainAnyElementsOf(deleted);
        for (String membership : memberships) {
            String user = membership.substring(0, membership.indexOf('/'));
            String group = membership.substring(membership.indexOf('/') + 1);
            if (!deletionsAsked.contains(group)) {
                assertThat(cognito.adminListGroupsForUserPaginator(b -> b.userPoolId(poolId).username(user)).groups()
                        .stream().map(GroupType::groupName)).as("answered AdminAddUserToGroup (seed %d)", seed)
                        .contains(group);
            }
        }
    }

    /** Straight from the tables, the server being dead: every group a user names exists. */
    private void assertNothingHalfWritten(long seed) throws SQLException, IOException {
        Set<String> groupRows = new HashSet<>();
        List<User> userRows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteJournal.DATABASE));
                Statement s = db.createStatement();
                ResultSet rows = s.executeQuery(
                        "SELECT kind, key, value FROM records WHERE kind IN ('user', 'group')")) {
            while (rows.next()) {
                if (rows.getString(1).equals("group")) {
                    groupRows.add(rows.getString(2));
                } else {
                    userRows.add(Records.read(rows.getString(3), User.class));
                }
            }
        }
        for (User user : userRows) {
            assertThat(groupRows).as("the groups of %s (seed %d)", user.username(), seed).containsAll(user.groups());
        }
    }

    private static CognitoIdentityProviderClient client(URI endpoint) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** {@code Main --port 0 --data-dir DIR} in its own JVM (the test's class path). */
    private static final class Server {
        final Process process;
        final URI endpoint;

        Server(Path dir) throws IOException {
            process = java(dir).redirectErrorStream(true).start();
            process.getOutputStream().close();
            BufferedReader out = process.inputReader(StandardCharsets.UTF_8);
            StringBuilder seen = new StringBuilder();
            URI found = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    found = URI.create(m.group(1));
                    break;
                }
            }
            assertThat(found).as("the server's output:\n%s", seen).isNotNull();
            endpoint = found;
            // The rest of its output is drained, so that it never blocks on a full pipe.
            Thread drain = new Thread(() -> out.lines().forEach(line -> { }), "crash-test-output");
            drain.setDaemon(true);
            drain.start();
        }

        static ProcessBuilder java(Path dir) {
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "--port", "0", "--data-dir",
                    dir.toString());
            builder.environment().keySet().removeIf(k -> k.startsWith("COGNITO_EMULATOR_"));
            return builder;
        }

        /** SIGKILL: no shutdown hook, no last commit. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
