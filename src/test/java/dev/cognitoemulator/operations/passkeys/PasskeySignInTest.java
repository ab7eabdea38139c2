package dev.cognitoemulator.operations.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoemulator.testing.TestAuthenticator;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;

/**
 * USER_AUTH with a passkey: WEB_AUTHN offered to a user who has one, its CREDENTIAL_REQUEST_OPTIONS, the CREDENTIAL
 * answer verified (by webauthn4j) and the tokens (documented: API reference, InitiateAuth PREFERRED_CHALLENGE,
 * RespondToAuthChallenge ChallengeResponses WEB_AUTHN: USERNAME, CREDENTIAL). Unconfirmed: the options' key order,
 * "Invalid passkey credential." for a refused assertion, a counter that did not move on refused.
 */
class PasskeySignInTest extends PasskeysTestSupport {

    private record Registered(String poolId, String clientId, TestAuthenticator authenticator) {
    }

    /** A pool offering passkeys, a client, alice with one passkey. */
    private Registered alice() {
        String poolId = passkeyPool();
        String clientId = passkeyClient(poolId);
        TestAuthenticator authenticator = TestAuthenticator.es256();
        register(signedIn(poolId, clientId, "alice"), authenticator, ORIGIN, c -> { });
        return new Registered(poolId, clientId, authenticator);
    }

    private InitiateAuthResponse initiate(String clientId, Map<String, String> parameters) {
        return cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(parameters));
    }

    private InitiateAuthResponse preferPasskey(Registered r) {
        return initiate(r.clientId(), Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "WEB_AUTHN"));
    }

    private RespondToAuthChallengeResponse answer(Registered r, String session, String options,
            Consumer<TestAuthenticator.Ceremony> bend) {
        return cognito.respondToAuthChallenge(b -> b.clientId(r.clientId()).challengeName(ChallengeNameType.WEB_AUTHN)
                .session(session).challengeResponses(Map.of("USERNAME", "alice",
                        "CREDENTIAL", r.authenticator().authenticate(options, ORIGIN, bend))));
    }

    private static String options(InitiateAuthResponse challenge) {
        return challenge.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS");
    }

    @Test
    void aPasskeySignsIn() throws Exception {
        Registered r = alice();

        InitiateAuthResponse challenge = preferPasskey(r);
        RespondToAuthChallengeResponse signedIn = answer(r, challenge.session(), options(challenge), c -> { });

        assertThat(challenge.challengeNameAsString()).isEqualTo("WEB_AUTHN");
        assertThat(challenge.challengeParameters()).containsOnlyKeys("CREDENTIAL_REQUEST_OPTIONS");
        JsonNode options = JSON.readTree(options(challenge));
        assertThat(options.toString()).isEqualTo(JSON.readTree("""
                {"allowCredentials":[{"id":"%s","type":"public-key"}],"challenge":"%s","rpId":"localhost",
                 "timeout":60000,"userVerification":"preferred"}""".formatted(r.authenticator().credentialId(),
                options.path("challenge").asText())).toString());
        assertThat(signedIn.challengeName()).isNull();
        assertThat(signedIn.authenticationResult().refreshToken()).isNotBlank();
        assertThat(cognito.getUser(b -> b.accessToken(signedIn.authenticationResult().accessToken())).username())
                .isEqualTo("alice");
    }

    @Test
    void selectChallengeOffersThePasskeyAndItsAnswerOpensIt() {
        Registered r = alice();

        InitiateAuthResponse select = initiate(r.clientId(), Map.of("USERNAME", "alice"));
        RespondToAuthChallengeResponse challenge = cognito.respondToAuthChallenge(b -> b.clientId(r.clientId())
                .challengeName(ChallengeNameType.SELECT_CHALLENGE).session(select.session())
                .challengeResponses(Map.of("USERNAME", "alice", "ANSWER", "WEB_AUTHN")));
        String options = challenge.challengeParameters().get("CREDENTIAL_REQUEST_OPTIONS");
        RespondToAuthChallengeResponse signedIn = answer(r, challenge.session(), options, c -> { });

        assertThat(select.availableChallengesAsStrings()).containsExactly("PASSWORD", "PASSWORD_SRP", "WEB_AUTHN");
        assertThat(challenge.challengeNameAsString()).isEqualTo("WEB_AUTHN");
        assertThat(signedIn.authenticationResult().accessToken()).isNotBlank();
        CognitoIdentityProviderException again = awsError("NotAuthorizedException", () -> cognito
                .respondToAuthChallenge(b -> b.clientId(r.clientId()).challengeName(ChallengeNameType.SELECT_CHALLENGE)
                        .session(select.session()).challengeResponses(Map.of("USERNAME", "alice", "ANSWER",
                                "WEB_AUTHN"))));
        assertThat(message(again)).isEqualTo("Invalid session for the user.");
    }

    @Test
    void aUserWithoutAPasskeyIsNotOfferedOne() {
        String poolId = passkeyPool();
        String clientId = passkeyClient(poolId);
        confirmedUser(poolId, "bob");

        InitiateAuthResponse preferred = initiate(clientId, Map.of("USERNAME", "bob", "PREFERRED_CHALLENGE",
                "WEB_AUTHN"));

        assertThat(preferred.challengeNameAsString()).isEqualTo("SELECT_CHALLENGE");
        assertThat(preferred.availableChallengesAsStrings()).containsExactly("PASSWORD", "PASSWORD_SRP");
        assertThat(cognito.adminGetUserAuthFactors(b -> b.userPoolId(poolId).username("bob"))
                .configuredUserAuthFactorsAsStrings()).doesNotContain("WEB_AUTHN");
    }

    @Test
    void aPoolThatStopsOfferingPasskeysOffersThemNoMore() {
        Registered r = alice();
        cognito.updateUserPool(b -> b.userPoolId(r.poolId()).policies(p -> p.signInPolicy(s -> s
                .allowedFirstAuthFactorsWithStrings("PASSWORD"))));

        InitiateAuthResponse select = initiate(r.clientId(), Map.of("USERNAME", "alice"));

        assertThat(select.availableChallengesAsStrings()).containsExactly("PASSWORD", "PASSWORD_SRP");
    }

    @Test
    void thePasskeyIsAConfiguredFactor() {
        Registered r = alice();

        assertThat(cognito.adminGetUserAuthFactors(b -> b.userPoolId(r.poolId()).username("alice"))
                .configuredUserAuthFactorsAsStrings()).containsExactly("PASSWORD", "WEB_AUTHN");
    }

    @Test
    void aWrongAssertionIsNotAuthorizedAndTheChallengeWaits() {
        Registered r = alice();
        InitiateAuthResponse challenge = preferPasskey(r);

        CognitoIdentityProviderException e = awsError("NotAuthorizedException",
                () -> answer(r, challenge.session(), options(challenge), c -> c.badSignature = true));
        awsError("NotAuthorizedException",
                () -> answer(r, challenge.session(), options(challenge), c -> c.origin = "https://evil.example"));

        assertThat(message(e)).isEqualTo("Invalid passkey credential.");
        assertThat(answer(r, challenge.session(), options(challenge), c -> { }).authenticationResult()).isNotNull();
    }

    @Test
    void aChallengeIsAnsweredOnce() {
        Registered r = alice();
        InitiateAuthResponse challenge = preferPasskey(r);
        answer(r, challenge.session(), options(challenge), c -> { });

        CognitoIdentityProviderException e = awsError("NotAuthorizedException",
                () -> answer(r, challenge.session(), options(challenge), c -> { }));

        assertThat(message(e)).isEqualTo("Invalid session for the user.");
    }

    @Test
    void aCounterThatDoesNotMoveOnIsRefused() {
        Registered r = alice();
        InitiateAuthResponse first = preferPasskey(r);
        answer(r, first.session(), options(first), c -> c.counter = 7L);
        InitiateAuthResponse second = preferPasskey(r);

        CognitoIdentityProviderException e = awsError("NotAuthorizedException",
                () -> answer(r, second.session(), options(second), c -> c.counter = 7L));

        assertThat(message(e)).isEqualTo("Invalid passkey credential.");
        assertThat(answer(r, second.session(), options(second), c -> c.counter = 8L).authenticationResult())
                .isNotNull();
    }

    @Test
    void theChallengeExpiresWithTheClientsSessions() {
        Registered r = alice();
        InitiateAuthResponse challenge = preferPasskey(r);
        clock.advance(Duration.ofMinutes(3));

        CognitoIdentityProviderException e = awsError("NotAuthorizedException",
                () -> answer(r, challenge.session(), options(challenge), c -> { }));

        assertThat(message(e)).isEqualTo("Invalid session for the user, session is expired.");
    }

    @Test
    void aDeletedPasskeySignsInNoMore() {
        Registered r = alice();
        String token = signedIn(r.poolId(), r.clientId(), "alice");
        InitiateAuthResponse challenge = preferPasskey(r);
        cognito.deleteWebAuthnCredential(b -> b.accessToken(token).credentialId(r.authenticator().credentialId()));

        CognitoIdentityProviderException e = awsError("NotAuthorizedException",
                () -> answer(r, challenge.session(), options(challenge), c -> { }));

        assertThat(message(e)).isEqualTo("Invalid passkey credential.");
    }

    @Test
    void theAnswerNamesTheUserAndCarriesTheCredential() {
        Registered r = alice();
        confirmedUser(r.poolId(), "bob");
        InitiateAuthResponse challenge = preferPasskey(r);

        CognitoIdentityProviderException missing = awsError("InvalidParameterException", () -> cognito
                .respondToAuthChallenge(b -> b.clientId(r.clientId()).challengeName(ChallengeNameType.WEB_AUTHN)
                        .session(challenge.session()).challengeResponses(Map.of("USERNAME", "alice"))));
        CognitoIdentityProviderException other = awsError("NotAuthorizedException", () -> cognito
                .respondToAuthChallenge(b -> b.clientId(r.clientId()).challengeName(ChallengeNameType.WEB_AUTHN)
                        .session(challenge.session()).challengeResponses(Map.of("USERNAME", "bob", "CREDENTIAL",
                                r.authenticator().authenticate(options(challenge), ORIGIN)))));
        CognitoIdentityProviderException malformed = awsError("InvalidParameterException", () -> cognito
                .respondToAuthChallenge(b -> b.clientId(r.clientId()).challengeName(ChallengeNameType.WEB_AUTHN)
                        .session(challenge.session()).challengeResponses(Map.of("USERNAME", "alice", "CREDENTIAL",
                                "{not json"))));

        assertThat(message(missing)).isEqualTo("Missing required parameter CREDENTIAL");
        assertThat(message(other)).isEqualTo("Invalid session for the user.");
        assertThat(message(malformed)).isEqualTo("CREDENTIAL must be an AuthenticationResponseJSON object.");
    }

    @Test
    void aDisabledUserDoesNotSignIn() {
        Registered r = alice();
        InitiateAuthResponse challenge = preferPasskey(r);
        cognito.adminDisableUser(b -> b.userPoolId(r.poolId()).username("alice"));

        CognitoIdentityProviderException e = awsError("NotAuthorizedException",
                () -> answer(r, challenge.session(), options(challenge), c -> { }));

        assertThat(message(e)).isEqualTo("User is disabled.");
    }

    @Test
    void theAdminFlowSignsInWithAPasskeyToo() {
        Registered r = alice();

        AdminInitiateAuthResponse challenge = cognito.adminInitiateAuth(b -> b.userPoolId(r.poolId())
                .clientId(r.clientId()).authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", "alice", "PREFERRED_CHALLENGE", "WEB_AUTHN")));
        AdminRespondToAuthChallengeResponse signedIn = cognito.adminRespondToAuthChallenge(b -> b
                .userPoolId(r.poolId()).clientId(r.clientId()).challengeName(ChallengeNameType.WEB_AUTHN)
                .session(challenge.session()).challengeResponses(Map.of("USERNAME", "alice", "CREDENTIAL",
                        r.authenticator().authenticate(challenge.challengeParameters()
                                .get("CREDENTIAL_REQUEST_OPTIONS"), ORIGIN))));

        assertThat(challenge.challengeNameAsString()).isEqualTo("WEB_AUTHN");
        assertThat(signedIn.authenticationResult().idToken()).isNotBlank();
    }
}
