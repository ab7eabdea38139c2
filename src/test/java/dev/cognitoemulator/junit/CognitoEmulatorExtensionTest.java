package dev.cognitoemulator.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.messages.Inbox;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/** The extension as a test class uses it: seeded from a classpath resource, reset to the seed before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CognitoEmulatorExtensionTest {

    static final String POOL = "us-east-1_JUnit0001";
    static final String CLIENT = "3example23456789abcdefghij";

    @RegisterExtension
    static final CognitoEmulatorExtension COGNITO = CognitoEmulatorExtension.builder()
            .seedResource("dev/cognitoemulator/junit/seed.json")
            .resetBeforeEach()
            .emulator(b -> b.fixedCode("123456"))
            .client(b -> b.httpClient(UrlConnectionHttpClient.create()))
            .build();

    /** The class's emulator, as its {@code @BeforeAll} method is given it. */
    static CognitoEmulator first;

    @BeforeAll
    static void remember(CognitoEmulator emulator) {
        first = emulator;
    }

    @Test
    @Order(1)
    void theSeededUserSignsInThroughTheInjectedClient(CognitoIdentityProviderClient client, CognitoEmulator emulator,
            URI endpoint) {
        assertThat(emulator).isSameAs(first);
        assertThat(emulator.config().port()).isZero();
        assertThat(endpoint).isEqualTo(emulator.endpoint());
        assertThat(endpoint.getPort()).isEqualTo(emulator.port()).isPositive();
        assertThat(emulator.config().fixedCode()).isEqualTo("123456");

        assertThat(client.describeUserPool(b -> b.userPoolId(POOL)).userPool().name()).isEqualTo("junit");
        assertThat(client.adminGetUser(b -> b.userPoolId(POOL).username("alice")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        String idToken = client.initiateAuth(b -> b.clientId(CLIENT).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "PASSWORD", "Passw0rd!"))).authenticationResult()
                .idToken();
        assertThat(idToken).isNotBlank();

        // Changes the next test must not see.
        client.adminCreateUser(b -> b.userPoolId(POOL).username("bob").desiredDeliveryMediums(DeliveryMediumType.EMAIL)
                .userAttributes(AttributeType.builder().name("email").value("bob@example.com").build()));
        assertThat(emulator.inbox().list(Inbox.Filter.ALL)).hasSize(1);
        client.adminDeleteUser(b -> b.userPoolId(POOL).username("alice"));
        client.createUserPool(b -> b.poolName("extra"));
        assertThat(client.listUserPools(b -> b.maxResults(10)).userPools()).hasSize(2);
    }

    @Test
    @Order(2)
    void eachTestStartsFromTheSeedOnTheSameEmulator(CognitoIdentityProviderClient client, CognitoEmulator emulator) {
        assertThat(emulator).isSameAs(first);
        assertThat(client.listUserPools(b -> b.maxResults(10)).userPools())
                .extracting(UserPoolDescriptionType::id).containsExactly(POOL);
        assertThat(client.adminGetUser(b -> b.userPoolId(POOL).username("alice")).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
        assertThat(emulator.inbox().list(Inbox.Filter.ALL)).isEmpty();

        client.adminDeleteUser(b -> b.userPoolId(POOL).username("alice"));
        assertThatThrownBy(() -> client.adminGetUser(b -> b.userPoolId(POOL).username("alice")))
                .isInstanceOf(UserNotFoundException.class).hasMessageStartingWith("User does not exist.");
    }

    @Test
    @Order(3)
    void theInjectedClientIsOneClientForTheClass(CognitoIdentityProviderClient a, CognitoIdentityProviderClient b) {
        assertThat(a).isSameAs(b);
        assertThat(a.adminGetUser(r -> r.userPoolId(POOL).username("alice")).username()).isEqualTo("alice");
    }

    @Nested
    class InANestedClass {
        @Test
        void nestedClassesShareTheEnclosingClassesEmulator(CognitoEmulator emulator,
                CognitoIdentityProviderClient client) {
            assertThat(emulator).isSameAs(first);
            assertThat(client.adminGetUser(r -> r.userPoolId(POOL).username("alice")).username()).isEqualTo("alice");
        }
    }
}
