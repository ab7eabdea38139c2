package dev.cognitoemulator.operations.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.ManualClock;
import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.operations.accounts.AccountsTestSupport;
import dev.cognitoemulator.testing.SrpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserAuthFactorsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserAuthFactorsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PreventUserExistenceErrorTypes;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * USER_AUTH, choice-based sign-in, with the password factors: PREFERRED_CHALLENGE PASSWORD / PASSWORD_SRP, or
 * SELECT_CHALLENGE with AvailableChallenges answered by ANSWER (documented: API reference, InitiateAuth
 * AuthParameters and RespondToAuthChallenge ChallengeName); GetUserAuthFactors and AdminGetUserAuthFactors.
 * Captured: "Invalid session for the user." (aws-amplify/amplify-js#10959) and "Invalid session for the user, session
 * is expired." (the text apps match). Unconfirmed: the text for a client without ALLOW_USER_AUTH, for an ANSWER not
 * offered, SELECT_CHALLENGE for a preferred factor not offered, and what an unknown user is offered where the
 * client hides which users exist. The clock stands still and moves by hand, SigV4 off.
 */
class UserAuthTest extends AccountsTestSupport {

    private static final String WRONG = "Incorrect username or password.";

    private final ManualClock clock = new ManualClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock).authMode(AuthMode.OFF);
    }

    @Override
    protected void poolSettings(CreateUserPoolRequest.Builder pool) {
        pool.poolName("userauth");
    }

    private String userAuthClient(String poolId) {
        return newClient(poolId, b -> b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).clientId();
    }

    private InitiateAuthResponse start(String clientId, Map<String, String> parameters) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(parameters));
    }

    private RespondToAuthChallengeResponse select(String clientId, String session, Map<String, String> responses) {
        return cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.SELECT_CHALLENGE).session(session).challengeResponses(responses));
    }

    private static void assertTokens(AuthenticationResultType result) {
        assertThat(result).isNotNull();
        assertThat(result.accessToken()).isNotBlank();
        assertThat(result.idToken()).isNotBlank();
        assertThat(result.refreshToken()).isNotBlank();
    }

    // --- SELECT_CHALLENGE ---------------------------------------------------------------------------------

    @Test
    void withoutAPreferenceSelectChallengeOffersThePasswordFactors() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");

        InitiateAuthResponse response = start(clientId, Map.of("USERNAME", "alice"));

        assertThat(response.challengeNameAsString()).isEqualTo("SELECT_CHALLENGE");
        assertThat(response.availableChallengesAsStrings()).containsExactly("PASSWORD", "PASSWORD_SRP");
        assertThat(response.session()).isNotBlank();
        assertThat(response.challengeParameters()).isEmpty();
        assertThat(response.authenticationResult()).isNull();
    }

    @Test
    void answeringPasswordSignsIn() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");
        String session = start(clientId, Map.of("USERNAME", "alice")).session();

        RespondToAuthChallengeResponse response = select(clientId, session,
                Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD", PASSWORD));

        assertThat(response.challengeName()).isNull();
        assertTokens(response.authenticationResult());
        assertThat(cognito.getUser(b -> b.accessToken(response.authenticationResult().accessToken())).username())
                .isEqualTo("alice");
    }

    @Test
    void answeringPasswordSrpLeadsToThePasswordVerifier() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");
        String session = start(clientId, Map.of("USERNAME", "alice")).session();
        SrpClient srp = SrpClient.forPool(poolId);

        RespondToAuthChallengeResponse challenge = select(clientId, session,
                Map.of("USERNAME", "alice", "ANSWER", "PASSWORD_SRP", "SRP_A", srp.srpA()));
        assertThat(challenge.challengeNameAsString()).isEqualTo("PASSWORD_VERIFIER");
        assertThat(challenge.challengeParameters()).containsKeys("SALT", "SRP_B", "SECRET_BLOCK", "USER_ID_FOR_SRP");

        RespondToAuthChallengeResponse response = cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(srp.answer(challenge.challengeParameters(), PASSWORD)));
        assertTokens(response.authenticationResult());
    }

    @Test
    void theAdminFormsChooseAndSignInToo() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");

        AdminInitiateAuthResponse offer = cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.USER_AUTH).authParameters(Map.of("USERNAME", "alice")));
        assertThat(offer.challengeNameAsString()).isEqualTo("SELECT_CHALLENGE");
        assertThat(offer.availableChallengesAsStrings()).containsExactly("PASSWORD", "PASSWORD_SRP");

        AdminRespondToAuthChallengeResponse response = cognito.adminRespondToAuthChallenge(b -> b.userPoolId(poolId)
                .clientId(clientId).challengeName(ChallengeNameType.SELECT_CHALLENGE).session(offer.session())
                .challengeResponses(Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD", PASSWORD)));
        assertTokens(response.authenticationResult());

        AdminInitiateAuthResponse direct = cognito.adminInitiateAuth(b -> b.userPoolId(poolId).clientId(clientId)
                .authFlow(AuthFlowType.USER_AUTH).authParameters(Map.of("USERNAME", "alice",
                        "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD)));
        assertTokens(direct.authenticationResult());
    }

    @Test
    void aSelectChallengeSessionAnswersOnceEvenWithAWrongPassword() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");
        String session = start(clientId, Map.of("USERNAME", "alice")).session();

        assertThat(message(awsError("NotAuthorizedException", () -> select(clientId, session,
                Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD", "wrong-Passw0rd"))))).isEqualTo(WRONG);
        assertThat(message(awsError("NotAuthorizedException", () -> select(clientId, session,
                Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD", PASSWORD)))))
                .isEqualTo("Invalid session for the user.");
    }

    @Test
    void anExpiredOrUnknownSessionIsRefused() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");
        String session = start(clientId, Map.of("USERNAME", "alice")).session();
        Map<String, String> answer = Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD", PASSWORD);

        assertThat(message(awsError("NotAuthorizedException", () -> select(clientId, "not-a-session-of-this-pool", answer))))
                .isEqualTo("Invalid session for the user.");
        clock.advance(Duration.ofMinutes(3));
        assertThat(message(awsError("NotAuthorizedException", () -> select(clientId, session, answer))))
                .isEqualTo("Invalid session for the user, session is expired.");
    }

    @Test
    void anAnswerNotOfferedIsRefusedAndTheSessionStillAnswers() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");
        String session = start(clientId, Map.of("USERNAME", "alice")).session();

        assertThat(message(awsError("InvalidParameterException", () -> select(clientId, session,
                Map.of("USERNAME", "alice", "ANSWER", "EMAIL_OTP")))))
                .isEqualTo("The ANSWER EMAIL_OTP is not one of the AvailableChallenges.");
        assertThat(message(awsError("InvalidParameterException", () -> select(clientId, session,
                Map.of("USERNAME", "alice"))))).isEqualTo("Missing required parameter ANSWER");

        assertTokens(select(clientId, session, Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD",
                PASSWORD)).authenticationResult());
    }

    @Test
    void theSessionIsTheUsersOwn() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");
        confirmedUser(poolId, "bob");
        String session = start(clientId, Map.of("USERNAME", "alice")).session();

        assertThat(message(awsError("NotAuthorizedException", () -> select(clientId, session,
                Map.of("USERNAME", "bob", "ANSWER", "PASSWORD", "PASSWORD", PASSWORD)))))
                .isEqualTo("Invalid session for the user.");
        String other = userAuthClient(poolId);
        assertThat(message(awsError("NotAuthorizedException", () -> select(other, session,
                Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD", PASSWORD)))))
                .isEqualTo("Invalid session for the user.");
        assertTokens(select(clientId, session, Map.of("USERNAME", "alice", "ANSWER", "PASSWORD", "PASSWORD",
                PASSWORD)).authenticationResult());
    }

    // --- PREFERRED_CHALLENGE ------------------------------------------------------------------------------

    @Test
    void preferredPasswordSignsInAtOnce() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");

        InitiateAuthResponse response = start(clientId,
                Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD));

        assertThat(response.challengeName()).isNull();
        assertThat(response.availableChallenges()).isEmpty();
        assertTokens(response.authenticationResult());
    }

    @Test
    void preferredPasswordSrpAnswersThePasswordVerifier() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");
        SrpClient srp = SrpClient.forPool(poolId);

        InitiateAuthResponse challenge = start(clientId,
                Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "PASSWORD_SRP", "SRP_A", srp.srpA()));
        assertThat(challenge.challengeNameAsString()).isEqualTo("PASSWORD_VERIFIER");

        Map<String, String> answer = new HashMap<>(srp.answer(challenge.challengeParameters(), "wrong-Passw0rd"));
        assertThat(message(awsError("NotAuthorizedException", () -> cognito.respondToAuthChallenge(b -> b
                .clientId(clientId).challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(answer))))).isEqualTo(WRONG);

        InitiateAuthResponse again = start(clientId,
                Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "PASSWORD_SRP", "SRP_A", srp.srpA()));
        assertTokens(cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER)
                .challengeResponses(srp.answer(again.challengeParameters(), PASSWORD))).authenticationResult());
    }

    @Test
    void aPreferenceNotOfferedGetsTheChoice() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");

        for (String preferred : List.of("EMAIL_OTP", "WEB_AUTHN", "SOMETHING")) {
            InitiateAuthResponse response = start(clientId,
                    Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", preferred));
            assertThat(response.challengeNameAsString()).as(preferred).isEqualTo("SELECT_CHALLENGE");
            assertThat(response.availableChallengesAsStrings()).containsExactly("PASSWORD", "PASSWORD_SRP");
        }
    }

    @Test
    void wrongPasswordsCountTowardsTheLockout() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");
        Map<String, String> wrong = Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "PASSWORD",
                "PASSWORD", "wrong-Passw0rd");

        for (int i = 0; i < 5; i++) {
            assertThat(message(awsError("NotAuthorizedException", () -> start(clientId, wrong)))).isEqualTo(WRONG);
        }
        assertThat(message(awsError("NotAuthorizedException", () -> start(clientId, Map.of("USERNAME", "alice",
                "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD))))).isEqualTo("Password attempts exceeded");
    }

    @Test
    void aTemporaryPasswordLeadsToNewPasswordRequired() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        forceChangeUser(poolId, "alice");

        InitiateAuthResponse response = start(clientId,
                Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD));

        assertThat(response.challengeNameAsString()).isEqualTo("NEW_PASSWORD_REQUIRED");
        assertThat(response.session()).isNotBlank();
        assertTokens(cognito.respondToAuthChallenge(b -> b.clientId(clientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(response.session())
                .challengeResponses(Map.of("USERNAME", "alice", "NEW_PASSWORD", NEW_PASSWORD)))
                .authenticationResult());
    }

    // --- refusals -----------------------------------------------------------------------------------------

    @Test
    void aClientWithoutAllowUserAuthIsRefused() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");

        assertThat(message(awsError("InvalidParameterException", () -> start(clientId,
                Map.of("USERNAME", "alice"))))).isEqualTo("USER_AUTH flow not enabled for this client");
        assertThat(message(awsError("InvalidParameterException", () -> cognito.adminInitiateAuth(b -> b
                .userPoolId(poolId).clientId(clientId).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "PASSWORD",
                        "PASSWORD", PASSWORD)))))).isEqualTo("USER_AUTH flow not enabled for this client");
    }

    @Test
    void missingParametersAndUnknownUsers() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");

        assertThat(message(awsError("InvalidParameterException", () -> start(clientId, Map.of()))))
                .isEqualTo("Missing required parameter USERNAME");
        assertThat(message(awsError("UserNotFoundException", () -> start(clientId, Map.of("USERNAME", "nobody")))))
                .isEqualTo("User does not exist.");
        assertThat(message(awsError("InvalidParameterException", () -> start(clientId,
                Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "PASSWORD"))))).isEqualTo(
                "Missing required parameter PASSWORD");
    }

    @Test
    void anUnconfirmedUserIsRefusedFirst() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        cognito.signUp(b -> b.clientId(clientId).username("alice").password(PASSWORD));

        assertThat(message(awsError("UserNotConfirmedException", () -> start(clientId,
                Map.of("USERNAME", "alice"))))).isEqualTo("User is not confirmed.");
    }

    @Test
    void hiddenUnknownUsersGetTheChoiceAndAWrongPassword() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .preventUserExistenceErrors(PreventUserExistenceErrorTypes.ENABLED)).clientId();

        InitiateAuthResponse offer = start(clientId, Map.of("USERNAME", "nobody"));
        assertThat(offer.challengeNameAsString()).isEqualTo("SELECT_CHALLENGE");
        assertThat(offer.availableChallengesAsStrings()).containsExactly("PASSWORD", "PASSWORD_SRP");
        assertThat(message(awsError("NotAuthorizedException", () -> select(clientId, offer.session(),
                Map.of("USERNAME", "nobody", "ANSWER", "PASSWORD", "PASSWORD", PASSWORD))))).isEqualTo(WRONG);
        assertThat(message(awsError("NotAuthorizedException", () -> start(clientId, Map.of("USERNAME", "nobody",
                "PREFERRED_CHALLENGE", "PASSWORD", "PASSWORD", PASSWORD))))).isEqualTo(WRONG);
        InitiateAuthResponse srp = start(clientId, Map.of("USERNAME", "nobody", "PREFERRED_CHALLENGE",
                "PASSWORD_SRP", "SRP_A", SrpClient.forPool(poolId).srpA()));
        assertThat(srp.challengeNameAsString()).isEqualTo("PASSWORD_VERIFIER");
    }

    @Test
    void aClientWithASecretNeedsTheSecretHash() {
        String poolId = newPool();
        String clientId = newClient(poolId, b -> b.generateSecret(true)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .clientId();
        confirmedUser(poolId, "alice");

        assertThat(message(awsError("NotAuthorizedException", () -> start(clientId, Map.of("USERNAME", "alice")))))
                .isEqualTo("Client " + clientId + " is configured with secret but SECRET_HASH was not received");
        String hash = secretHash(secretOf(poolId, clientId), "alice", clientId);
        InitiateAuthResponse offer = start(clientId, Map.of("USERNAME", "alice", "SECRET_HASH", hash));
        assertTokens(select(clientId, offer.session(), Map.of("USERNAME", "alice", "ANSWER", "PASSWORD",
                "PASSWORD", PASSWORD, "SECRET_HASH", hash)).authenticationResult());
    }

    // --- GetUserAuthFactors -------------------------------------------------------------------------------

    @Test
    void getUserAuthFactorsListsThePassword() {
        String poolId = newPool();
        String clientId = userAuthClient(poolId);
        confirmedUser(poolId, "alice");
        String accessToken = start(clientId, Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "PASSWORD",
                "PASSWORD", PASSWORD)).authenticationResult().accessToken();

        GetUserAuthFactorsResponse own = cognito.getUserAuthFactors(b -> b.accessToken(accessToken));
        assertThat(own.username()).isEqualTo("alice");
        assertThat(own.configuredUserAuthFactorsAsStrings()).containsExactly("PASSWORD");
        assertThat(own.preferredMfaSetting()).isNull();
        assertThat(own.userMFASettingList()).isEmpty();

        AdminGetUserAuthFactorsResponse admin = cognito.adminGetUserAuthFactors(b -> b.userPoolId(poolId).username("alice"));
        assertThat(admin.username()).isEqualTo("alice");
        assertThat(admin.configuredUserAuthFactorsAsStrings()).containsExactly("PASSWORD");
        assertThat(message(awsError("UserNotFoundException", () -> cognito.adminGetUserAuthFactors(b -> b
                .userPoolId(poolId).username("nobody"))))).isEqualTo("User does not exist.");
        assertThat(awsError("NotAuthorizedException", () -> cognito.getUserAuthFactors(b -> b
                .accessToken("not-a-token")))).isNotNull();
    }
}
