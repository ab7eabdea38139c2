package dev.cognitoemulator.oauth;

import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.signin.AuthResult;
import dev.cognitoemulator.signin.SignIn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The authorization server's short-lived state and the one way an authorization ends, whoever signed the user in
 * (the hosted UI's pages, a single sign-on session, a federated provider):
 * <ul>
 *   <li>{@link #complete}: a signed-in user's authorization request finished: a new single sign-on session, and
 *       the redirect to the client with an authorization code ({@code code}) or the tokens ({@code token});</li>
 *   <li>{@link #pend} / {@link #takePending}: a request kept across a round trip to an external provider, under
 *       an opaque id fit to be the provider's {@code state};</li>
 *   <li>authorization codes: single-use, valid for 5 minutes (documented: developer guide, token endpoint, "the
 *       authorization code ... is valid for five minutes"), redeemed by the token endpoint ({@link #redeem});</li>
 *   <li>single sign-on sessions: the hosted UI's {@value #SESSION_COOKIE} cookie, valid for an hour (documented:
 *       developer guide, "Using the ID token": "Amazon Cognito sets session cookies that are valid for 1 hour").</li>
 * </ul>
 * Each store holds at most {@value #CAPACITY} entries (the soonest to expire go first).
 */
public final class Authorizations {

    public static final String SESSION_COOKIE = "cognito";
    public static final Duration CODE_VALIDITY = Duration.ofMinutes(5);
    public static final Duration SESSION_VALIDITY = Duration.ofHours(1);
    /** How long a federated sign-in may take at the provider (unconfirmed: Cognito's limit is not documented). */
    public static final Duration PENDING_VALIDITY = Duration.ofMinutes(15);
    static final int CAPACITY = 10_000;

    /** A user signed in to a pool through the hosted UI: the {@value #SESSION_COOKIE} cookie names it by {@code id}. */
    public record Session(String id, String poolId, String sub, String username, Instant authTime,
            Instant expires) {
    }

    /** A request waiting for an external provider's answer; {@code id} is opaque and single-use. */
    public record Pending(String id, AuthorizationRequest request, String provider, Instant expires) {
    }

    /**
     * An authorization finished: where the browser goes, and the single sign-on session to set as the
     * {@value #SESSION_COOKIE} cookie.
     */
    public record Completion(String location, Session session) {
    }

    /** An authorization code's request and who signed in for it. */
    record Issued(AuthorizationRequest request, String sub, Instant authTime) {
    }

    private final SignIn signIn;
    private final Randomness random;
    private final ExpiringStore<Issued> codes = new ExpiringStore<>(CAPACITY);
    private final ExpiringStore<Session> sessions = new ExpiringStore<>(CAPACITY);
    private final ExpiringStore<Pending> pending = new ExpiringStore<>(CAPACITY);

    public Authorizations(SignIn signIn, Randomness random) {
        this.signIn = signIn;
        this.random = random;
    }

    /** Keeps {@code request} while the user signs in at {@code provider}; the answer's id is the provider's state. */
    public Pending pend(AuthorizationRequest request, String provider, Instant now) {
        Pending p = new Pending(random.token(32), request, provider, now.plus(PENDING_VALIDITY));
        pending.put(p.id(), p, p.expires(), now);
        return p;
    }

    /** The pending request {@code id} names, removed (it works once); null when unknown or expired. */
    public Pending takePending(String id, Instant now) {
        return pending.take(id, now);
    }

    /**
     * Finishes {@code request} for {@code user}, who has just signed in: a new single sign-on session for the pool,
     * and the redirect to the client with a code, or with the tokens in the fragment for the implicit grant.
     */
    public Completion complete(AuthorizationRequest request, AuthResult.Authenticated user, Instant now) {
        Session session = new Session(random.token(32), request.poolId(), user.sub(), user.username(),
                user.authTime(), now.plus(SESSION_VALIDITY));
        sessions.put(session.id(), session, session.expires(), now);
        return new Completion(location(request, session, now), session);
    }

    /** Finishes {@code request} with a live single sign-on session of its pool (no new session). */
    Completion resume(AuthorizationRequest request, Session session, Instant now) {
        return new Completion(location(request, session, now), null);
    }

    /** The live single sign-on session {@code id} names; null when there is none. */
    public Session session(String id, Instant now) {
        return sessions.get(id, now);
    }

    /** Signs the browser out: its single sign-on session ends. */
    public void endSession(String id) {
        sessions.remove(id);
    }

    private String location(AuthorizationRequest request, Session session, Instant now) {
        if (request.implicit()) {
            SignIn.AuthorizedTokens tokens = signIn.authorizedTokens(request.poolId(), request.clientId(),
                    session.sub(), session.authTime(), request.scopes(), request.nonce(), false, now);
            // Documented example: developer guide, authorization endpoint, implicit grant
            // ("#id_token=...&access_token=...&token_type=bearer&expires_in=3600&state=...").
            Redirects.Builder b = Redirects.to(request.redirectUri(), true);
            if (tokens.idToken() != null) {
                b.add("id_token", tokens.idToken());
            }
            b.add("access_token", tokens.accessToken()).add("token_type", "bearer")
                    .add("expires_in", Integer.toString(tokens.expiresIn()));
            if (request.state() != null) {
                b.add("state", request.state());
            }
            return b.build();
        }
        String code = random.uuid();
        codes.put(code, new Issued(request, session.sub(), session.authTime()), now.plus(CODE_VALIDITY), now);
        Redirects.Builder b = Redirects.to(request.redirectUri(), false).add("code", code);
        if (request.state() != null) {
            b.add("state", request.state());
        }
        return b.build();
    }

    /**
     * The token endpoint's {@code authorization_code} grant: the code is spent whatever comes (single-use), then
     * must be the client's, asked with the same redirect URI, and pass PKCE when its request had a challenge
     * ({@code BASE64URL(SHA256(code_verifier)) == code_challenge}, RFC 7636 section 4.6); each refusal is
     * {@code invalid_grant} (RFC 6749 section 5.2; Cognito: documented, token endpoint).
     */
    SignIn.AuthorizedTokens redeem(String code, String clientId, String redirectUri, String verifier, Instant now) {
        Issued issued = codes.take(code, now);
        if (issued == null || !issued.request().clientId().equals(clientId)
                || !issued.request().redirectUri().equals(redirectUri)) {
            throw OAuthError.of(400, "invalid_grant");
        }
        String challenge = issued.request().codeChallenge();
        if (challenge != null && (verifier == null || !MessageDigest.isEqual(
                s256(verifier).getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII)))) {
            throw OAuthError.of(400, "invalid_grant");
        }
        AuthorizationRequest request = issued.request();
        return signIn.authorizedTokens(request.poolId(), clientId, issued.sub(), issued.authTime(),
                request.scopes(), request.nonce(), true, now);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
