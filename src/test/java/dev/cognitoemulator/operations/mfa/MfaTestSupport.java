package dev.cognitoemulator.operations.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.TestClock;
import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.domain.Totp;
import dev.cognitoemulator.operations.accounts.AccountsTestSupport;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

/**
 * What the MFA tests share: a clock the tests move, SigV4 off as it runs ahead of the SDK's (TOTP codes are computed
 * from the secret at the emulator's time), pools with SMS, TOTP and e-mail MFA, users with a verified TOTP token, and
 * password sign-ins that stop at a challenge.
 */
abstract class MfaTestSupport extends AccountsTestSupport {

    protected static final String SNS_ROLE = "arn:aws:iam::123456789012:role/cognito-sms";

    protected final TestClock clock = new TestClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        // SigV4 off: the tests move the emulator's clock further than the SDK's signing time may drift.
        return builder.clock(clock).authMode(AuthMode.OFF);
    }

    /** A pool that can text and send its own e-mail (SES, DEVELOPER), with MFA still OFF. */
    protected String mfaReadyPool() {
        return newPool(MfaTestSupport::canSendCodes);
    }

    protected static void canSendCodes(CreateUserPoolRequest.Builder b) {
        b.smsConfiguration(s -> s.snsCallerArn(SNS_ROLE).externalId("x"))
                .emailConfiguration(e -> e.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                        .sourceArn("arn:aws:ses:us-east-1:123456789012:identity/example.com")
                        .from("auth@example.com"));
    }

    /** SetUserPoolMfaConfig with these factors on: "sms", "totp", "email". */
    protected void mfa(String poolId, UserPoolMfaType mode, String... factors) {
        java.util.List<String> on = java.util.List.of(factors);
        cognito.setUserPoolMfaConfig(b -> {
            b.userPoolId(poolId).mfaConfiguration(mode);
            if (on.contains("sms")) {
                b.smsMfaConfiguration(s -> s.smsAuthenticationMessage("Your code is {####}"));
            }
            if (on.contains("totp")) {
                b.softwareTokenMfaConfiguration(t -> t.enabled(true));
            }
            if (on.contains("email")) {
                b.emailMfaConfiguration(e -> e.subject("Sign-in code").message("Code: {####}"));
            }
        });
    }

    /** A client allowing the password flows, SRP and refresh. */
    protected String client(String poolId) {
        return passwordClient(poolId, b -> b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
    }

    /** The TOTP code of the secret at the emulator's time, shifted by {@code steps} 30-second steps. */
    protected String totp(String secret, int steps) {
        return Totp.code(secret, Totp.step(clock.instant()) + steps);
    }

    protected String totp(String secret) {
        return totp(secret, 0);
    }

    /** Moves the clock to the next 30-second step (a code of the step before no longer counts as fresh). */
    protected void nextStep() {
        clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
    }

    /** AssociateSoftwareToken and VerifySoftwareToken by access token; returns the secret. */
    protected String verifiedToken(String accessToken) {
        String secret = cognito.associateSoftwareToken(b -> b.accessToken(accessToken)).secretCode();
        assertThat(cognito.verifySoftwareToken(b -> b.accessToken(accessToken).userCode(totp(secret))
                .friendlyDeviceName("phone")).statusAsString()).isEqualTo("SUCCESS");
        nextStep();
        return secret;
    }

    /** A user with a verified TOTP token, turned on (and preferred); returns the secret. */
    protected String totpUser(String poolId, String clientId, String username) {
        confirmedUser(poolId, username);
        String token = adminSignIn(poolId, clientId, username).accessToken();
        String secret = verifiedToken(token);
        cognito.setUserMFAPreference(b -> b.accessToken(token).softwareTokenMfaSettings(s -> s.enabled(true)));
        return secret;
    }

    /** InitiateAuth USER_PASSWORD_AUTH with {@link #PASSWORD}: the answer as it is (a challenge, here). */
    protected InitiateAuthResponse start(String clientId, String username) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)));
    }

    protected RespondToAuthChallengeResponse respond(String clientId, String challenge, String session,
            Map<String, String> responses) {
        return cognito.respondToAuthChallenge(b -> b.clientId(clientId).challengeName(challenge).session(session)
                .challengeResponses(responses));
    }

    protected AdminRespondToAuthChallengeResponse adminRespond(String poolId, String clientId, String challenge,
            String session, Map<String, String> responses) {
        return cognito.adminRespondToAuthChallenge(b -> b.userPoolId(poolId).clientId(clientId)
                .challengeName(challenge).session(session).challengeResponses(responses));
    }

    protected static Consumer<CreateUserPoolRequest.Builder> none() {
        return b -> { };
    }
}
