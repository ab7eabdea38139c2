package dev.cognitoemulator.operations.users;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.asMap;
import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;

/**
 * AdminDeleteUserAttributes, rule by rule. The rows of {@link #rules()} run against a fresh user holding
 * every kind of attribute in a pool with email, phone_number and preferred_username aliases, a required
 * {@code name}, a mutable and an immutable custom attribute and a developer-only one.
 *
 * <p>Texts: the {@code Invalid user attributes: user.<name>: Attribute does not exist in the schema.\n} form
 * is quoted by emulators (moto PR #4487, cognito-local), not captured from AWS; AWS's texts for deleting
 * required, immutable and {@code sub} attributes are not public (cognito-errors.md section 5), so those
 * rows pin our chosen, unconfirmed texts in the same format.
 */
class AdminDeleteUserAttributesTest extends CognitoTestSupport {

    private static final String PREFIX = "Invalid user attributes: ";
    private static final String NOT_IN_SCHEMA = ": Attribute does not exist in the schema.\n";
    private static final String IMMUTABLE = ": Attribute cannot be updated. (changing an immutable attribute)\n";
    private static final String REQUIRED = ": The attribute is required\n";

    /** The emulator's clock: moved forward where a test needs a later modification date. */
    private final TestClock clock = new TestClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock);
    }

    private String poolId;

    @BeforeAll
    void createPool() {
        poolId = newPool(b -> b.poolName("delete-attributes")
                .aliasAttributes(AliasAttributeType.EMAIL, AliasAttributeType.PHONE_NUMBER,
                        AliasAttributeType.PREFERRED_USERNAME)
                .schema(SchemaAttributeType.builder().name("name").required(true).build(),
                        SchemaAttributeType.builder().name("tier").attributeDataType(AttributeDataType.STRING).build(),
                        SchemaAttributeType.builder().name("code").attributeDataType(AttributeDataType.STRING)
                                .mutable(false).build(),
                        SchemaAttributeType.builder().name("secret").attributeDataType(AttributeDataType.STRING)
                                .developerOnlyAttribute(true).build()));
    }

    /** A user with one value of every kind; returns its username. */
    private String fullUser() {
        String username = "user-" + UUID.randomUUID();
        String tag = username.substring(5, 13);
        newUser(poolId, username,
                attr("name", "Alice"),
                attr("given_name", "Alice"),
                attr("email", tag + "@example.com"),
                attr("email_verified", "true"),
                attr("phone_number", "+1555" + Math.abs(tag.hashCode() % 10_000_000)),
                attr("phone_number_verified", "true"),
                attr("preferred_username", "pref-" + tag),
                attr("updated_at", "1700000000"),
                attr("custom:tier", "gold"),
                attr("custom:code", "X1"),
                attr("dev:custom:secret", "s3cr3t"));
        return username;
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                // Success rows: the names removed.
                row("a mutable custom attribute", List.of("custom:tier"), null, Set.of("custom:tier")),
                row("several at once", List.of("given_name", "custom:tier", "updated_at"), null,
                        Set.of("given_name", "custom:tier", "updated_at")),
                row("a developer-only attribute, by its dev:custom: name", List.of("dev:custom:secret"), null,
                        Set.of("dev:custom:secret")),
                row("email takes email_verified with it", List.of("email"), null,
                        Set.of("email", "email_verified")),
                row("phone_number takes phone_number_verified with it", List.of("phone_number"), null,
                        Set.of("phone_number", "phone_number_verified")),
                row("a verification flag alone", List.of("email_verified"), null, Set.of("email_verified")),
                row("a schema attribute the user has no value for: success, nothing changes",
                        List.of("family_name"), null, Set.of()),
                row("the same name twice", List.of("custom:tier", "custom:tier"), null, Set.of("custom:tier")),
                row("an empty list: success, nothing changes", List.of(), null, Set.of()),
                // Error rows: the message; nothing is deleted.
                row("a name not in the schema", List.of("nickname2"), PREFIX + "user.nickname2" + NOT_IN_SCHEMA, null),
                row("a custom attribute without its custom: prefix", List.of("tier"),
                        PREFIX + "user.tier" + NOT_IN_SCHEMA, null),
                row("a developer-only attribute by its custom: name", List.of("custom:secret"),
                        PREFIX + "user.custom:secret" + NOT_IN_SCHEMA, null),
                row("sub is immutable", List.of("sub"), PREFIX + "user.sub" + IMMUTABLE, null),
                row("an immutable custom attribute", List.of("custom:code"), PREFIX + "user.custom:code" + IMMUTABLE,
                        null),
                row("a required attribute", List.of("name"), PREFIX + "user.name" + REQUIRED, null),
                row("one bad name among good ones deletes nothing", List.of("custom:tier", "bogus", "given_name"),
                        PREFIX + "user.bogus" + NOT_IN_SCHEMA, null),
                row("every bad name is reported, in request order", List.of("sub", "bogus", "name"),
                        PREFIX + "user.sub" + IMMUTABLE + "user.bogus" + NOT_IN_SCHEMA + "user.name" + REQUIRED, null));
    }

    private static Arguments row(String rule, List<String> names, String error, Set<String> removed) {
        return Arguments.of(rule, names, error, removed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void rule(String rule, List<String> names, String error, Set<String> removed) {
        String username = fullUser();
        Map<String, String> before = attributes(get(username));

        if (error == null) {
            var response = cognito.adminDeleteUserAttributes(b -> b.userPoolId(poolId).username(username)
                    .userAttributeNames(names));
            assertThat(response.sdkHttpResponse().statusCode()).isEqualTo(200);
            Map<String, String> expected = new LinkedHashMap<>(before);
            expected.keySet().removeAll(removed);
            assertThat(attributes(get(username))).isEqualTo(expected);
        } else {
            CognitoIdentityProviderException e = awsError("InvalidParameterException",
                    () -> cognito.adminDeleteUserAttributes(b -> b.userPoolId(poolId).username(username)
                            .userAttributeNames(names)));
            assertThat(message(e)).isEqualTo(error);
            assertThat(attributes(get(username))).isEqualTo(before);
        }
    }

    @Test
    void deletingEmailRemovesTheEmailAlias() {
        String username = fullUser();
        String email = attributes(get(username)).get("email");
        assertThat(get(email).username()).isEqualTo(username);

        delete(username, "email");

        awsError("UserNotFoundException", () -> get(email));
        assertThat(get(username).userAttributes()).extracting(AttributeType::name)
                .doesNotContain("email", "email_verified");
    }

    @Test
    void deletingPhoneNumberRemovesThePhoneAlias() {
        String username = fullUser();
        String phone = attributes(get(username)).get("phone_number");
        assertThat(get(phone).username()).isEqualTo(username);

        delete(username, "phone_number");

        awsError("UserNotFoundException", () -> get(phone));
    }

    @Test
    void deletingPreferredUsernameRemovesThatAlias() {
        String username = fullUser();
        String preferred = attributes(get(username)).get("preferred_username");
        assertThat(get(preferred).username()).isEqualTo(username);

        delete(username, "preferred_username");

        var e = awsError("UserNotFoundException", () -> get(preferred));
        assertThat(message(e)).isEqualTo("User does not exist.");
    }

    @Test
    void deletingEmailVerifiedAloneEndsTheEmailAlias() {
        String username = fullUser();
        String email = attributes(get(username)).get("email");

        delete(username, "email_verified");

        awsError("UserNotFoundException", () -> get(email));
        assertThat(attributes(get(username))).containsEntry("email", email);
    }

    @Test
    void findsTheUserBySubAndByAlias() {
        String username = fullUser();
        Map<String, String> attributes = attributes(get(username));

        delete(attributes.get("sub"), "custom:tier");
        delete(attributes.get("preferred_username"), "given_name");

        assertThat(attributes(get(username))).doesNotContainKeys("custom:tier", "given_name");
    }

    @Test
    void worksOnDisabledUsers() {
        String username = fullUser();
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username(username));

        delete(username, "custom:tier");

        AdminGetUserResponse user = get(username);
        assertThat(user.enabled()).isFalse();
        assertThat(attributes(user)).doesNotContainKey("custom:tier");
    }

    @Test
    void updatesUserLastModifiedDateOnlyWhenSomethingIsDeleted() {
        String username = fullUser();
        var created = get(username).userLastModifiedDate();
        clock.advance(Duration.ofSeconds(1));

        delete(username, "family_name");
        assertThat(get(username).userLastModifiedDate()).isEqualTo(created);

        delete(username, "custom:tier");
        assertThat(get(username).userLastModifiedDate()).isAfter(created);
    }

    @Test
    void unknownUserIsUserNotFound() {
        var e = awsError("UserNotFoundException", () -> delete("nobody", "custom:tier"));
        assertThat(message(e)).isEqualTo("User does not exist.");
    }

    @Test
    void unknownPoolIsResourceNotFound() {
        var e = awsError("ResourceNotFoundException", () -> cognito.adminDeleteUserAttributes(b -> b
                .userPoolId("us-east-1_nothere00").username("x").userAttributeNames("custom:tier")));
        assertThat(message(e)).isEqualTo("User pool us-east-1_nothere00 does not exist.");
    }

    @Test
    void missingMembersFailModelValidation() {
        var e = awsError("InvalidParameterException", () -> cognito.adminDeleteUserAttributes(b -> b
                .userPoolId(poolId).username("x")));
        // AWS's text for an absent required member (cognito-errors.md section 3; the member name from the model).
        assertThat(message(e)).isEqualTo("1 validation error detected: Value null at 'userAttributeNames' failed to "
                + "satisfy constraint: Member must not be null");
    }

    @Test
    void overlongNameAndBadPoolIdFailModelValidationWithoutEchoingTheUsername() {
        String longName = "custom:" + "x".repeat(26);
        var e = awsError("InvalidParameterException", () -> cognito.adminDeleteUserAttributes(b -> b
                .userPoolId("bad").username("").userAttributeNames(longName)));
        // A list of strings is reported once, at the list's path, with all its member's constraints (aws/aws-cli#2894).
        assertThat(message(e)).isEqualTo("4 validation errors detected: "
                + "Value '[" + longName + "]' at 'userAttributeNames' failed to satisfy constraint: "
                + "Member must satisfy constraint: [Member must have length less than or equal to 32, "
                + "Member must have length greater than or equal to 1, Member must satisfy regular expression "
                + "pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r ]+]; "
                + "Value 'bad' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern: [\\w-]+_[0-9a-zA-Z]+; "
                + "Value at 'username' failed to satisfy constraint: Member must have length greater than or equal "
                + "to 1; "
                + "Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
    }

    private void delete(String username, String... names) {
        cognito.adminDeleteUserAttributes(b -> b.userPoolId(poolId).username(username).userAttributeNames(names));
    }

    private AdminGetUserResponse get(String username) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
    }

    private static Map<String, String> attributes(AdminGetUserResponse user) {
        return asMap(user.userAttributes());
    }
}
