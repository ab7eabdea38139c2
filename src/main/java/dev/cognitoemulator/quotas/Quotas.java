package dev.cognitoemulator.quotas;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The account's request-rate quotas, as Cognito keeps them: per region and category (across every pool of the
 * region), each category's provisioned limit (UpdateProvisionedLimit; its default until then) and, when enforced
 * ({@code --enforce-quotas}), a token bucket per region and category holding one second's worth of requests and
 * refilled at the limit's rate by the injected clock. RespondToAuthChallenge and AdminRespondToAuthChallenge draw
 * from their own bucket of three times the UserAuthentication limit first, then from UserAuthentication's
 * (documented: "Operation special handling"). No lock: each bucket changes by compare-and-set.
 */
public final class Quotas {

    /** Regions tracked at most (the tables are bounded); requests for further regions are not throttled. */
    static final int MAX_REGIONS = 64;
    private static final String RESPONSES = "responses";

    /** A bucket's tokens at an instant. */
    private record Bucket(double tokens, Instant at) {
    }

    private final Clock clock;
    private final boolean enforced;
    private final Map<String, Map<Category, Integer>> provisioned = new ConcurrentHashMap<>();
    private final Map<String, Map<String, AtomicReference<Bucket>>> buckets = new ConcurrentHashMap<>();

    public Quotas(Clock clock, boolean enforced) {
        this.clock = clock;
        this.enforced = enforced;
    }

    /** The region's provisioned rate of the category (its default when never set). */
    public int limit(String region, Category category) {
        Map<Category, Integer> limits = provisioned.get(region);
        Integer set = limits == null ? null : limits.get(category);
        return set == null ? category.freeRate() : set;
    }

    /** Sets the region's provisioned rate of the category (checked by the caller against its bounds). */
    public void provision(String region, Category category, int rate) {
        Map<Category, Integer> limits = provisioned.get(region);
        if (limits == null) {
            if (provisioned.size() >= MAX_REGIONS) {
                // Unconfirmed: the emulator's bound, not AWS's.
                throw new CognitoException(ErrorCode.ServiceQuotaExceededException,
                        "Provisioned limits are kept for at most " + MAX_REGIONS + " regions.");
            }
            limits = provisioned.computeIfAbsent(region, r -> new ConcurrentHashMap<>());
        }
        limits.put(category, rate);
    }

    /**
     * Admits one request of the operation in the region, or refuses it with AWS's {@code TooManyRequestsException}
     * (captured: {@code Rate exceeded}, boto/boto3#2517). Nothing is counted when quotas are not enforced, or for
     * an operation of no category.
     */
    public void admit(String operation, String region) {
        Category category = enforced ? OperationCategories.of(operation) : null;
        if (category == null) {
            return;
        }
        Map<String, AtomicReference<Bucket>> mine = buckets.get(region);
        if (mine == null) {
            if (buckets.size() >= MAX_REGIONS) {
                return;
            }
            mine = buckets.computeIfAbsent(region, r -> new ConcurrentHashMap<>());
        }
        int rate = limit(region, category);
        Instant now = clock.instant();
        boolean response = operation.equals("RespondToAuthChallenge")
                || operation.equals("AdminRespondToAuthChallenge");
        if (response && take(mine, RESPONSES, rate * 3, now)) {
            return;
        }
        if (!take(mine, category.name(), rate, now)) {
            throw new CognitoException(ErrorCode.TooManyRequestsException, "Rate exceeded");
        }
    }

    /** Takes one token from the named bucket, refilled at {@code rate} a second up to {@code rate}. */
    private static boolean take(Map<String, AtomicReference<Bucket>> mine, String name, int rate, Instant now) {
        AtomicReference<Bucket> ref = mine.computeIfAbsent(name, n -> new AtomicReference<>(new Bucket(rate, now)));
        while (true) {
            Bucket current = ref.get();
            double elapsed = Math.max(0, (now.toEpochMilli() - current.at().toEpochMilli()) / 1000.0);
            double tokens = Math.min(rate, current.tokens() + elapsed * rate);
            Instant at = now.isAfter(current.at()) ? now : current.at();
            if (tokens < 1) {
                if (ref.compareAndSet(current, new Bucket(tokens, at))) {
                    return false;
                }
                continue;
            }
            if (ref.compareAndSet(current, new Bucket(tokens - 1, at))) {
                return true;
            }
        }
    }
}
