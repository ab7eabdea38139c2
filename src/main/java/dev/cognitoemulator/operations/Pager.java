package dev.cognitoemulator.operations;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.protocol.Call;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * The one pager of every paginated operation. A page continues after the key of the last item of the previous page
 * (so a listing is stable while items come and go). Its size: the request's limit, or the operation's default when
 * none (or 0) is given; negative and oversized limits never get here, since the model's ranges refuse them, and a
 * limit over the documented maximum is held to it. Tokens are opaque: they name the operation and what it lists
 * (the pool, the group), so a forged token, or one of another listing, is refused.
 */
public final class Pager {

    /** An operation's page size when the request gives none, and the most it returns (AWS's documented limits). */
    public record Limits(String operation, int defaultSize, int maxSize) {
    }

    public record Page<R>(List<R> items, String nextToken) {
    }

    private static final String VERSION = "1";

    private Pager() {
    }

    /**
     * One page of {@code items(after)}, mapped by {@code out}; {@code scope} names what is listed (a pool id, a group)
     * and {@code key} gives each item's position.
     */
    public static <T, R> Page<R> page(Call call, Limits limits, Integer limit, String token, String scope,
            Function<String, Iterator<T>> items, Function<T, String> key, Function<T, R> out) {
        int size = limit == null || limit == 0 ? limits.defaultSize() : Math.min(limit, limits.maxSize());
        Iterator<T> it = items.apply(after(limits, scope, token, call.requestId()));
        List<R> page = new ArrayList<>(Math.min(size, 16));
        T last = null;
        while (it.hasNext()) {
            T item = it.next();
            if (page.size() == size) {
                return new Page<>(page, token(limits, scope, key.apply(last)));
            }
            page.add(out.apply(item));
            last = item;
        }
        return new Page<>(page, null);
    }

    /** The key a token continues after; null for no token. */
    static String after(Limits limits, String scope, String token, String requestId) {
        if (token == null) {
            return null;
        }
        String prefix = VERSION + '\n' + limits.operation() + '\n' + scope + '\n';
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(prefix)) {
                return decoded.substring(prefix.length());
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        // Captured text: aws/aws-sdk-js#3705 (a ListUsers token reused with another Filter); the code is unconfirmed.
        throw new CognitoException(ErrorCode.InvalidParameterException, "Paging marker " + token
                + " is invalid for request " + requestId);
    }

    static String token(Limits limits, String scope, String lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + '\n' + limits.operation() + '\n'
                + scope + '\n' + lastKey).getBytes(StandardCharsets.UTF_8));
    }
}
