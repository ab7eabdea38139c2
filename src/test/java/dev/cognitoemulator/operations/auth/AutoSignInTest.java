package dev.cognitoemulator.operations.auth;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.ManualClock;
import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.operations.accounts.AccountsTestSupport;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmSignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Sign-in straight from sign-up (Amplify's auto sign-in): SignUp and ConfirmSignUp answer a {@code Session} in a
 * client that allows USER_AUTH, and InitiateAuth / AdminInitiateAuth USER_AUTH with USERNAME and ConfirmSignUp's
 * session sign the user in without a password (documented: API reference, InitiateAuth, SignUp and ConfirmSignUp
 * {@code Session}; no session without ALLOW_USER_AUTH, captured: aws/aws-sdk-js-v3#6724). The session lives the
 * client's AuthSessionValidity and signs in once, that user through that client. Refusals: "Invalid session for the
 * user." (captured for challenge sessions: aws-amplify/amplify-js#10959) and "Invalid session for the user, session
 * is expired." (the text apps match); that Cognito answers these for this session is unconfirmed, as are the refusal
 * of a bad SignUp session by ConfirmSignUp and PREFERRED_CHALLENGE giving way to the session. The clock stands still
 * and moves by hand, SigV4 off.
 */
class AutoSignInTest extends AccountsTestSupport {

    private static final String INVALID = "Invalid session for the user.";
    private static final String EXPIRED = "Invalid session for the user, session is expired.";

    private final ManualClock clock = new ManualClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock).authMode(AuthMode.OFF);
    }

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("autosignin").autoVerifiedAttributes(VerifiedAttributeType.EMAIL);
    }

    private String userAuthClient(String poolId) {
        return userAuthClient(poolId, b -> { });
    }

    /** A client allowing USER_AUTH, both password flows and refresh, then changed by {@code settings}. */
    private String userAuthClient(String poolId, Consumer<CreateUserPoolClientRequest.Builder> settings) {
        return newClient(poolId, b -> settings.accept(b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))).clientId();
    }

    private SignUpResponse signUp(String clientId, String username) {
        return cognito.signUp(b -> b.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(attr("email", username + "@example.com")));
    }

    /** ConfirmSignUp with the code from the inbox, no SignUp session; returns its session. */
    private String confirm(String poolId, String clientId, String username) {
        return cognito.confirmSignUp(b -> b.clientId(clientId).username(username)
                .confirmationCode(lastCode(poolId, username))).session();
    }

    /** SignUp and ConfirmSignUp; returns ConfirmSignUp's session. */
    private String signedUp(String poolId, String clientId, String username) {
        signUp(clientId, username);
        return confirm(poolId, clientId, username);
    }

    private InitiateAuthResponse autoSignIn(String clientId, String username, String session) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", username)).session(session));
    }

    private void assertSignedIn(AuthenticationResultType result, String username) {
        assertThat(result).isNotNull();
        assertThat(result.idToken()).isNotBlank();
        assertThat(result.refreshToken()).isNotBlank();
        assertThat(cognito.getUser(b -> b.accessToken(result.accessToken())).username()).isEqualTo(username);
    }

    private void refused(String code, String text, Runnable call) {
        var e = awsError(code, call::run);
        assertThat(message(e)).isEqualTo(text);
    }

    // --- the way through ------------------------------------------------------------------------------------

    @Test
    void confirmSignUpsSessionSignsTheNewUserInWithoutAPassword() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        SignUpResponse signUp = signUp(clientId, "amy");
        assertThat(signUp.session()).isNotBlank();

        String session = confirm(poolId, clientId, "amy");
        assertThat(session).isNotBlank().isNotEqualTo(signUp.session());

        InitiateAuthResponse response = autoSignIn(clientId, "amy", session);
        assertThat(response.challengeName()).isNull();
        assertThat(response.session()).isNull();
        assertSignedIn(response.authenticationResult(), "amy");
        assertThat(refresh(poolId, clientId, response.authenticationResult().refreshToken()).accessToken())
                .isNotBlank();
    }

    @Test
    void signUpsSessionGivenToConfirmSignUpLeadsToTheSame() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String signUpSession = signUp(clientId, "bea").session();

        ConfirmSignUpResponse confirmed = cognito.confirmSignUp(b -> b.clientId(clientId).username("bea")
                .confirmationCode(lastCode(poolId, "bea")).session(signUpSession));

        assertThat(confirmed.session()).isNotBlank().isNotEqualTo(signUpSession);
        assertSignedIn(autoSignIn(clientId, "bea", confirmed.session()).authenticationResult(), "bea");
    }

    @Test
    void theAdminFormSignsInWithTheSessionToo() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String session = signedUp(poolId, clientId, "cleo");

        var response = cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.USER_AUTH).authParameters(Map.of("USERNAME", "cleo")).session(session));

        assertSignedIn(response.authenticationResult(), "cleo");
    }

    @Test
    void theSessionSignsInUntilTheClientsAuthSessionValidityEnds() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId, b -> b.authSessionValidity(10));
        String session = signedUp(poolId, clientId, "dora");

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));

        assertSignedIn(autoSignIn(clientId, "dora", session).authenticationResult(), "dora");
    }

    /** Unconfirmed: Amplify sends PREFERRED_CHALLENGE with the session when the app configures one. */
    @Test
    void aPreferredChallengeGivesWayToTheSession() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String session = signedUp(poolId, clientId, "edna");

        var response = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", "edna", "PREFERRED_CHALLENGE", "PASSWORD_SRP")).session(session));

        assertSignedIn(response.authenticationResult(), "edna");
    }

    /** Four wrong passwords, the auto sign-in, one more wrong: without the success's reset the fifth would lock. */
    @Test
    void theSignInForgetsFailedPasswordsAsAnySuccessDoes() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String session = signedUp(poolId, clientId, "fay");
        for (int i = 0; i < 4; i++) {
            refused("NotAuthorizedException", "Incorrect username or password.",
                    () -> signIn(clientId, "fay", "Wr0ng-password"));
        }

        autoSignIn(clientId, "fay", session);
        refused("NotAuthorizedException", "Incorrect username or password.",
                () -> signIn(clientId, "fay", "Wr0ng-password"));

        assertThat(signIn(clientId, "fay", PASSWORD).accessToken()).isNotBlank();
    }

    // --- no session -----------------------------------------------------------------------------------------

    @Test
    void aClientWithoutUserAuthIsAnsweredNoSession() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);

        assertThat(signUp(clientId, "gia").session()).isNull();
        assertThat(confirm(poolId, clientId, "gia")).isNull();
        assertThat(status(poolId, "gia")).isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void aClientWithoutUserAuthCannotUseAnotherClientsSession() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String other = passwordClient(poolId);
        String session = signedUp(poolId, clientId, "hana");

        refused("InvalidParameterException", "USER_AUTH flow not enabled for this client",
                () -> autoSignIn(other, "hana", session));

        assertSignedIn(autoSignIn(clientId, "hana", session).authenticationResult(), "hana");
    }

    // --- refusals -------------------------------------------------------------------------------------------

    @Test
    void theSessionSignsInOnce() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String session = signedUp(poolId, clientId, "ida");
        autoSignIn(clientId, "ida", session);

        refused("NotAuthorizedException", INVALID, () -> autoSignIn(clientId, "ida", session));
    }

    @Test
    void anExpiredSessionIsRefused() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String session = signedUp(poolId, clientId, "jo");

        clock.advance(Duration.ofMinutes(3));

        refused("NotAuthorizedException", EXPIRED, () -> autoSignIn(clientId, "jo", session));
    }

    @Test
    void anotherClientCannotUseTheSessionAndLeavesItUnspent() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String other = userAuthClient(poolId);
        String session = signedUp(poolId, clientId, "kim");

        refused("NotAuthorizedException", INVALID, () -> autoSignIn(other, "kim", session));

        assertSignedIn(autoSignIn(clientId, "kim", session).authenticationResult(), "kim");
    }

    @Test
    void anotherUsernameCannotUseTheSessionAndLeavesItUnspent() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String session = signedUp(poolId, clientId, "lea");
        signedUp(poolId, clientId, "mia");

        refused("NotAuthorizedException", INVALID, () -> autoSignIn(clientId, "mia", session));
        refused("NotAuthorizedException", INVALID, () -> autoSignIn(clientId, "nobody", session));

        assertSignedIn(autoSignIn(clientId, "lea", session).authenticationResult(), "lea");
    }

    @Test
    void aSessionNoConfirmationGaveIsRefused() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String signUpSession = signUp(clientId, "nia").session();

        refused("NotAuthorizedException", INVALID, () -> autoSignIn(clientId, "nia", signUpSession));
        refused("NotAuthorizedException", INVALID,
                () -> autoSignIn(clientId, "nia", "not-a-session-of-this-pool-at-all"));
        cognito.adminConfirmSignUp(b -> b.userPoolId(poolId).username("nia"));
        String selectSession = autoSignIn(clientId, "nia", null).session();
        assertThat(selectSession).isNotBlank();
        refused("NotAuthorizedException", INVALID, () -> autoSignIn(clientId, "nia", selectSession));
    }

    /** AdminConfirmSignUp answers no session, and SignUp's does not sign in. */
    @Test
    void anAdministratorsConfirmationGivesNoWayIn() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String signUpSession = signUp(clientId, "ola").session();

        cognito.adminConfirmSignUp(b -> b.userPoolId(poolId).username("ola"));

        assertThat(status(poolId, "ola")).isEqualTo(UserStatusType.CONFIRMED);
        refused("NotAuthorizedException", INVALID, () -> autoSignIn(clientId, "ola", signUpSession));
    }

    /** The refusal spends the session with it: a user disabled, then enabled again, signs in another way. */
    @Test
    void aDisabledUserIsRefusedAndTheSessionIsSpent() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String session = signedUp(poolId, clientId, "pia");
        cognito.adminDisableUser(b -> b.userPoolId(poolId).username("pia"));

        refused("NotAuthorizedException", "User is disabled.", () -> autoSignIn(clientId, "pia", session));

        cognito.adminEnableUser(b -> b.userPoolId(poolId).username("pia"));
        refused("NotAuthorizedException", INVALID, () -> autoSignIn(clientId, "pia", session));
    }

    @Test
    void aDeletedUsersSessionGoesWithTheUser() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String session = signedUp(poolId, clientId, "quinn");
        cognito.adminDeleteUser(b -> b.userPoolId(poolId).username("quinn"));
        signedUp(poolId, clientId, "quinn");

        refused("NotAuthorizedException", INVALID, () -> autoSignIn(clientId, "quinn", session));
    }

    // --- ConfirmSignUp's check of SignUp's session -----------------------------------------------------------

    @Test
    void confirmSignUpRefusesAnotherUsersSignUpSessionAndChangesNothing() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String rosas = signUp(clientId, "rosa").session();
        signUp(clientId, "sara");
        String code = lastCode(poolId, "sara");

        refused("NotAuthorizedException", INVALID, () -> cognito.confirmSignUp(b -> b.clientId(clientId)
                .username("sara").confirmationCode(code).session(rosas)));

        assertThat(status(poolId, "sara")).isEqualTo(UserStatusType.UNCONFIRMED);
        assertThat(confirm(poolId, clientId, "sara")).isNotBlank();
        assertThat(cognito.confirmSignUp(b -> b.clientId(clientId).username("rosa")
                .confirmationCode(lastCode(poolId, "rosa")).session(rosas)).session()).isNotBlank();
    }

    @Test
    void confirmSignUpRefusesASessionOfAnotherClientOrKind() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        String other = userAuthClient(poolId);
        String signUpSession = signUp(clientId, "tia").session();
        String code = lastCode(poolId, "tia");

        refused("NotAuthorizedException", INVALID, () -> cognito.confirmSignUp(b -> b.clientId(other)
                .username("tia").confirmationCode(code).session(signUpSession)));
        refused("NotAuthorizedException", INVALID, () -> cognito.confirmSignUp(b -> b.clientId(clientId)
                .username("tia").confirmationCode(code).session("a-session-nobody-ever-gave-out")));

        assertThat(status(poolId, "tia")).isEqualTo(UserStatusType.UNCONFIRMED);
    }
}
