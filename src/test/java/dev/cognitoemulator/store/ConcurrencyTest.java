package dev.cognitoemulator.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Many clients at once, through the SDK: every write atomic per pool, no lost update, reads never see half a
 * write, pools independent. Each test ends by checking the exact final state, which the work is arranged to
 * make known in advance.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrencyTest extends CognitoTestSupport {

    private static final int THREADS = 8;
    /** Requests per writer thread. */
    private static final int OPS = 200;

    private ExecutorService pool;

    @BeforeAll
    void startThreads() {
        pool = Executors.newFixedThreadPool(THREADS + 1);
    }

    @AfterAll
    void stopThreads() {
        pool.shutdownNow();
    }

    private static AttributeType attr(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static Map<String, String> asMap(List<AttributeType> attributes) {
        Map<String, String> map = new HashMap<>();
        attributes.forEach(a -> map.put(a.name(), a.value()));
        return map;
    }

    private void create(String poolId, String username, AttributeType... attributes) {
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username(username).userAttributes(attributes)
                .messageAction(MessageActionType.SUPPRESS));
    }

    private Map<String, String> attributes(String poolId, String username) {
        return asMap(cognito.adminGetUser(b -> b.userPoolId(poolId).username(username)).userAttributes());
    }

    /** Runs the tasks together (released at once) and returns their results; any failure fails the test. */
    private <T> List<T> together(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(50, TimeUnit.SECONDS));
        }
        return results;
    }

    /** Every user of the pool, following PaginationToken. */
    private List<String> allUsernames(String poolId) {
        List<String> names = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListUsersResponse page = cognito.listUsers(b -> b.userPoolId(poolId).limit(60).paginationToken(next));
            page.users().forEach(u -> names.add(u.username()));
            token = page.paginationToken();
        } while (token != null);
        return names;
    }

    @Test
    void updatesAndDeletesOnOneSharedUserAndOnOwnUsersLoseNothing() throws Exception {
        SchemaAttributeType[] slots = IntStream.range(0, THREADS).mapToObj(t -> SchemaAttributeType.builder()
                .name("c" + t).attributeDataType(AttributeDataType.STRING).build()).toArray(SchemaAttributeType[]::new);
        String poolId = cognito.createUserPool(b -> b.poolName("contended").schema(slots)).userPool().id();
        create(poolId, "shared", attr("given_name", "Shared"));
        for (int t = 0; t < THREADS; t++) {
            create(poolId, "own-" + t);
        }

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> tornReads = Collections.synchronizedList(new ArrayList<>());
        // A reader that never may see one half of a two-attribute write without the other.
        Future<?> reader = pool.submit(() -> {
            while (writing.get()) {
                for (int t = 0; t < THREADS && writing.get(); t++) {
                    Map<String, String> own = attributes(poolId, "own-" + t);
                    if (!Objects.equals(own.get("given_name"), own.get("family_name"))) {
                        tornReads.add("own-" + t + ": " + own);
                    }
                    reads.incrementAndGet();
                }
            }
            return null;
        });

        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            writers.add(() -> {
                String slot = "custom:c" + thread;
                String own = "own-" + thread;
                // Even ops on the shared user, odd ones on the thread's own; every fourth of each a delete.
                for (int i = 0; i < OPS; i++) {
                    int n = i / 2;
                    String value = thread + "-" + n;
                    boolean delete = n % 4 == 1;
                    if (i % 2 == 0 && delete) {
                        cognito.adminDeleteUserAttributes(b -> b.userPoolId(poolId).username("shared")
                                .userAttributeNames(slot));
                    } else if (i % 2 == 0) {
                        cognito.adminUpdateUserAttributes(b -> b.userPoolId(poolId).username("shared")
                                .userAttributes(attr(slot, value)));
                    } else if (delete) {
                        cognito.adminDeleteUserAttributes(b -> b.userPoolId(poolId).username(own)
                                .userAttributeNames("given_name", "family_name"));
                    } else {
                        cognito.adminUpdateUserAttributes(b -> b.userPoolId(poolId).username(own)
                                .userAttributes(attr("given_name", value), attr("family_name", value)));
                    }
                }
                return null;
            });
        }
        together(writers);
        writing.set(false);
        reader.get(10, TimeUnit.SECONDS);

        Map<String, String> shared = attributes(poolId, "shared");
        String last = "-" + (OPS / 2 - 1);
        for (int t = 0; t < THREADS; t++) {
            assertThat(shared).as("thread %d's last write on the shared user", t)
                    .containsEntry("custom:c" + t, t + last);
            assertThat(attributes(poolId, "own-" + t)).containsEntry("given_name", t + last)
                    .containsEntry("family_name", t + last);
        }
        assertThat(shared).containsEntry("given_name", "Shared").hasSize(1 + 1 + THREADS);
        assertThat(tornReads).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(allUsernames(poolId)).hasSize(1 + THREADS);
    }

    @Test
    void usersCreatedConcurrentlyInTwoPoolsAreAllThereExactlyOnce() throws Exception {
        String left = cognito.createUserPool(b -> b.poolName("left")).userPool().id();
        String right = cognito.createUserPool(b -> b.poolName("right")).userPool().id();
        int perThread = 50;

        List<Callable<Void>> creators = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            creators.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    create(i % 2 == 0 ? left : right, "t" + thread + "-u" + i);
                }
                return null;
            });
        }
        together(creators);

        int each = THREADS * perThread / 2;
        for (String poolId : List.of(left, right)) {
            List<String> names = allUsernames(poolId);
            assertThat(names).doesNotHaveDuplicates().hasSize(each);
            assertThat(cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().estimatedNumberOfUsers())
                    .isEqualTo(each);
        }
        assertThat(allUsernames(left)).allMatch(n -> Integer.parseInt(n.substring(n.indexOf('u') + 1)) % 2 == 0);
        assertThat(allUsernames(right)).allMatch(n -> Integer.parseInt(n.substring(n.indexOf('u') + 1)) % 2 == 1);
    }

    @Test
    void racingForOneUsernameExactlyOneWins() throws Exception {
        String poolId = cognito.createUserPool(b -> b.poolName("race")).userPool().id();

        for (int round = 0; round < 10; round++) {
            String username = "contested-" + round;
            List<Callable<String>> racers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                racers.add(() -> {
                    try {
                        create(poolId, username);
                        return "won";
                    } catch (UsernameExistsException e) {
                        return "exists";
                    }
                });
            }
            assertThat(together(racers)).as(username).containsOnlyOnce("won")
                    .filteredOn("exists"::equals).hasSize(THREADS - 1);
        }
        assertThat(allUsernames(poolId)).hasSize(10);
    }

    @Test
    void racingForOneVerifiedEmailAliasExactlyOneHoldsIt() throws Exception {
        String poolId = cognito.createUserPool(b -> b.poolName("alias-race").aliasAttributes(AliasAttributeType.EMAIL))
                .userPool().id();
        for (int t = 0; t < THREADS; t++) {
            create(poolId, "racer-" + t);
        }

        List<Callable<String>> racers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String username = "racer-" + t;
            racers.add(() -> {
                try {
                    cognito.adminUpdateUserAttributes(b -> b.userPoolId(poolId).username(username).userAttributes(
                            attr("email", "prize@example.com"), attr("email_verified", "true")));
                    return username;
                } catch (AliasExistsException e) {
                    return "lost";
                }
            });
        }
        List<String> results = together(racers);

        List<String> winners = results.stream().filter(r -> !r.equals("lost")).toList();
        assertThat(winners).hasSize(1);
        AdminGetUserResponse holder = cognito.adminGetUser(b -> b.userPoolId(poolId).username("prize@example.com"));
        assertThat(holder.username()).isEqualTo(winners.get(0));
        long verified = cognito.listUsers(b -> b.userPoolId(poolId)).users().stream().map(UserType::attributes)
                .map(ConcurrencyTest::asMap).filter(a -> "true".equals(a.get("email_verified"))).count();
        assertThat(verified).isEqualTo(1);
    }
}
