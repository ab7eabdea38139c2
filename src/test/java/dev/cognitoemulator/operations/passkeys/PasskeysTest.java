package dev.cognitoemulator.operations.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.TestClock;
import dev.cognitoemulator.domain.PoolFactors;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.model.WebAuthnConfigurationType;
import dev.cognitoemulator.store.InMemoryUserPoolStore;
import dev.cognitoemulator.testing.Documents;
import dev.cognitoemulator.testing.TestAuthenticator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListWebAuthnCredentialsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnCredentialDescription;

/**
 * Passkey registration and the passkey operations: StartWebAuthnRegistration's CredentialCreationOptions,
 * CompleteWebAuthnRegistration's verification of the attestation (by webauthn4j; the test's own authenticator makes
 * good and bad ones), ListWebAuthnCredentials, DeleteWebAuthnCredential.
 *
 * <p>Documented: the options' shape and values (aws-cli examples start-web-authn-registration.rst: ES256 and RS256,
 * a required discoverable credential, timeout 60000, rp name = rp id, user id = Base64URL of the sub, user name and
 * display name = username), a listed passkey's fields and "Roaming passkey" for a cross-platform authenticator
 * (list-web-authn-credentials.rst), passkeys need an Essentials or Plus pool (API reference,
 * WebAuthnConfigurationType), the error codes (the model). Unconfirmed: every error text, the relying party
 * {@code localhost} of a pool with none (Cognito takes the pool's domain), the origins accepted, the challenge's
 * lifetime (the options' timeout), 20 passkeys a user, "Platform passkey".
 */
class PasskeysTest extends PasskeysTestSupport {

    // --- StartWebAuthnRegistration ----------------------------------------------------------------------------

    @Test
    void startAnswersCognitosCredentialCreationOptions() throws Exception {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");
        String sub = cognito.adminGetUser(b -> b.userPoolId(poolId).username("alice")).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();

        JsonNode options = start(token);

        assertThat(options.toString()).isEqualTo(JSON.readTree("""
                {"authenticatorSelection":{"requireResidentKey":true,"residentKey":"required",
                 "userVerification":"preferred"},
                 "challenge":"%s","excludeCredentials":[],
                 "pubKeyCredParams":[{"alg":-7,"type":"public-key"},{"alg":-257,"type":"public-key"}],
                 "rp":{"id":"localhost","name":"localhost"},"timeout":60000,
                 "user":{"displayName":"alice","id":"%s","name":"alice"}}
                """.formatted(options.path("challenge").asText(), Base64.getUrlEncoder().withoutPadding()
                .encodeToString(sub.getBytes(StandardCharsets.UTF_8)))).toString());
        assertThat(Base64.getUrlDecoder().decode(options.path("challenge").asText())).hasSize(32);
        assertThat(start(token).path("challenge").asText()).as("a new challenge each time")
                .isNotEqualTo(options.path("challenge").asText());
    }

    @Test
    void startExcludesTheUsersPasskeysAndNamesThePoolsRelyingParty() {
        String poolId = passkeyPool();
        relyingParty(poolId, "example.com", "required");
        String token = signedIn(poolId, "alice");
        TestAuthenticator authenticator = TestAuthenticator.es256();
        register(token, authenticator, "https://app.example.com", c -> { });

        JsonNode options = start(token);

        assertThat(options.path("rp").toString()).isEqualTo("{\"id\":\"example.com\",\"name\":\"example.com\"}");
        assertThat(options.path("authenticatorSelection").path("userVerification").asText()).isEqualTo("required");
        assertThat(options.path("excludeCredentials").toString())
                .isEqualTo("[{\"id\":\"" + authenticator.credentialId() + "\",\"type\":\"public-key\"}]");
    }

    @Test
    void aPoolWithoutPasskeysRefusesToRegisterThem() {
        String poolId = newPool();
        String token = signedIn(poolId, "alice");

        CognitoIdentityProviderException start = awsError("WebAuthnNotEnabledException", () -> start(token));
        CognitoIdentityProviderException complete = awsError("WebAuthnNotEnabledException",
                () -> complete(token, JSON.createObjectNode()));

        assertThat(message(start)).isEqualTo("Passkey sign-in is not enabled for this user pool.");
        assertThat(message(complete)).isEqualTo(message(start));
    }

    @Test
    void aForgedAccessTokenRegistersNothing() {
        CognitoIdentityProviderException e = awsError("NotAuthorizedException",
                () -> start("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
        assertThat(message(e)).isEqualTo("Invalid Access Token");
    }

    // --- CompleteWebAuthnRegistration -------------------------------------------------------------------------

    @Test
    void aVerifiedAttestationRegistersThePasskey() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");
        TestAuthenticator authenticator = TestAuthenticator.es256();
        Instant before = clock.instant();

        register(token, authenticator, ORIGIN, c -> { });

        List<WebAuthnCredentialDescription> listed = list(token);
        assertThat(listed).hasSize(1);
        WebAuthnCredentialDescription passkey = listed.get(0);
        assertThat(passkey.credentialId()).isEqualTo(authenticator.credentialId());
        assertThat(passkey.relyingPartyId()).isEqualTo("localhost");
        assertThat(passkey.authenticatorAttachment()).isEqualTo("platform");
        assertThat(passkey.friendlyCredentialName()).isEqualTo("Platform passkey");
        assertThat(passkey.authenticatorTransports()).containsExactly("internal");
        assertThat(passkey.createdAt()).isBetween(before.minusMillis(1), clock.instant().plusMillis(1));
    }

    @Test
    void aRoamingAuthenticatorIsARoamingPasskey() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");
        register(token, TestAuthenticator.es256(), ORIGIN, c -> c.attachment = "cross-platform");
        register(token, TestAuthenticator.es256(), ORIGIN, c -> c.attachment = null);

        assertThat(list(token)).extracting(WebAuthnCredentialDescription::friendlyCredentialName)
                .containsExactlyInAnyOrder("Roaming passkey", "Passkey");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost", "http://localhost:5173", "https://localhost:8443"})
    void anyPortOfTheRelyingPartyIsAnOrigin(String origin) {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");

        register(token, TestAuthenticator.es256(), origin, c -> { });

        assertThat(list(token)).hasSize(1);
    }

    @Test
    void subdomainsOfTheRelyingPartyOverHttpsAreOrigins() {
        String poolId = passkeyPool();
        relyingParty(poolId, "example.com", "preferred");
        String token = signedIn(poolId, "alice");

        register(token, TestAuthenticator.es256(), "https://example.com", c -> { });
        register(token, TestAuthenticator.es256(), "https://login.app.example.com:8443", c -> { });

        assertThat(list(token)).hasSize(2).allSatisfy(p -> assertThat(p.relyingPartyId()).isEqualTo("example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://example.com", "https://notexample.com",
            "https://example.com.evil.example", "android:apk-key-hash:abc"})
    void otherOriginsAreRefused(String origin) {
        String poolId = passkeyPool();
        relyingParty(poolId, "example.com", "preferred");
        String token = signedIn(poolId, "alice");
        TestAuthenticator authenticator = TestAuthenticator.es256();
        JsonNode options = start(token);

        CognitoIdentityProviderException e = awsError("WebAuthnOriginNotAllowedException",
                () -> complete(token, authenticator.register(options, origin)));

        assertThat(message(e)).isEqualTo("The origin of the credential is not allowed for the relying party "
                + "example.com.");
        assertThat(list(token)).isEmpty();
        complete(token, authenticator.register(options, "https://example.com"));
        assertThat(list(token)).as("the registration is still there to complete").hasSize(1);
    }

    @Test
    void aCredentialOfAnotherRelyingPartyIsRefused() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");

        CognitoIdentityProviderException e = awsError("WebAuthnRelyingPartyMismatchException",
                () -> register(token, TestAuthenticator.es256(), ORIGIN, c -> c.rpId = "example.com"));

        assertThat(message(e)).isEqualTo("The credential is not for the relying party localhost.");
        assertThat(list(token)).isEmpty();
    }

    @Test
    void aCredentialForAnotherChallengeIsRefused() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");
        JsonNode first = start(token);
        JsonNode second = start(token);
        TestAuthenticator authenticator = TestAuthenticator.es256();

        CognitoIdentityProviderException forged = awsError("WebAuthnChallengeNotFoundException",
                () -> complete(token, authenticator.register(second, ORIGIN, c -> c.challenge = "Zm9yZ2Vk")));
        CognitoIdentityProviderException replaced = awsError("WebAuthnChallengeNotFoundException",
                () -> complete(token, authenticator.register(first, ORIGIN)));

        assertThat(message(forged)).isEqualTo("The challenge of the credential is not the one of the registration.");
        assertThat(message(replaced)).as("a new start replaces the registration").isEqualTo(message(forged));
        assertThat(list(token)).isEmpty();
    }

    @Test
    void aRegistrationIsCompletedOnce() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");
        JsonNode options = start(token);
        complete(token, TestAuthenticator.es256().register(options, ORIGIN));

        CognitoIdentityProviderException e = awsError("WebAuthnChallengeNotFoundException",
                () -> complete(token, TestAuthenticator.es256().register(options, ORIGIN)));

        assertThat(message(e)).isEqualTo(
                "No passkey registration is waiting for this user: call StartWebAuthnRegistration.");
        assertThat(list(token)).hasSize(1);
    }

    @Test
    void withoutAStartThereIsNoChallenge() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");
        JsonNode options = start(signedIn(poolId, "bob"));

        CognitoIdentityProviderException e = awsError("WebAuthnChallengeNotFoundException",
                () -> complete(token, TestAuthenticator.es256().register(options, ORIGIN)));

        assertThat(message(e)).isEqualTo(
                "No passkey registration is waiting for this user: call StartWebAuthnRegistration.");
    }

    @Test
    void theChallengeExpiresWithTheOptionsTimeout() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");
        JsonNode late = start(token);
        clock.advance(Duration.ofSeconds(60));

        awsError("WebAuthnChallengeNotFoundException",
                () -> complete(token, TestAuthenticator.es256().register(late, ORIGIN)));

        JsonNode inTime = start(token);
        clock.advance(Duration.ofSeconds(59));
        complete(token, TestAuthenticator.es256().register(inTime, ORIGIN));
        assertThat(list(token)).hasSize(1);
    }

    @Test
    void theRegistrationIsCompletedByTheAppClientThatStartedIt() {
        String poolId = passkeyPool();
        String web = signedIn(poolId, "alice");
        String mobile = signedIn(poolId, passkeyClient(poolId), "alice");
        JsonNode options = start(web);
        TestAuthenticator authenticator = TestAuthenticator.es256();

        CognitoIdentityProviderException e = awsError("WebAuthnClientMismatchException",
                () -> complete(mobile, authenticator.register(options, ORIGIN)));

        assertThat(message(e)).isEqualTo(
                "The access token is of another app client than the one the registration was started with.");
        complete(web, authenticator.register(options, ORIGIN));
        assertThat(list(mobile)).hasSize(1);
    }

    @Test
    void aKeyOfAnAlgorithmNotOfferedIsNotSupported() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");

        CognitoIdentityProviderException e = awsError("WebAuthnCredentialNotSupportedException",
                () -> register(token, TestAuthenticator.es384(), ORIGIN, c -> { }));

        assertThat(message(e)).startsWith("The credential is not supported: ");
        assertThat(list(token)).isEmpty();
    }

    @Test
    void userVerificationIsNeededWhereThePoolRequiresIt() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");
        register(token, TestAuthenticator.es256(), ORIGIN, c -> c.userVerified = false);
        relyingParty(poolId, "localhost", "required");

        awsError("WebAuthnCredentialNotSupportedException",
                () -> register(token, TestAuthenticator.es256(), ORIGIN, c -> c.userVerified = false));

        assertThat(list(token)).as("preferred takes a passkey without it, required does not").hasSize(1);
    }

    @Test
    void userPresenceIsAlwaysNeeded() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");

        awsError("WebAuthnCredentialNotSupportedException",
                () -> register(token, TestAuthenticator.es256(), ORIGIN, c -> c.userPresent = false));

        assertThat(list(token)).isEmpty();
    }

    @Test
    void malformedCredentialsAreInvalidParameters() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");
        JsonNode options = start(token);
        TestAuthenticator authenticator = TestAuthenticator.es256();
        List<JsonNode> malformed = new ArrayList<>();
        malformed.add(JSON.createObjectNode());
        malformed.add(authenticator.register(options, ORIGIN).remove(List.of("rawId")));
        malformed.add(authenticator.register(options, ORIGIN).put("type", "password"));
        malformed.add(authenticator.register(options, ORIGIN).put("id", "b3RoZXI"));
        com.fasterxml.jackson.databind.node.ObjectNode garbled = authenticator.register(options, ORIGIN);
        garbled.withObject("response").put("attestationObject", "bm90IGNib3I");
        malformed.add(garbled);
        com.fasterxml.jackson.databind.node.ObjectNode notBase64 = authenticator.register(options, ORIGIN);
        notBase64.withObject("response").put("clientDataJSON", "*not base64*");
        malformed.add(notBase64);

        for (JsonNode credential : malformed) {
            awsError("InvalidParameterException", () -> complete(token, credential));
        }
        CognitoIdentityProviderException get = awsError("InvalidParameterException",
                () -> complete(token, authenticator.register(options, ORIGIN, c -> c.type = "webauthn.get")));

        assertThat(message(get)).isEqualTo(
                "The credential's client data is not of a registration (webauthn.create).");
        assertThat(list(token)).isEmpty();
        complete(token, authenticator.register(options, ORIGIN));
        assertThat(list(token)).hasSize(1);
    }

    @Test
    void aPasskeyIsRegisteredOnce() {
        String poolId = passkeyPool();
        String alice = signedIn(poolId, "alice");
        String bob = signedIn(poolId, "bob");
        TestAuthenticator authenticator = TestAuthenticator.es256();
        register(alice, authenticator, ORIGIN, c -> { });

        CognitoIdentityProviderException again = awsError("InvalidParameterException",
                () -> register(alice, authenticator, ORIGIN, c -> { }));
        CognitoIdentityProviderException other = awsError("InvalidParameterException",
                () -> register(bob, authenticator, ORIGIN, c -> { }));

        assertThat(message(again)).isEqualTo("This passkey is registered already.");
        assertThat(message(other)).isEqualTo(message(again));
        assertThat(list(bob)).isEmpty();
    }

    @Test
    void aUserHasAtMostTwentyPasskeys() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");
        for (int i = 0; i < 20; i++) {
            register(token, TestAuthenticator.es256(), ORIGIN, c -> { });
        }

        CognitoIdentityProviderException e = awsError("LimitExceededException", () -> start(token));

        assertThat(message(e)).isEqualTo("The user has reached the maximum of 20 passkeys.");
        assertThat(cognito.listWebAuthnCredentials(b -> b.accessToken(token).maxResults(20)).credentials())
                .hasSize(20);
    }

    // --- ListWebAuthnCredentials, DeleteWebAuthnCredential ------------------------------------------------------

    @Test
    void passkeysAreListedAPageAtATimeByCredentialId() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TestAuthenticator authenticator = TestAuthenticator.es256();
            register(token, authenticator, ORIGIN, c -> { });
            ids.add(authenticator.credentialId());
        }
        ids.sort(Comparator.naturalOrder());

        ListWebAuthnCredentialsResponse first = cognito.listWebAuthnCredentials(b -> b.accessToken(token)
                .maxResults(2));
        ListWebAuthnCredentialsResponse second = cognito.listWebAuthnCredentials(b -> b.accessToken(token)
                .maxResults(2).nextToken(first.nextToken()));

        assertThat(first.credentials()).extracting(WebAuthnCredentialDescription::credentialId)
                .containsExactly(ids.get(0), ids.get(1));
        assertThat(second.credentials()).extracting(WebAuthnCredentialDescription::credentialId)
                .containsExactly(ids.get(2));
        assertThat(second.nextToken()).isNull();
        assertThat(list(signedIn(poolId, "bob"))).as("nobody else's").isEmpty();
        awsError("InvalidParameterException", () -> cognito.listWebAuthnCredentials(b -> b.accessToken(token)
                .nextToken("bm90IGEgdG9rZW4")));
    }

    @Test
    void deletingAPasskeyRemovesIt() {
        String poolId = passkeyPool();
        String token = signedIn(poolId, "alice");
        TestAuthenticator kept = TestAuthenticator.es256();
        TestAuthenticator deleted = TestAuthenticator.es256();
        register(token, kept, ORIGIN, c -> { });
        register(token, deleted, ORIGIN, c -> { });

        cognito.deleteWebAuthnCredential(b -> b.accessToken(token).credentialId(deleted.credentialId()));

        assertThat(list(token)).extracting(WebAuthnCredentialDescription::credentialId)
                .containsExactly(kept.credentialId());
        CognitoIdentityProviderException again = awsError("ResourceNotFoundException",
                () -> cognito.deleteWebAuthnCredential(b -> b.accessToken(token)
                        .credentialId(deleted.credentialId())));
        assertThat(message(again)).isEqualTo("Credential does not exist.");
        register(token, deleted, ORIGIN, c -> { });
        assertThat(list(token)).as("a deleted passkey may be registered again").hasSize(2);
    }

    @Test
    void nobodyDeletesAnotherUsersPasskey() {
        String poolId = passkeyPool();
        String alice = signedIn(poolId, "alice");
        String bob = signedIn(poolId, "bob");
        TestAuthenticator authenticator = TestAuthenticator.es256();
        register(alice, authenticator, ORIGIN, c -> { });

        CognitoIdentityProviderException e = awsError("ResourceNotFoundException",
                () -> cognito.deleteWebAuthnCredential(b -> b.accessToken(bob)
                        .credentialId(authenticator.credentialId())));

        assertThat(message(e)).isEqualTo("Credential does not exist.");
        assertThat(list(alice)).hasSize(1);
    }

    @Test
    void aDeletedUsersPasskeysGoWithIt() {
        String poolId = passkeyPool();
        TestAuthenticator authenticator = TestAuthenticator.es256();
        register(signedIn(poolId, "alice"), authenticator, ORIGIN, c -> { });

        cognito.adminDeleteUser(b -> b.userPoolId(poolId).username("alice"));
        String bob = signedIn(poolId, "bob");
        register(bob, authenticator, ORIGIN, c -> { });

        assertThat(list(bob)).extracting(WebAuthnCredentialDescription::credentialId)
                .containsExactly(authenticator.credentialId());
    }
}
