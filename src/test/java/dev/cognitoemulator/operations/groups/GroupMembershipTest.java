package dev.cognitoemulator.operations.groups;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListGroupsForUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersInGroupResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser and ListUsersInGroup against the
 * SDK, and how DeleteGroup and AdminDeleteUser end memberships. Captured texts: "Group not found."
 * (aws-amplify/amplify-cli#2214), "User does not exist." (aws/aws-sdk-js#1357), "User pool … does not
 * exist." (aws/aws-sdk-go#2436).
 */
class GroupMembershipTest extends CognitoTestSupport {

    /** The emulator's clock: moved forward where a test needs a later modification date. */
    private final TestClock clock = new TestClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock);
    }

    /** A pool where a verified email is an alias. */
    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("membership").aliasAttributes(AliasAttributeType.EMAIL);
    }

    private void newGroup(String poolId, String name) {
        cognito.createGroup(b -> b.userPoolId(poolId).groupName(name).description(name + " group"));
    }

    /** A user whose verified email, {@code <username>@example.com}, is an alias; returns the username. */
    private String verifiedUser(String poolId, String username) {
        newUser(poolId, username, attr("email", username + "@example.com"), attr("email_verified", "true"));
        return username;
    }

    private void add(String poolId, String username, String group) {
        cognito.adminAddUserToGroup(b -> b.userPoolId(poolId).username(username).groupName(group));
    }

    private void remove(String poolId, String username, String group) {
        cognito.adminRemoveUserFromGroup(b -> b.userPoolId(poolId).username(username).groupName(group));
    }

    @Test
    void anAddedUserShowsUpInBothListings() {
        String poolId = newPool();
        newGroup(poolId, "editors");
        String alice = verifiedUser(poolId, "alice");

        add(poolId, alice, "editors");

        List<GroupType> groups = groupsOf(poolId, alice, null);
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0)).isEqualTo(cognito.getGroup(b -> b.userPoolId(poolId).groupName("editors"))
                .group());
        List<UserType> members = membersOf(poolId, "editors", null);
        assertThat(members).extracting(UserType::username).containsExactly(alice);
    }

    @Test
    void listUsersInGroupReturnsUsersAsListUsersDoes() {
        String poolId = newPool();
        newGroup(poolId, "editors");
        String alice = verifiedUser(poolId, "alice");
        add(poolId, alice, "editors");

        UserType member = membersOf(poolId, "editors", null).get(0);

        UserType listed = cognito.listUsers(b -> b.userPoolId(poolId)).users().get(0);
        assertThat(member).isEqualTo(listed);
        assertThat(member.userStatus()).isEqualTo(UserStatusType.FORCE_CHANGE_PASSWORD);
        assertThat(member.enabled()).isTrue();
        assertThat(member.attributes()).extracting(AttributeType::name).contains("sub", "email", "email_verified");
    }

    @Test
    void addingAMemberAgainChangesNothing() {
        String poolId = newPool();
        newGroup(poolId, "editors");
        String alice = verifiedUser(poolId, "alice");

        add(poolId, alice, "editors");
        add(poolId, alice, "editors");

        assertThat(groupsOf(poolId, alice, null)).extracting(GroupType::groupName).containsExactly("editors");
        assertThat(membersOf(poolId, "editors", null)).extracting(UserType::username).containsExactly(alice);
    }

    @Test
    void theUserIsFoundByAliasAndBySub() {
        String poolId = newPool();
        newGroup(poolId, "a");
        newGroup(poolId, "b");
        String alice = verifiedUser(poolId, "alice");
        String sub = attribute(get(poolId, alice), "sub");

        add(poolId, "alice@example.com", "a");
        add(poolId, sub, "b");

        assertThat(groupsOf(poolId, alice, null)).extracting(GroupType::groupName).containsExactly("a", "b");
        assertThat(groupsOf(poolId, sub, null)).extracting(GroupType::groupName).containsExactly("a", "b");
        assertThat(groupsOf(poolId, "alice@example.com", null)).extracting(GroupType::groupName)
                .containsExactly("a", "b");

        remove(poolId, "alice@example.com", "b");
        remove(poolId, sub, "a");

        assertThat(groupsOf(poolId, alice, null)).isEmpty();
    }

    @Test
    void removingTakesTheUserOutOfThatGroupOnly() {
        String poolId = newPool();
        newGroup(poolId, "editors");
        newGroup(poolId, "readers");
        String alice = verifiedUser(poolId, "alice");
        String bob = verifiedUser(poolId, "bob");
        add(poolId, alice, "editors");
        add(poolId, alice, "readers");
        add(poolId, bob, "editors");

        remove(poolId, alice, "editors");

        assertThat(groupsOf(poolId, alice, null)).extracting(GroupType::groupName).containsExactly("readers");
        assertThat(membersOf(poolId, "editors", null)).extracting(UserType::username).containsExactly(bob);
        assertThat(membersOf(poolId, "readers", null)).extracting(UserType::username).containsExactly(alice);
    }

    @Test
    void removingANonMemberIsFine() {
        String poolId = newPool();
        newGroup(poolId, "editors");
        String alice = verifiedUser(poolId, "alice");

        var response = cognito.adminRemoveUserFromGroup(b -> b.userPoolId(poolId).username(alice)
                .groupName("editors"));

        assertThat(response.sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(groupsOf(poolId, alice, null)).isEmpty();
    }

    @Test
    void membershipChangesLeaveUserLastModifiedDateAlone() {
        String poolId = newPool();
        newGroup(poolId, "editors");
        String alice = verifiedUser(poolId, "alice");
        Instant modified = get(poolId, alice).userLastModifiedDate();
        clock.advance(Duration.ofSeconds(1));

        add(poolId, alice, "editors");
        assertThat(get(poolId, alice).userLastModifiedDate()).isEqualTo(modified);

        remove(poolId, alice, "editors");
        assertThat(get(poolId, alice).userLastModifiedDate()).isEqualTo(modified);
    }

    @Test
    void deletingAGroupEndsItsMemberships() {
        String poolId = newPool();
        newGroup(poolId, "editors");
        newGroup(poolId, "readers");
        String alice = verifiedUser(poolId, "alice");
        Instant modified = get(poolId, alice).userLastModifiedDate();
        add(poolId, alice, "editors");
        add(poolId, alice, "readers");

        cognito.deleteGroup(b -> b.userPoolId(poolId).groupName("editors"));

        assertThat(groupsOf(poolId, alice, null)).extracting(GroupType::groupName).containsExactly("readers");
        assertThat(get(poolId, alice).userLastModifiedDate()).isEqualTo(modified);
        // A new group of the same name starts empty.
        newGroup(poolId, "editors");
        assertThat(membersOf(poolId, "editors", null)).isEmpty();
    }

    @Test
    void deletingAUserEndsItsMemberships() {
        String poolId = newPool();
        newGroup(poolId, "editors");
        String alice = verifiedUser(poolId, "alice");
        String bob = verifiedUser(poolId, "bob");
        add(poolId, alice, "editors");
        add(poolId, bob, "editors");

        cognito.adminDeleteUser(b -> b.userPoolId(poolId).username(alice));

        assertThat(membersOf(poolId, "editors", null)).extracting(UserType::username).containsExactly(bob);
        // A new user of the same name starts in no group.
        verifiedUser(poolId, alice);
        assertThat(groupsOf(poolId, alice, null)).isEmpty();
    }

    @Test
    void adminListGroupsForUserPagesReturnEveryGroupOnceInNameOrder() {
        String poolId = newPool();
        String alice = verifiedUser(poolId, "alice");
        for (String name : List.of("g5", "g1", "g7", "g3", "g2", "g6", "g4")) {
            newGroup(poolId, name);
            add(poolId, alice, name);
        }
        newGroup(poolId, "g0-not-a-member");

        List<AdminListGroupsForUserResponse> pages = groupPages(poolId, alice, 3);

        assertThat(pages).extracting(p -> p.groups().size()).containsExactly(3, 3, 1);
        assertThat(pages.get(2).nextToken()).isNull();
        assertThat(pages.stream().flatMap(p -> p.groups().stream()).map(GroupType::groupName))
                .containsExactly("g1", "g2", "g3", "g4", "g5", "g6", "g7");
        assertThat(groupPages(poolId, alice, 7)).singleElement()
                .satisfies(p -> assertThat(p.nextToken()).isNull());
        assertThat(cognito.adminListGroupsForUserPaginator(b -> b.userPoolId(poolId).username(alice).limit(2))
                .groups().stream().count()).isEqualTo(7);
    }

    @Test
    void adminListGroupsForUserWithoutLimitPagesHoldSixty() {
        String poolId = newPool();
        String alice = verifiedUser(poolId, "alice");
        IntStream.rangeClosed(1, 61).forEach(i -> {
            String name = String.format("g%03d", i);
            newGroup(poolId, name);
            add(poolId, alice, name);
        });

        List<AdminListGroupsForUserResponse> pages = groupPages(poolId, alice, null);

        assertThat(pages).extracting(p -> p.groups().size()).containsExactly(60, 1);
        assertThat(pages.stream().flatMap(p -> p.groups().stream()).map(GroupType::groupName))
                .doesNotHaveDuplicates().hasSize(61);
    }

    @Test
    void listUsersInGroupPagesReturnEveryMemberOnceInUsernameOrder() {
        String poolId = newPool();
        newGroup(poolId, "editors");
        for (String name : List.of("u5", "u1", "u7", "u3", "u2", "u6", "u4")) {
            add(poolId, verifiedUser(poolId, name), "editors");
        }
        verifiedUser(poolId, "u0-not-a-member");

        List<ListUsersInGroupResponse> pages = memberPages(poolId, "editors", 3);

        assertThat(pages).extracting(p -> p.users().size()).containsExactly(3, 3, 1);
        assertThat(pages.get(2).nextToken()).isNull();
        assertThat(pages.stream().flatMap(p -> p.users().stream()).map(UserType::username))
                .containsExactly("u1", "u2", "u3", "u4", "u5", "u6", "u7");
        assertThat(memberPages(poolId, "editors", 7)).singleElement()
                .satisfies(p -> assertThat(p.nextToken()).isNull());
        assertThat(cognito.listUsersInGroupPaginator(b -> b.userPoolId(poolId).groupName("editors").limit(2))
                .users().stream().count()).isEqualTo(7);
    }

    @Test
    void listUsersInGroupWithoutLimitPagesHoldSixty() {
        String poolId = newPool();
        newGroup(poolId, "big");
        IntStream.rangeClosed(1, 61).forEach(i -> add(poolId, verifiedUser(poolId, String.format("u%03d", i)), "big"));

        List<ListUsersInGroupResponse> pages = memberPages(poolId, "big", null);

        assertThat(pages).extracting(p -> p.users().size()).containsExactly(60, 1);
        assertThat(pages.stream().flatMap(p -> p.users().stream()).map(UserType::username))
                .doesNotHaveDuplicates().hasSize(61);
    }

    @Test
    void listUsersInGroupPagingContinuesAfterTheLastUserWhenMembersChange() {
        String poolId = newPool();
        newGroup(poolId, "editors");
        for (String name : List.of("u1", "u2", "u3", "u4")) {
            add(poolId, verifiedUser(poolId, name), "editors");
        }
        ListUsersInGroupResponse first = cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("editors")
                .limit(2));

        remove(poolId, "u3", "editors");
        add(poolId, verifiedUser(poolId, "u0"), "editors");
        add(poolId, verifiedUser(poolId, "u25"), "editors");

        ListUsersInGroupResponse second = cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("editors")
                .limit(10).nextToken(first.nextToken()));
        assertThat(first.users()).extracting(UserType::username).containsExactly("u1", "u2");
        assertThat(second.users()).extracting(UserType::username).containsExactly("u25", "u4");
    }

    @Test
    void anEmptyGroupHasNoMembers() {
        String poolId = newPool();
        newGroup(poolId, "editors");

        ListUsersInGroupResponse page = cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("editors"));

        assertThat(page.users()).isEmpty();
        assertThat(page.nextToken()).isNull();
    }

    @Test
    void unknownGroupIsResourceNotFound() {
        String poolId = newPool();
        String alice = verifiedUser(poolId, "alice");

        for (Executable call : List.<Executable>of(
                () -> add(poolId, alice, "nope"),
                () -> remove(poolId, alice, "nope"),
                () -> cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName("nope")))) {
            var e = awsError("ResourceNotFoundException", call);
            assertThat(message(e)).isEqualTo("Group not found.");
        }
    }

    @Test
    void unknownUserIsUserNotFound() {
        String poolId = newPool();
        newGroup(poolId, "editors");

        for (Executable call : List.<Executable>of(
                () -> add(poolId, "nobody", "editors"),
                () -> remove(poolId, "nobody", "editors"),
                () -> cognito.adminListGroupsForUser(b -> b.userPoolId(poolId).username("nobody")))) {
            var e = awsError("UserNotFoundException", call);
            assertThat(message(e)).isEqualTo("User does not exist.");
        }
    }

    @Test
    void anUnknownGroupIsReportedBeforeAnUnknownUser() {
        String poolId = newPool();

        // Unconfirmed order: the emulator looks the group up first.
        var e = awsError("ResourceNotFoundException", () -> add(poolId, "nobody", "nope"));
        assertThat(message(e)).isEqualTo("Group not found.");
        e = awsError("ResourceNotFoundException", () -> remove(poolId, "nobody", "nope"));
        assertThat(message(e)).isEqualTo("Group not found.");
    }

    @Test
    void unknownPoolIsResourceNotFound() {
        for (Executable call : List.<Executable>of(
                () -> add(NO_POOL, "alice", "editors"),
                () -> remove(NO_POOL, "alice", "editors"),
                () -> cognito.adminListGroupsForUser(b -> b.userPoolId(NO_POOL).username("alice")),
                () -> cognito.listUsersInGroup(b -> b.userPoolId(NO_POOL).groupName("editors")))) {
            var e = awsError("ResourceNotFoundException", call);
            assertThat(message(e)).isEqualTo("User pool " + NO_POOL + " does not exist.");
        }
    }

    @Test
    void aForeignNextTokenIsInvalidParameter() {
        String poolId = newPool();
        newGroup(poolId, "editors");
        String alice = verifiedUser(poolId, "alice");

        // Captured text: aws/aws-sdk-js#3705 (the code is unconfirmed); shared by every paginated operation (Pager).
        var e = awsError("InvalidParameterException", () -> cognito.adminListGroupsForUser(b -> b
                .userPoolId(poolId).username(alice).nextToken("not-a-token")));
        assertThat(message(e)).isEqualTo("Paging marker not-a-token is invalid for request " + e.requestId());
        e = awsError("InvalidParameterException", () -> cognito.listUsersInGroup(b -> b
                .userPoolId(poolId).groupName("editors").nextToken("not-a-token")));
        assertThat(message(e)).isEqualTo("Paging marker not-a-token is invalid for request " + e.requestId());
    }

    @Test
    void limitAboveSixtyFailsModelValidation() {
        String poolId = newPool();
        newGroup(poolId, "editors");

        var e = awsError("InvalidParameterException", () -> cognito.listUsersInGroup(b -> b.userPoolId(poolId)
                .groupName("editors").limit(61)));

        assertThat(message(e)).isEqualTo("1 validation error detected: Value '61' at 'limit' failed to satisfy "
                + "constraint: Member must have value less than or equal to 60");
    }

    private List<GroupType> groupsOf(String poolId, String username, Integer limit) {
        return groupPages(poolId, username, limit).stream().flatMap(p -> p.groups().stream()).toList();
    }

    private List<UserType> membersOf(String poolId, String group, Integer limit) {
        return memberPages(poolId, group, limit).stream().flatMap(p -> p.users().stream()).toList();
    }

    /** Every page of AdminListGroupsForUser, following NextToken by hand. */
    private List<AdminListGroupsForUserResponse> groupPages(String poolId, String username, Integer limit) {
        List<AdminListGroupsForUserResponse> pages = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = cognito.adminListGroupsForUser(b -> b.userPoolId(poolId).username(username).limit(limit)
                    .nextToken(next));
            pages.add(page);
            token = page.nextToken();
        } while (token != null && pages.size() < 100);
        return pages;
    }

    /** Every page of ListUsersInGroup, following NextToken by hand. */
    private List<ListUsersInGroupResponse> memberPages(String poolId, String group, Integer limit) {
        List<ListUsersInGroupResponse> pages = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            var page = cognito.listUsersInGroup(b -> b.userPoolId(poolId).groupName(group).limit(limit)
                    .nextToken(next));
            pages.add(page);
            token = page.nextToken();
        } while (token != null && pages.size() < 100);
        return pages;
    }

    private AdminGetUserResponse get(String poolId, String username) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
    }

    private static String attribute(AdminGetUserResponse user, String name) {
        return user.userAttributes().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().value();
    }
}
