package dev.cognitoemulator.operations.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * AssociateSoftwareToken and VerifySoftwareToken by access token (the MFA_SETUP session's way is in
 * {@link MfaSignInTest}). Captured: a wrong code is EnableSoftwareTokenMFAException "Code mismatch and fail enable
 * Software Token MFA" (aws-samples/aws-amplify-auth-starters#15). Unconfirmed: the skew of one step either side, the
 * texts for neither or both of AccessToken and Session, and for verifying with nothing associated.
 */
class SoftwareTokenTest extends MfaTestSupport {

    private AdminGetUserResponse user(String poolId, String username) {
        return cognito.adminGetUser(b -> b.userPoolId(poolId).username(username));
    }

    @Test
    void associateGivesABase32SecretAndNoSession() {
        String poolId = newPool();
        String clientId = client(poolId);
        confirmedUser(poolId, "ann");
        String token = adminSignIn(poolId, clientId, "ann").accessToken();

        var answer = cognito.associateSoftwareToken(b -> b.accessToken(token));

        assertThat(answer.secretCode()).hasSize(52).matches("[A-Z2-7]+");
        assertThat(answer.session()).isNull();
        assertThat(cognito.associateSoftwareToken(b -> b.accessToken(token)).secretCode())
                .isNotEqualTo(answer.secretCode());
    }

    @Test
    void verifyAcceptsTheCodeOfNowAndOneStepEitherSide() {
        String poolId = newPool();
        String clientId = client(poolId);
        for (int steps = -1; steps <= 1; steps++) {
            String name = "u" + (steps + 1);
            confirmedUser(poolId, name);
            String token = adminSignIn(poolId, clientId, name).accessToken();
            String secret = cognito.associateSoftwareToken(b -> b.accessToken(token)).secretCode();
            String code = totp(secret, steps);

            var answer = cognito.verifySoftwareToken(b -> b.accessToken(token).userCode(code));

            assertThat(answer.statusAsString()).isEqualTo("SUCCESS");
            assertThat(answer.session()).isNull();
        }
    }

    @Test
    void aCodeTwoStepsOffOrWrongIsRefusedAndChangesNothing() {
        String poolId = newPool();
        String clientId = client(poolId);
        confirmedUser(poolId, "ann");
        String token = adminSignIn(poolId, clientId, "ann").accessToken();
        String secret = cognito.associateSoftwareToken(b -> b.accessToken(token)).secretCode();
        String old = totp(secret, -2);
        String wrong = totp(secret).equals("000000") ? "111111" : "000000";

        var stale = awsError("EnableSoftwareTokenMFAException",
                () -> cognito.verifySoftwareToken(b -> b.accessToken(token).userCode(old)));
        var mismatch = awsError("EnableSoftwareTokenMFAException",
                () -> cognito.verifySoftwareToken(b -> b.accessToken(token).userCode(wrong)));

        assertThat(message(stale)).isEqualTo("Code mismatch and fail enable Software Token MFA");
        assertThat(message(mismatch)).isEqualTo(message(stale));
        assertThat(user(poolId, "ann").userMFASettingList()).isEmpty();
        var preference = awsError("InvalidParameterException", () -> cognito.setUserMFAPreference(b -> b
                .accessToken(token).softwareTokenMfaSettings(s -> s.enabled(true))));
        assertThat(message(preference)).isEqualTo(
                "User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA");
        assertThat(cognito.verifySoftwareToken(b -> b.accessToken(token).userCode(totp(secret))).statusAsString())
                .isEqualTo("SUCCESS");
    }

    @Test
    void aVerifiedTokenIsTurnedOnBySetUserMfaPreference() {
        String poolId = newPool();
        mfa(poolId, UserPoolMfaType.OPTIONAL, "totp");
        String clientId = client(poolId);
        confirmedUser(poolId, "ann");
        String token = adminSignIn(poolId, clientId, "ann").accessToken();
        verifiedToken(token);
        assertThat(user(poolId, "ann").userMFASettingList()).isEmpty();

        cognito.setUserMFAPreference(b -> b.accessToken(token)
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));

        AdminGetUserResponse user = user(poolId, "ann");
        assertThat(user.userMFASettingList()).containsExactly("SOFTWARE_TOKEN_MFA");
        assertThat(user.preferredMfaSetting()).isEqualTo("SOFTWARE_TOKEN_MFA");
        assertThat(user.mfaOptions()).isEmpty();
    }

    @Test
    void inAPoolWithMfaOnVerifyingTurnsTotpOn() {
        String poolId = newPool();
        String clientId = client(poolId);
        confirmedUser(poolId, "ann");
        String token = adminSignIn(poolId, clientId, "ann").accessToken();
        mfa(poolId, UserPoolMfaType.ON, "totp");

        verifiedToken(token);

        assertThat(user(poolId, "ann").userMFASettingList()).containsExactly("SOFTWARE_TOKEN_MFA");
    }

    @Test
    void verifyingWithNothingAssociatedIsRefused() {
        String poolId = newPool();
        String clientId = client(poolId);
        confirmedUser(poolId, "ann");
        String token = adminSignIn(poolId, clientId, "ann").accessToken();

        var e = awsError("SoftwareTokenMFANotFoundException",
                () -> cognito.verifySoftwareToken(b -> b.accessToken(token).userCode("123456")));

        assertThat(message(e)).isEqualTo("Software Token MFA does not exist for the user.");
    }

    @Test
    void aCodeVerifiedCannotSignInAgainInItsStep() {
        String poolId = newPool();
        mfa(poolId, UserPoolMfaType.OPTIONAL, "totp");
        String clientId = client(poolId);
        confirmedUser(poolId, "ann");
        String token = adminSignIn(poolId, clientId, "ann").accessToken();
        String secret = cognito.associateSoftwareToken(b -> b.accessToken(token)).secretCode();
        String code = totp(secret);
        cognito.verifySoftwareToken(b -> b.accessToken(token).userCode(code));
        cognito.setUserMFAPreference(b -> b.accessToken(token).softwareTokenMfaSettings(s -> s.enabled(true)));
        var challenge = start(clientId, "ann");

        var e = awsError("ExpiredCodeException", () -> respond(clientId, "SOFTWARE_TOKEN_MFA", challenge.session(),
                java.util.Map.of("USERNAME", "ann", "SOFTWARE_TOKEN_MFA_CODE", code)));

        assertThat(message(e)).isEqualTo("Your software token has already been used once.");
    }

    @Test
    void neitherOrBothOfAccessTokenAndSessionIsRefused() {
        String poolId = newPool();
        String clientId = client(poolId);
        confirmedUser(poolId, "ann");
        String token = adminSignIn(poolId, clientId, "ann").accessToken();

        var neither = awsError("InvalidParameterException", () -> cognito.associateSoftwareToken(b -> { }));
        var both = awsError("InvalidParameterException", () -> cognito.verifySoftwareToken(b -> b.accessToken(token)
                .session("x".repeat(40)).userCode("123456")));

        assertThat(message(neither)).isEqualTo("Either AccessToken or Session is required.");
        assertThat(message(both)).isEqualTo("Only one of AccessToken or Session can be given.");
    }

    @Test
    void aBadAccessTokenOrSessionIsNotAuthorized() {
        awsError("NotAuthorizedException", () -> cognito.associateSoftwareToken(b -> b.accessToken("garbage")));
        var session = awsError("NotAuthorizedException", () -> cognito.associateSoftwareToken(b -> b
                .session("us-east-1_nothere00." + "x".repeat(40))));
        var verify = awsError("NotAuthorizedException", () -> cognito.verifySoftwareToken(b -> b
                .session("no-pool-named-here-at-all").userCode("123456")));

        assertThat(message(session)).isEqualTo("Invalid session for the user.");
        assertThat(message(verify)).isEqualTo("Invalid session for the user.");
    }
}
