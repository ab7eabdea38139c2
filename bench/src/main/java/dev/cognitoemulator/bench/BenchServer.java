package dev.cognitoemulator.bench;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.PoolFactors;
import dev.cognitoemulator.domain.PoolSettings;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.store.Durability;
import dev.cognitoemulator.store.InMemoryUserPoolStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The emulator with a fixture pool of N users loaded straight through the store API (not N HTTP calls),
 * signature verification on (the default {@code test:test} key). Prints the pool id, the load time and the
 * memory used. {@code java -cp bench.jar dev.cognitoemulator.bench.BenchServer PORT USERS [DATA_DIR]}: with
 * DATA_DIR (a new directory), the users are written to it through the store, and the emulator then started on
 * it ({@code --data-dir}), loading them back; the load time is then the time to write them.
 *
 * <p>Each user has five attributes: sub, email (user-i@example.com), email_verified, given_name, family_name.
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int users = Integer.parseInt(args[1]);
        Path dataDir = args.length > 2 ? Path.of(args[2]) : null;
        InMemoryUserPoolStore store = dataDir == null ? new InMemoryUserPoolStore(Randomness.secure())
                : InMemoryUserPoolStore.open(Randomness.secure(), dataDir, Durability.NORMAL);
        Instant now = Instant.now();
        PoolSettings settings = PoolSettings.defaults();
        UserPool pool = store.createPool("us-east-1", id -> new UserPool(id, "bench",
                "arn:aws:cognito-idp:us-east-1:000000000000:userpool/" + id, now, now, SchemaAttribute.STANDARD,
                List.of(), List.of(), null, settings, PoolFactors.NONE));
        long start = System.nanoTime();
        store.write(pool.id(), table -> {
            for (int i = 0; i < users; i++) {
                table.put(user(i, now));
            }
            return null;
        });
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        CognitoEmulator.Builder builder = CognitoEmulator.builder().port(port);
        if (dataDir == null) {
            builder.store(store);
        } else {
            store.close();
            store = null; // its heap is free for the emulator's own load of the directory
            builder.dataDir(dataDir);
        }
        CognitoEmulator emulator = builder.build().start();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("READY emulator port=%d pool=%s users=%d loadSeconds=%.2f heapUsed=%d rss=%d%n",
                emulator.port(), pool.id(), users, loadSeconds, heap, rssBytes());
    }

    private static User user(int i, Instant now) {
        Map<String, String> values = new LinkedHashMap<>();
        String sub = UUID.randomUUID().toString();
        values.put("sub", sub);
        values.put("email", "user-" + i + "@example.com");
        values.put("email_verified", "true");
        values.put("given_name", "Given" + i);
        values.put("family_name", "Family" + i);
        return new User("user-" + i, sub, Attributes.of(values), UserStatus.CONFIRMED, true, now, now, null,
                List.of(), MfaSettings.NONE);
    }

    private static long rssBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }
}
