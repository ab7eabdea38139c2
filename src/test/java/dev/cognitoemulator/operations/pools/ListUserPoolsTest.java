package dev.cognitoemulator.operations.pools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUserPoolsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;

/** ListUserPools: MaxResults (required, 1 to 60), NextToken, every pool exactly once. */
class ListUserPoolsTest extends CognitoTestSupport {

    private List<String> newPools(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = prefix + "-" + i;
            ids.add(newPool(b -> b.poolName(name)));
        }
        return ids;
    }

    /** Every page's ids, in order, following NextToken to the end. */
    private List<List<String>> pages(int maxResults) {
        List<List<String>> pages = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListUserPoolsResponse page = cognito.listUserPools(b -> b.maxResults(maxResults).nextToken(next));
            assertThat(page.userPools()).hasSizeLessThanOrEqualTo(maxResults);
            pages.add(page.userPools().stream().map(UserPoolDescriptionType::id).toList());
            token = page.nextToken();
        } while (token != null);
        return pages;
    }

    @Test
    void pagesWithMaxResultsReturnEveryPoolExactlyOnce() {
        List<String> created = newPools("paged", 8);

        List<List<String>> pages = pages(3);
        List<String> all = pages.stream().flatMap(List::stream).toList();

        assertThat(all).doesNotHaveDuplicates().containsAll(created);
        assertThat(pages).hasSizeGreaterThanOrEqualTo(3);
        pages.subList(0, pages.size() - 1).forEach(page -> assertThat(page).hasSize(3));
    }

    @Test
    void sameListingWhateverThePageSize() {
        newPools("sized", 5);

        List<String> byOne = pages(1).stream().flatMap(List::stream).toList();
        List<String> bySixty = pages(60).stream().flatMap(List::stream).toList();

        assertThat(new HashSet<>(byOne)).isEqualTo(new HashSet<>(bySixty));
        assertThat(byOne).doesNotHaveDuplicates();
    }

    @Test
    void lastPageHasNoNextToken() {
        newPools("last", 2);
        int total = pages(60).stream().mapToInt(List::size).sum();

        ListUserPoolsResponse all = cognito.listUserPools(b -> b.maxResults(total));
        assertThat(all.userPools()).hasSize(total);
        assertThat(all.nextToken()).isNull();
    }

    @Test
    void descriptionCarriesIdNameAndDates() {
        UserPoolType pool = cognito.createUserPool(b -> b.poolName("described")).userPool();

        UserPoolDescriptionType listed = pages(60).stream().flatMap(List::stream).filter(pool.id()::equals)
                .findFirst().map(id -> find(id)).orElseThrow();

        assertThat(listed.name()).isEqualTo("described");
        assertThat(listed.creationDate()).isEqualTo(pool.creationDate());
        assertThat(listed.lastModifiedDate()).isEqualTo(pool.lastModifiedDate());
    }

    private UserPoolDescriptionType find(String id) {
        String token = null;
        do {
            String next = token;
            ListUserPoolsResponse page = cognito.listUserPools(b -> b.maxResults(60).nextToken(next));
            for (UserPoolDescriptionType p : page.userPools()) {
                if (p.id().equals(id)) {
                    return p;
                }
            }
            token = page.nextToken();
        } while (token != null);
        return null;
    }

    @Test
    void deletedPoolIsNoLongerListed() {
        String poolId = newPools("deleted", 1).get(0);
        cognito.deleteUserPool(b -> b.userPoolId(poolId));

        assertThat(pages(60).stream().flatMap(List::stream)).doesNotContain(poolId);
    }

    @Test
    void tokenStaysValidWhenAPoolOfAnEarlierPageIsDeleted() {
        newPools("stable", 6);
        Set<String> before = new HashSet<>(pages(60).stream().flatMap(List::stream).toList());

        ListUserPoolsResponse first = cognito.listUserPools(b -> b.maxResults(2));
        cognito.deleteUserPool(b -> b.userPoolId(first.userPools().get(0).id()));
        List<String> rest = new ArrayList<>();
        String token = first.nextToken();
        while (token != null) {
            String next = token;
            ListUserPoolsResponse page = cognito.listUserPools(b -> b.maxResults(2).nextToken(next));
            page.userPools().forEach(p -> rest.add(p.id()));
            token = page.nextToken();
        }

        List<String> seen = new ArrayList<>(first.userPools().stream().map(UserPoolDescriptionType::id).toList());
        seen.addAll(rest);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(before);
    }

    @Test
    void maxResultsZeroIsAValidationError() {
        // AWS's standard range-constraint wording; not captured for this operation.
        var e = awsError("InvalidParameterException", () -> cognito.listUserPools(b -> b.maxResults(0)));

        assertThat(message(e)).isEqualTo("1 validation error detected: Value '0' at 'maxResults' failed to satisfy "
                + "constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void maxResultsSixtyOneIsAValidationError() {
        // AWS's standard range-constraint wording; not captured for this operation.
        var e = awsError("InvalidParameterException", () -> cognito.listUserPools(b -> b.maxResults(61)));

        assertThat(message(e)).isEqualTo("1 validation error detected: Value '61' at 'maxResults' failed to "
                + "satisfy constraint: Member must have value less than or equal to 60");
    }

    @Test
    void maxResultsIsRequired() {
        // AWS's standard wording for an absent required member (cognito-errors.md format rule 3).
        var e = awsError("InvalidParameterException", () -> cognito.listUserPools(b -> { }));

        assertThat(message(e)).isEqualTo("1 validation error detected: Value null at 'maxResults' failed to "
                + "satisfy constraint: Member must not be null");
    }
}
