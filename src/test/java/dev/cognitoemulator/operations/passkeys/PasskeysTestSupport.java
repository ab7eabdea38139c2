package dev.cognitoemulator.operations.passkeys;

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
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.WebAuthnCredentialDescription;

/**
 * The passkey tests' fixture: an emulator on a moving clock and a store the test can reach (to give a pool the
 * relying party SetUserPoolMfaConfig would set), pools that offer passkeys, signed-in users, and registration with
 * the test's own authenticator.
 */
abstract class PasskeysTestSupport extends CognitoTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final String ORIGIN = "http://localhost:3000";

    protected final TestClock clock = new TestClock();
    protected final InMemoryUserPoolStore store = new InMemoryUserPoolStore(Randomness.secure());

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock).store(store);
    }

    /** A pool that offers passkeys as a first factor. */
    protected String passkeyPool() {
        return newPool(b -> b.policies(p -> p.signInPolicy(s -> s.allowedFirstAuthFactors(AuthFactorType.PASSWORD,
                AuthFactorType.WEB_AUTHN))));
    }

    /** The pool's passkey relying party and user verification, as SetUserPoolMfaConfig sets them. */
    protected void relyingParty(String poolId, String rpId, String userVerification) {
        store.write(poolId, pool -> {
            pool.replacePool(pool.pool().withFactors(pool.pool().settings(), new PoolFactors(false, false, null,
                    WebAuthnConfigurationType.builder().relyingPartyId(rpId).userVerification(userVerification)
                            .build()), clock.instant()));
            return null;
        });
    }

    /** A signed-in user of a new client of the pool; returns the access token. */
    protected String signedIn(String poolId, String username) {
        return signedIn(poolId, passkeyClient(poolId), username);
    }

    /** A client for USER_AUTH and the admin password sign-in (the fixture's way to a first access token). */
    protected String passkeyClient(String poolId) {
        return passwordClient(poolId, b -> b.explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                ExplicitAuthFlowsType.ALLOW_ADMIN_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH));
    }

    protected String signedIn(String poolId, String clientId, String username) {
        if (cognito.listUsers(b -> b.userPoolId(poolId).filter("username = \"" + username + "\"")).users()
                .isEmpty()) {
            confirmedUser(poolId, username);
        }
        return adminSignIn(poolId, clientId, username).accessToken();
    }

    protected JsonNode start(String token) {
        return Documents.toJson(cognito.startWebAuthnRegistration(b -> b.accessToken(token))
                .credentialCreationOptions());
    }

    protected void complete(String token, JsonNode credential) {
        cognito.completeWebAuthnRegistration(b -> b.accessToken(token).credential(Documents.fromJson(credential)));
    }

    /** Start, the authenticator's answer (bent as the test says), complete. */
    protected void register(String token, TestAuthenticator authenticator, String origin,
            Consumer<TestAuthenticator.Ceremony> bend) {
        complete(token, authenticator.register(start(token), origin, bend));
    }

    protected List<WebAuthnCredentialDescription> list(String token) {
        return cognito.listWebAuthnCredentials(b -> b.accessToken(token)).credentials();
    }

}
