package dev.cognitoemulator.webauthn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.PoolFactors;
import dev.cognitoemulator.domain.PoolSettings;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.domain.WebAuthnCredential;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.WebAuthnConfigurationType;
import dev.cognitoemulator.testing.TestAuthenticator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The sign-in half of passkeys: CREDENTIAL_REQUEST_OPTIONS and the verification of the CREDENTIAL assertion
 * (challenge, origin, relying party, signature, counter, user verification), against a passkey registered through
 * the same service. The registration half is tested through the SDK (PasskeysTest).
 */
class WebAuthnTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORIGIN = "http://localhost:8080";
    private static final Randomness RANDOM = Randomness.secure();

    private final Instant now = Instant.parse("2026-01-02T03:04:05Z");
    private final User user = new User("alice", "0b6e1c3a-8d0e-4b1c-9f1e-2f7d3c4b5a69",
            Attributes.of(Map.of("sub", "0b6e1c3a-8d0e-4b1c-9f1e-2f7d3c4b5a69")), UserStatus.CONFIRMED, true, now,
            now, null, List.of(), null);

    private static UserPool pool(String rpId, String userVerification) {
        PoolSettings settings = PoolSettings.defaults();
        return new UserPool("us-east-1_AbCdEf123", "test", "arn", Instant.EPOCH, Instant.EPOCH, List.of(), List.of(),
                List.of(), null, settings, rpId == null ? PoolFactors.NONE : new PoolFactors(false, false, null,
                        WebAuthnConfigurationType.builder().relyingPartyId(rpId).userVerification(userVerification)
                                .build()));
    }

    private WebAuthnCredential registered(UserPool pool, TestAuthenticator authenticator,
            Consumer<TestAuthenticator.Ceremony> bend) {
        String challenge = WebAuthn.challenge(RANDOM);
        JsonNode options = WebAuthn.creationOptions(pool, user, List.of(), challenge);
        return WebAuthn.register(authenticator.register(options, ORIGIN, bend), pool, user.sub(), challenge, now);
    }

    private static CognitoException refusal(Runnable call) {
        CognitoException e = catchThrowableOfType(CognitoException.class, call::run);
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void requestOptionsNameTheChallengeTheRelyingPartyAndTheUsersPasskeys() throws Exception {
        UserPool pool = pool("example.com", "required");
        WebAuthnCredential mine = new WebAuthnCredential("Y3JlZA", user.sub(), "example.com", "", 0, "Passkey", null,
                List.of(), now, true, false, false);
        WebAuthnCredential stale = new WebAuthnCredential("b2xk", user.sub(), "localhost", "", 0, "Passkey", null,
                List.of(), now, true, false, false);

        String options = WebAuthn.requestOptions(pool, List.of(mine, stale), "Y2hhbGxlbmdl");

        assertThat(options).isEqualTo(JSON.readTree("""
                {"allowCredentials":[{"id":"Y3JlZA","type":"public-key"}],"challenge":"Y2hhbGxlbmdl",
                 "rpId":"example.com","timeout":60000,"userVerification":"required"}""").toString());
    }

    @Test
    void aGoodAssertionSignsInAndMovesTheCounterOn() {
        UserPool pool = pool(null, null);
        TestAuthenticator authenticator = TestAuthenticator.es256();
        WebAuthnCredential credential = registered(pool, authenticator, c -> { });
        String challenge = WebAuthn.challenge(RANDOM);
        String options = WebAuthn.requestOptions(pool, List.of(credential), challenge);

        WebAuthnCredential used = WebAuthn.authenticate(authenticator.authenticate(options, ORIGIN), pool,
                List.of(credential), challenge);

        assertThat(used.credentialId()).isEqualTo(credential.credentialId());
        assertThat(used.signCount()).isEqualTo(1);
        assertThat(used.created()).isEqualTo(credential.created());
    }

    @Test
    void aCounterThatDoesNotMoveOnIsRefused() {
        UserPool pool = pool(null, null);
        TestAuthenticator authenticator = TestAuthenticator.es256();
        WebAuthnCredential credential = registered(pool, authenticator, c -> { });
        String challenge = WebAuthn.challenge(RANDOM);
        String options = WebAuthn.requestOptions(pool, List.of(credential), challenge);
        WebAuthnCredential used = WebAuthn.authenticate(authenticator.authenticate(options, ORIGIN, c -> c.counter = 5L),
                pool, List.of(credential), challenge);

        CognitoException replayed = refusal(() -> WebAuthn.authenticate(authenticator.authenticate(options, ORIGIN,
                c -> c.counter = 5L), pool, List.of(used), challenge));

        assertThat(replayed.code()).isEqualTo(ErrorCode.NotAuthorizedException);
        assertThat(replayed.getMessage()).isEqualTo("Invalid passkey credential.");
    }

    @Test
    void anAuthenticatorWithoutACounterSignsInEveryTime() {
        UserPool pool = pool(null, null);
        TestAuthenticator authenticator = TestAuthenticator.es256();
        WebAuthnCredential credential = registered(pool, authenticator, c -> { });
        for (int i = 0; i < 2; i++) {
            String challenge = WebAuthn.challenge(RANDOM);
            String options = WebAuthn.requestOptions(pool, List.of(credential), challenge);
            credential = WebAuthn.authenticate(authenticator.authenticate(options, ORIGIN, c -> c.counter = 0L), pool,
                    List.of(credential), challenge);
        }
        assertThat(credential.signCount()).isZero();
    }

    @Test
    void wrongAssertionsAreNotAuthorized() {
        UserPool pool = pool("example.com", "required");
        TestAuthenticator authenticator = TestAuthenticator.es256();
        String origin = "https://app.example.com";
        String challenge = WebAuthn.challenge(RANDOM);
        JsonNode creation = WebAuthn.creationOptions(pool, user, List.of(), challenge);
        WebAuthnCredential credential = WebAuthn.register(authenticator.register(creation, origin), pool, user.sub(),
                challenge, now);
        String signIn = WebAuthn.challenge(RANDOM);
        String options = WebAuthn.requestOptions(pool, List.of(credential), signIn);
        List<Consumer<TestAuthenticator.Ceremony>> wrongs = List.of(
                c -> c.badSignature = true,
                c -> c.challenge = WebAuthn.challenge(RANDOM),
                c -> c.origin = "https://evil.example",
                c -> c.rpId = "evil.example",
                c -> c.userVerified = false,
                c -> c.userPresent = false,
                c -> c.type = "webauthn.create");

        for (Consumer<TestAuthenticator.Ceremony> wrong : wrongs) {
            CognitoException e = refusal(() -> WebAuthn.authenticate(authenticator.authenticate(options, origin,
                    wrong), pool, List.of(credential), signIn));
            assertThat(e.code()).isEqualTo(ErrorCode.NotAuthorizedException);
        }
        assertThat(WebAuthn.authenticate(authenticator.authenticate(options, origin), pool, List.of(credential),
                signIn).signCount()).as("the right one still signs in").isEqualTo(wrongs.size() + 1);
    }

    @Test
    void aPasskeyThatIsNotTheUsersIsNotAuthorized() {
        UserPool pool = pool(null, null);
        TestAuthenticator mine = TestAuthenticator.es256();
        WebAuthnCredential credential = registered(pool, mine, c -> { });
        String challenge = WebAuthn.challenge(RANDOM);
        String options = WebAuthn.requestOptions(pool, List.of(credential), challenge);

        CognitoException stranger = refusal(() -> WebAuthn.authenticate(TestAuthenticator.es256()
                .authenticate(options, ORIGIN), pool, List.of(credential), challenge));
        CognitoException otherParty = refusal(() -> WebAuthn.authenticate(mine.authenticate(options, ORIGIN),
                pool("example.com", "preferred"), List.of(credential), challenge));

        assertThat(stranger.code()).isEqualTo(ErrorCode.NotAuthorizedException);
        assertThat(otherParty.code()).as("a passkey of the pool's former relying party").isEqualTo(
                ErrorCode.NotAuthorizedException);
    }

    @Test
    void aMalformedCredentialIsAnInvalidParameter() {
        UserPool pool = pool(null, null);
        TestAuthenticator authenticator = TestAuthenticator.es256();
        WebAuthnCredential credential = registered(pool, authenticator, c -> { });
        String challenge = WebAuthn.challenge(RANDOM);

        for (String json : new String[] {null, "", "not json", "[]", "{\"id\":\"x\"}",
                "{\"id\":\"" + credential.credentialId() + "\",\"rawId\":\"" + credential.credentialId()
                        + "\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\","
                        + "\"authenticatorData\":\"AA\",\"signature\":\"AA\"}}"}) {
            CognitoException e = refusal(() -> WebAuthn.authenticate(json, pool, List.of(credential), challenge));
            assertThat(e.code()).as(json).isEqualTo(ErrorCode.InvalidParameterException);
        }
    }
}
