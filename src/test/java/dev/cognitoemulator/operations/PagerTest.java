package dev.cognitoemulator.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Services;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The one pager: page sizes, continuation after the last key, tokens bound to their listing. */
class PagerTest {

    private static final Pager.Limits LIMITS = new Pager.Limits("ListThings", 4, 6);
    private static final List<String> ITEMS = IntStream.range(0, 10).mapToObj(i -> "k" + i).toList();
    private final Call call = new Call(new Services(null, null, null, null, null, null, Randomness.seeded(1),
            Clock.systemUTC(), "000000000000", null, null, null, null), "request-1", "us-east-1");

    private Pager.Page<String> page(Integer limit, String token, String scope) {
        return Pager.page(call, LIMITS, limit, token, scope,
                after -> ITEMS.stream().filter(k -> after == null || k.compareTo(after) > 0).iterator(),
                Function.identity(), String::toUpperCase);
    }

    @Test
    void noLimitOrZeroIsTheDefaultSize() {
        assertThat(page(null, null, "p").items()).containsExactly("K0", "K1", "K2", "K3");
        assertThat(page(0, null, "p").items()).hasSize(4);
    }

    @Test
    void aLimitAboveTheMaximumIsHeldToIt() {
        assertThat(page(50, null, "p").items()).hasSize(6);
    }

    @Test
    void pagesContinueAfterTheLastItemAndTheLastPageHasNoToken() {
        Pager.Page<String> first = page(4, null, "p");
        Pager.Page<String> second = page(4, first.nextToken(), "p");
        Pager.Page<String> third = page(4, second.nextToken(), "p");

        assertThat(second.items()).containsExactly("K4", "K5", "K6", "K7");
        assertThat(third.items()).containsExactly("K8", "K9");
        assertThat(third.nextToken()).isNull();
        Pager.Page<String> six = page(6, null, "p");
        assertThat(page(4, six.nextToken(), "p").nextToken()).as("the last 4, exactly a page: no further token")
                .isNull();
    }

    @Test
    void aTokenOfAnotherListingOrAForgedOneIsRefused() {
        String token = page(4, null, "pool-a").nextToken();

        for (String bad : new String[] {"not-a-token", "!!!", token.substring(1)}) {
            CognitoException e = catchThrowableOfType(CognitoException.class, () -> page(4, bad, "pool-a"));
            assertThat(e.code()).isEqualTo(ErrorCode.InvalidParameterException);
            assertThat(e.getMessage()).isEqualTo("Paging marker " + bad + " is invalid for request request-1");
        }
        CognitoException other = catchThrowableOfType(CognitoException.class, () -> page(4, token, "pool-b"));
        assertThat(other.getMessage()).startsWith("Paging marker ");
        Pager.Limits elsewhere = new Pager.Limits("ListOthers", 4, 6);
        CognitoException otherOperation = catchThrowableOfType(CognitoException.class, () -> Pager.page(call,
                elsewhere, 4, token, "pool-a", after -> ITEMS.iterator(), Function.identity(), Function.identity()));
        assertThat(otherOperation.code()).isEqualTo(ErrorCode.InvalidParameterException);
    }
}
