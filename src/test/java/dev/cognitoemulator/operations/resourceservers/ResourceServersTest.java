package dev.cognitoemulator.operations.resourceservers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListResourceServersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerScopeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceServerType;

/**
 * CreateResourceServer, DescribeResourceServer, UpdateResourceServer, DeleteResourceServer and ListResourceServers
 * against the SDK, and app clients' AllowedOAuthScopes checked against them.
 */
class ResourceServersTest extends CognitoTestSupport {

    private static final String API = "https://api.example.com";

    private static ResourceServerScopeType scope(String name, String description) {
        return ResourceServerScopeType.builder().scopeName(name).scopeDescription(description).build();
    }

    private ResourceServerType create(String poolId, String identifier, ResourceServerScopeType... scopes) {
        return cognito.createResourceServer(b -> b.userPoolId(poolId).identifier(identifier).name("Orders API")
                .scopes(scopes)).resourceServer();
    }

    private ResourceServerType describe(String poolId, String identifier) {
        return cognito.describeResourceServer(b -> b.userPoolId(poolId).identifier(identifier)).resourceServer();
    }

    @Test
    void createAnswersTheServerAndDescribeShowsIt() {
        String poolId = newPool();

        ResourceServerType created = create(poolId, API, scope("orders.read", "Read orders"),
                scope("orders.write", "Write orders"));

        assertThat(created.userPoolId()).isEqualTo(poolId);
        assertThat(created.identifier()).isEqualTo(API);
        assertThat(created.name()).isEqualTo("Orders API");
        assertThat(created.scopes()).containsExactly(scope("orders.read", "Read orders"),
                scope("orders.write", "Write orders"));
        assertThat(describe(poolId, API)).isEqualTo(created);
    }

    @Test
    void aServerWithoutScopesHasNone() {
        String poolId = newPool();

        ResourceServerType created = cognito.createResourceServer(b -> b.userPoolId(poolId).identifier("billing")
                .name("Billing")).resourceServer();

        assertThat(created.scopes()).isEmpty();
        assertThat(describe(poolId, "billing").scopes()).isEmpty();
    }

    @Test
    void identifiersAreUniqueInAPoolNotAcrossPools() {
        String poolId = newPool();
        create(poolId, API, scope("read", "Read"));

        var e = awsError("InvalidParameterException", () -> create(poolId, API));

        // Unconfirmed text.
        assertThat(message(e)).isEqualTo("A resource server with identifier " + API + " already exists.");
        assertThat(describe(poolId, API).scopes()).containsExactly(scope("read", "Read"));
        String other = newPool();
        assertThat(create(other, API).userPoolId()).isEqualTo(other);
    }

    @Test
    void aPoolHasAtMost25() {
        String poolId = newPool();
        IntStream.range(0, 25).forEach(i -> create(poolId, "api-" + i));

        var e = awsError("LimitExceededException", () -> create(poolId, "api-25"));

        // Documented quota (25 resource servers per pool); the text is unconfirmed.
        assertThat(message(e)).isEqualTo("A user pool can have at most 25 resource servers.");
        awsError("ResourceNotFoundException", () -> describe(poolId, "api-25"));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String poolId = newPool();

        var e = awsError("InvalidParameterException", () -> create(poolId, API, scope("read", "One"),
                scope("read", "Two")));
        assertThat(message(e)).isEqualTo("Scope name read is given more than once.");
        e = awsError("InvalidParameterException", () -> create(poolId, API, scope("a/b", "Slash")));
        assertThat(message(e)).isEqualTo("1 validation error detected: Value 'a/b' at 'scopes.1.member.scopeName' "
                + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\x21\\x23-\\x2E\\x30-\\x5B\\x5D-\\x7E]+");
        e = awsError("InvalidParameterException", () -> create(poolId, "has space"));
        assertThat(message(e)).startsWith("1 validation error detected: Value 'has space' at 'identifier' failed");
        List<ResourceServerScopeType> many = IntStream.range(0, 101).mapToObj(i -> scope("s" + i, "d")).toList();
        e = awsError("InvalidParameterException", () -> cognito.createResourceServer(b -> b.userPoolId(poolId)
                .identifier(API).name("Many").scopes(many)));
        assertThat(message(e)).contains("at 'scopes' failed to satisfy constraint: Member must have length less "
                + "than or equal to 100");
        e = awsError("ResourceNotFoundException", () -> create(NO_POOL, API));
        assertThat(message(e)).isEqualTo("User pool " + NO_POOL + " does not exist.");

        assertThat(cognito.listResourceServers(b -> b.userPoolId(poolId).maxResults(50)).resourceServers())
                .isEmpty();
    }

    @Test
    void updateReplacesNameAndScopes() {
        String poolId = newPool();
        create(poolId, API, scope("read", "Read"), scope("write", "Write"));

        ResourceServerType updated = cognito.updateResourceServer(b -> b.userPoolId(poolId).identifier(API)
                .name("Orders v2").scopes(scope("admin", "Everything"))).resourceServer();

        assertThat(updated.name()).isEqualTo("Orders v2");
        assertThat(updated.scopes()).containsExactly(scope("admin", "Everything"));
        assertThat(describe(poolId, API)).isEqualTo(updated);
        // Scopes left out are none (documented: what an update leaves out goes back to its default).
        cognito.updateResourceServer(b -> b.userPoolId(poolId).identifier(API).name("Orders v3"));
        assertThat(describe(poolId, API).scopes()).isEmpty();
    }

    @Test
    void anUnknownServerIsNotFoundEverywhere() {
        String poolId = newPool();
        create(poolId, API);
        String unconfirmed = "Resource server https://other.example.com does not exist.";

        assertThat(message(awsError("ResourceNotFoundException", () -> describe(poolId,
                "https://other.example.com")))).isEqualTo(unconfirmed);
        assertThat(message(awsError("ResourceNotFoundException", () -> cognito.updateResourceServer(b -> b
                .userPoolId(poolId).identifier("https://other.example.com").name("X"))))).isEqualTo(unconfirmed);
        assertThat(message(awsError("ResourceNotFoundException", () -> cognito.deleteResourceServer(b -> b
                .userPoolId(poolId).identifier("https://other.example.com"))))).isEqualTo(unconfirmed);
        // Identifiers match exactly.
        awsError("ResourceNotFoundException", () -> describe(poolId, API.toUpperCase()));
        assertThat(describe(poolId, API).name()).isEqualTo("Orders API");
    }

    @Test
    void deleteRemovesTheServerAndItsIdentifierCanBeUsedAgain() {
        String poolId = newPool();
        create(poolId, API, scope("read", "Read"));

        cognito.deleteResourceServer(b -> b.userPoolId(poolId).identifier(API));

        awsError("ResourceNotFoundException", () -> describe(poolId, API));
        assertThat(cognito.listResourceServers(b -> b.userPoolId(poolId).maxResults(10)).resourceServers()).isEmpty();
        assertThat(create(poolId, API).scopes()).isEmpty();
    }

    @Test
    void listPagesInIdentifierOrder() {
        String poolId = newPool();
        for (String id : List.of("c-api", "a-api", "e-api", "b-api", "d-api")) {
            create(poolId, id);
        }

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ListResourceServersResponse page = cognito.listResourceServers(b -> b.userPoolId(poolId).maxResults(2)
                    .nextToken(next));
            page.resourceServers().forEach(s -> seen.add(s.identifier()));
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(seen).containsExactly("a-api", "b-api", "c-api", "d-api", "e-api");
        assertThat(pages).isEqualTo(3);
        var e = awsError("InvalidParameterException", () -> cognito.listResourceServers(b -> b.userPoolId(poolId)
                .maxResults(2).nextToken("forged")));
        assertThat(message(e)).startsWith("Paging marker forged is invalid for request ");
    }

    @Test
    void clientScopesAreStandardOrAResourceServersScopes() {
        String poolId = newPool();
        create(poolId, API, scope("orders.read", "Read orders"));

        var client = newClient(poolId, b -> b.allowedOAuthScopes("openid", "email", "phone", "profile",
                "aws.cognito.signin.user.admin", API + "/orders.read"));
        assertThat(client.allowedOAuthScopes()).contains(API + "/orders.read");

        for (String bad : List.of("Cognito", API + "/orders.write", "https://nowhere.example.com/orders.read",
                "orders.read")) {
            var e = awsError("ScopeDoesNotExistException", () -> newClient(poolId, b -> b
                    .allowedOAuthScopes("openid", bad)));
            // Captured: awsdocs/aws-cloudformation-user-guide#564 ("Invalid scope requested: Cognito").
            assertThat(message(e)).isEqualTo("Invalid scope requested: " + bad);
        }
        var e = awsError("ScopeDoesNotExistException", () -> cognito.updateUserPoolClient(b -> b.userPoolId(poolId)
                .clientId(client.clientId()).allowedOAuthScopes(API + "/orders.write")));
        assertThat(message(e)).isEqualTo("Invalid scope requested: " + API + "/orders.write");
        assertThat(cognito.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(client.clientId()))
                .userPoolClient().allowedOAuthScopes()).contains(API + "/orders.read");
        assertThat(cognito.listUserPoolClients(b -> b.userPoolId(poolId).maxResults(60)).userPoolClients())
                .hasSize(1);
    }

    @Test
    void aClientKeepsTheScopesOfADeletedServer() {
        String poolId = newPool();
        create(poolId, API, scope("orders.read", "Read orders"));
        var client = newClient(poolId, b -> b.allowedOAuthScopes(API + "/orders.read"));

        cognito.deleteResourceServer(b -> b.userPoolId(poolId).identifier(API));

        assertThat(cognito.describeUserPoolClient(b -> b.userPoolId(poolId).clientId(client.clientId()))
                .userPoolClient().allowedOAuthScopes()).containsExactly(API + "/orders.read");
    }
}
