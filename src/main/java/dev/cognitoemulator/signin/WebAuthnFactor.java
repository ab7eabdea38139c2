package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.Passkeys;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.WebAuthnCredential;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.webauthn.WebAuthn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * USER_AUTH's WEB_AUTHN, the first factor and the challenge of the same name: a user with a passkey of the pool's
 * relying party gets the {@code WEB_AUTHN} challenge, whose {@code CREDENTIAL_REQUEST_OPTIONS} (JSON text) a page
 * hands to {@code navigator.credentials.get}; RespondToAuthChallenge answers it with {@code USERNAME} and
 * {@code CREDENTIAL}, the assertion as {@code PublicKeyCredential.toJSON()} gives it (documented: API reference,
 * RespondToAuthChallenge ChallengeResponses). The assertion is verified with no lock held ({@link WebAuthn}), then
 * the session is spent, the passkey's counter kept and the tokens minted. A wrong assertion changes nothing.
 */
final class WebAuthnFactor implements FirstFactor, ChallengeHandler {

    static final String NAME = "WEB_AUTHN";

    /** The session waits for an assertion over this challenge (Base64URL). */
    record State(String challenge) implements ChallengeState {
        @Override
        public String challengeName() {
            return NAME;
        }
    }

    /** What a step read under the pool's lock: who signs in, the session (null at the start), the user's passkeys. */
    private record Found(SignIn.Read read, AuthSession session, List<WebAuthnCredential> credentials) {
    }

    private final SignIn signIn;

    WebAuthnFactor(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The pool has passkeys ({@link Passkeys#enabled}) and the user one of its relying party. */
    @Override
    public boolean availableTo(PoolView pool, User user) {
        if (!Passkeys.enabled(pool.pool())) {
            return false;
        }
        String rpId = Passkeys.relyingPartyId(pool.pool());
        for (Iterator<WebAuthnCredential> it = pool.webAuthnCredentialsAfter(user.sub(), null); it.hasNext(); ) {
            if (it.next().relyingPartyId().equals(rpId)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public AuthResult start(Attempt attempt, String selectSession) {
        for (int round = 1; ; round++) {
            Found found = signIn.store().read(attempt.poolId(), pool -> {
                UserAuthFlow.Party party = UserAuthFlow.party(pool, attempt, selectSession);
                User user = party.user();
                if (user == null) {
                    // Not offered to an unknown user; answered as a wrong first factor would be.
                    throw PasswordFlow.unknownUser(party.client());
                }
                refuseStatus(user);
                return new Found(SignIn.read(pool, party.client(), user), null, credentials(pool, user));
            });
            AppClient client = found.read().client();
            String challenge = WebAuthn.challenge(signIn.random());
            AuthSession session = new AuthSession(signIn.random().token(48), client.clientId(),
                    found.read().user().sub(), new State(challenge),
                    attempt.now().plus(Duration.ofMinutes(client.authSessionValidityMinutes())));
            var spend = UserAuthFlow.spend(selectSession);
            if (signIn.commit(found.read(), pool -> {
                if (spend != null) {
                    spend.accept(pool);
                }
                pool.putSession(session);
            })) {
                return AuthResult.challenge(NAME, session.id(), Map.of("CREDENTIAL_REQUEST_OPTIONS",
                        WebAuthn.requestOptions(found.read().pool(), found.credentials(), challenge)));
            }
            SignIn.changedMeanwhile(round);
        }
    }

    @Override
    public AuthResult respond(Attempt attempt, String sessionId) {
        for (int round = 1; ; round++) {
            Found found = signIn.store().read(attempt.poolId(), pool -> check(pool, attempt, sessionId));
            String challenge = ((State) found.session().state()).challenge();
            WebAuthnCredential used = WebAuthn.authenticate(attempt.required("CREDENTIAL"), found.read().pool(),
                    found.credentials(), challenge);
            if (!found.read().user().enabled()) {
                throw SignIn.notAuthorized("User is disabled.");
            }
            WebAuthnCredential before = found.credentials().stream()
                    .filter(c -> c.credentialId().equals(used.credentialId())).findFirst().orElseThrow();
            AuthResult result = signIn.signedIn(found.read(), attempt, null, pool -> {
                if (pool.session(sessionId) != found.session()) {
                    throw SignIn.invalidSession();
                }
                if (pool.webAuthnCredential(used.credentialId()) != before) {
                    // Deleted, or used by another sign-in meanwhile: its counter has moved on (unconfirmed text).
                    throw SignIn.notAuthorized("Invalid passkey credential.");
                }
                pool.removeSession(sessionId);
                pool.putWebAuthnCredential(used);
            });
            if (result != null) {
                return result;
            }
            SignIn.changedMeanwhile(round);
        }
    }

    /** The live WEB_AUTHN session of this client, and {@code USERNAME} names its user. */
    private static Found check(PoolView pool, Attempt attempt, String sessionId) {
        AppClient client = pool.requireClient(attempt.clientId());
        String username = attempt.required("USERNAME");
        SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
        AuthSession session = SignIn.liveSession(pool, client, sessionId, State.class, attempt.now());
        User user = pool.bySub(session.sub());
        if (user == null || UserLookup.findOrNull(pool, username) != user) {
            throw SignIn.invalidSession();
        }
        refuseStatus(user);
        return new Found(SignIn.read(pool, client, user), session, credentials(pool, user));
    }

    private static void refuseStatus(User user) {
        CognitoException refusal = PasswordOutcome.statusRefusal(user);
        if (refusal != null) {
            throw refusal;
        }
    }

    private static List<WebAuthnCredential> credentials(PoolView pool, User user) {
        List<WebAuthnCredential> all = new ArrayList<>();
        pool.webAuthnCredentialsAfter(user.sub(), null).forEachRemaining(all::add);
        return all;
    }
}
