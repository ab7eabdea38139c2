package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitoemulator.testing.ModelCheck;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The shared fixture of integration tests: one emulator per test class on a free port, and the real AWS SDK
 * v2 client pointed at it (credentials {@code test:test}, signature checked), every answer it receives checked
 * against the service model ({@link ModelCheck}). Each test makes its own pool, with the helpers below:
 * {@link #newPool()}, {@link #newUser}, {@link #confirmedUser}, {@link #passwordClient}, {@link #adminSignIn}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CognitoTestSupport {

    /** The password {@link #confirmedUser} gives and {@link #adminSignIn} signs in with. */
    protected static final String PASSWORD = "Passw0rd!";
    /** A well-formed pool id no pool has. */
    protected static final String NO_POOL = "us-east-1_nothere00";

    protected CognitoEmulator emulator;
    protected CognitoIdentityProviderClient cognito;

    @BeforeAll
    void startEmulator() {
        emulator = configure(CognitoEmulator.builder().port(0)).build().start();
        cognito = client("test", "test");
    }

    @AfterAll
    void stopEmulator() {
        if (cognito != null) {
            cognito.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** Override to change the emulator's settings for a test class. */
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder;
    }

    protected CognitoIdentityProviderClient client(String accessKey, String secret) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ModelCheck()))
                .build();
    }

    // --- pools, users, clients, sign-in ---------------------------------------------------------------------

    /** Override to give the pools {@link #newPool()} makes this class's settings (name, schema, aliases, ...). */
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
    }

    /** A new pool with this class's {@link #poolSettings}; returns its id. */
    protected String newPool() {
        return newPool(this::poolSettings);
    }

    /** A new pool named {@code test}, then changed by {@code settings}; returns its id. */
    protected String newPool(Consumer<CreateUserPoolRequest.Builder> settings) {
        return cognito.createUserPool(b -> settings.accept(b.poolName("test"))).userPool().id();
    }

    /** AdminCreateUser with these attributes and no invitation (MessageAction SUPPRESS). */
    protected UserType newUser(String poolId, String username, AttributeType... attributes) {
        return cognito.adminCreateUser(b -> b.userPoolId(poolId).username(username).userAttributes(attributes)
                .messageAction(MessageActionType.SUPPRESS)).user();
    }

    /** AdminSetUserPassword: permanent makes the user CONFIRMED, temporary FORCE_CHANGE_PASSWORD. */
    protected void setPassword(String poolId, String username, String password, boolean permanent) {
        cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(username).password(password)
                .permanent(permanent));
    }

    /** A CONFIRMED user: {@link #newUser}, then {@link #PASSWORD} as a permanent password; returns the username. */
    protected String confirmedUser(String poolId, String username, AttributeType... attributes) {
        newUser(poolId, username, attributes);
        setPassword(poolId, username, PASSWORD, true);
        return username;
    }

    /** A FORCE_CHANGE_PASSWORD user: {@link #newUser}, then {@link #PASSWORD} as a temporary password. */
    protected String forceChangeUser(String poolId, String username, AttributeType... attributes) {
        newUser(poolId, username, attributes);
        setPassword(poolId, username, PASSWORD, false);
        return username;
    }

    /** A new app client named {@code app}, then changed by {@code settings}. */
    protected UserPoolClientType newClient(String poolId, Consumer<CreateUserPoolClientRequest.Builder> settings) {
        return cognito.createUserPoolClient(b -> settings.accept(b.userPoolId(poolId).clientName("app")))
                .userPoolClient();
    }

    /** A client allowing both password flows and refresh; returns its id. */
    protected String passwordClient(String poolId) {
        return passwordClient(poolId, b -> { });
    }

    /** A client allowing both password flows and refresh, then changed by {@code settings}; returns its id. */
    protected String passwordClient(String poolId, Consumer<CreateUserPoolClientRequest.Builder> settings) {
        return newClient(poolId, b -> settings.accept(b.explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))).clientId();
    }

    /** AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH with {@link #PASSWORD}; returns the tokens. */
    protected AuthenticationResultType adminSignIn(String poolId, String clientId, String username) {
        return cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();
    }

    /** AdminInitiateAuth REFRESH_TOKEN_AUTH; returns the new tokens. */
    protected AuthenticationResultType refresh(String poolId, String clientId, String refreshToken) {
        return cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", refreshToken)))
                .authenticationResult();
    }

    // --- errors ------------------------------------------------------------------------------------------

    /** Runs the call, expects it to fail with this AWS error code, and returns the exception for more checks. */
    protected static CognitoIdentityProviderException awsError(String code, Executable call) {
        CognitoIdentityProviderException e = catchThrowableOfType(CognitoIdentityProviderException.class,
                call::execute);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(400);
        return e;
    }

    /** The error's message, as the SDK received it. */
    protected static String message(CognitoIdentityProviderException e) {
        return e.awsErrorDetails().errorMessage();
    }

    /**
     * User attributes as the tests write and read them; static imports
     * ({@code import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr}), kept out of the class
     * itself so that test classes' own static helpers of the same name stay legal.
     */
    public static final class Attributes {

        /** A UUID as Cognito writes a sub. */
        public static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

        private Attributes() {
        }

        public static AttributeType attr(String name, String value) {
            return AttributeType.builder().name(name).value(value).build();
        }

        /** Name to value, in the order given. */
        public static Map<String, String> asMap(List<AttributeType> attributes) {
            Map<String, String> map = new LinkedHashMap<>();
            attributes.forEach(a -> map.put(a.name(), a.value()));
            return map;
        }
    }
}
