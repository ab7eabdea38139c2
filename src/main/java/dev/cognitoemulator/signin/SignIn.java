package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthEvent;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.Lockout;
import dev.cognitoemulator.domain.Ids;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.domain.ThreatProtection;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.messages.Codes;
import dev.cognitoemulator.model.ChallengeResponseType;
import dev.cognitoemulator.messages.Messenger;
import dev.cognitoemulator.messages.Templates;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.tokens.Issuer;
import dev.cognitoemulator.tokens.Keys;
import dev.cognitoemulator.tokens.TokenCustomization;
import dev.cognitoemulator.tokens.TokenService;
import dev.cognitoemulator.triggers.AuthChallenges;
import dev.cognitoemulator.triggers.Lambdas;
import dev.cognitoemulator.triggers.PreTokenGeneration;
import dev.cognitoemulator.triggers.Triggers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sign-in, shared by InitiateAuth, AdminInitiateAuth and their RespondToAuthChallenge: auth flows and challenges
 * are handlers registered by name. Each runs read, call out, write: it reads and checks under the pool's read
 * lock, calls the triggers with no lock held, then writes (a grant, a session, a new password) re-checking what the
 * callout may have seen change; tokens are signed after the write, outside every lock.
 */
public final class SignIn {

    /** A flow by the names {@code AuthFlow} gives it, and which operations may start it. */
    private record Flow(AuthFlow handler, boolean client, boolean admin) {
    }

    private final UserPoolStore store;
    private final Keys keys;
    private final TokenService tokens;
    private final Triggers triggers;
    private final Lambdas lambdas;
    private final AuthChallenges authChallenges;
    private final PreTokenGeneration preTokens;
    private final Randomness random;
    private final Issuer issuer;
    private final Messenger messenger;
    private final Codes codes;
    private final Map<String, Flow> flows = new HashMap<>();
    private final Map<String, ChallengeHandler> challenges = new HashMap<>();
    /** USER_AUTH's first factors, in the order {@code AvailableChallenges} lists them. */
    private final Map<String, FirstFactor> factors = new LinkedHashMap<>();
    private final RefreshFlow refresh;
    /** The hosted UI's sign-in form: USER_PASSWORD_AUTH whatever the client's ExplicitAuthFlows. */
    private final PasswordFlow hostedPassword = new PasswordFlow(this, null, null, null);
    private final PasswordOutcome passwords = new PasswordOutcome(this);
    private final MfaSetupChallenge mfaSetup = new MfaSetupChallenge(this);

    public SignIn(UserPoolStore store, Keys keys, TokenService tokens, Triggers triggers, Lambdas lambdas,
            Randomness random, Issuer issuer, Messenger messenger, Codes codes) {
        this.store = store;
        this.messenger = messenger;
        this.codes = codes;
        this.keys = keys;
        this.tokens = tokens;
        this.triggers = triggers;
        this.lambdas = lambdas;
        this.authChallenges = new AuthChallenges(lambdas);
        this.preTokens = new PreTokenGeneration(lambdas);
        this.random = random;
        this.issuer = issuer;
        // Client-side password sign-in: ALLOW_USER_PASSWORD_AUTH
        // (captured: MouncefMoe/resqtap:ENABLE_USER_PASSWORD_AUTH.md).
        flow(new PasswordFlow(this, "ALLOW_USER_PASSWORD_AUTH", "USER_PASSWORD_AUTH",
                "USER_PASSWORD_AUTH flow not enabled for this client"), true, false, "USER_PASSWORD_AUTH");
        // Server-side: ALLOW_ADMIN_USER_PASSWORD_AUTH (captured: williamoconnellpmp-source/vdc-prod-deployment).
        flow(new PasswordFlow(this, "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH",
                "Auth flow not enabled for this client"), false, true, "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH");
        refresh = new RefreshFlow(this);
        flow(refresh, true, true, "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN");
        // SRP, from the client and from the server (measured against AWS: ministackorg/ministack#1758).
        flow(new SrpFlow(this), true, true, SrpFlow.NAME);
        challenge(new NewPasswordChallenge(this));
        challenge(new PasswordVerifierChallenge(this));
        challenge(new DeviceSrpChallenge(this));
        challenge(new DevicePasswordVerifierChallenge(this));
        for (CodeChallenge.Kind kind : CodeChallenge.Kind.values()) {
            challenge(new CodeChallenge(this, kind));
        }
        challenge(new SoftwareTokenChallenge(this));
        challenge(new SelectMfaChallenge(this));
        challenge(mfaSetup);
        // Choice-based sign-in: the flow, its choice, its first factors.
        flow(new UserAuthFlow(this), true, true, UserAuthFlow.NAME);
        challenge(new SelectChallenge(this));
        // Custom authentication: DefineAuthChallenge / CreateAuthChallenge / VerifyAuthChallengeResponse decide.
        flow(new CustomAuthFlow(this), true, true, CustomAuthFlow.NAME);
        challenge(new CustomChallenge(this));
        factor(new PasswordFactor(this));
        factor(new SrpFactor(this));
        factor(new OtpFactor(this, CodeChallenge.Kind.EMAIL_OTP));
        factor(new OtpFactor(this, CodeChallenge.Kind.SMS_OTP));
        WebAuthnFactor passkeys = new WebAuthnFactor(this);
        factor(passkeys);
        challenge(passkeys);
    }

    private void factor(FirstFactor factor) {
        factors.put(factor.name(), factor);
    }

    /** The first factor of this name; null when there is none. */
    FirstFactor factor(String name) {
        return name == null ? null : factors.get(name);
    }

    /**
     * The first factors USER_AUTH offers the user: those the pool's {@code AllowedFirstAuthFactors} allow and the
     * user has. An unknown user (null, where the client hides which users exist) is offered what a user with a
     * password would be (unconfirmed).
     */
    List<String> offered(PoolView pool, User user) {
        List<String> allowed = pool.pool().settings().allowedFirstAuthFactors();
        List<String> offered = new ArrayList<>();
        for (FirstFactor factor : factors.values()) {
            if (allowed.contains(factor.allowedAs()) && (user == null
                    ? factor.allowedAs().equals(PasswordFactor.NAME) : factor.availableTo(pool, user))) {
                offered.add(factor.name());
            }
        }
        return offered;
    }

    /**
     * GetUserAuthFactors' {@code ConfiguredUserAuthFactors}: the first factors the user can sign in with, by the
     * names of {@code AllowedFirstAuthFactors} (PASSWORD_SRP is PASSWORD's).
     */
    public List<String> configuredFactors(PoolView pool, User user) {
        List<String> configured = new ArrayList<>();
        for (String name : offered(pool, user)) {
            String factor = factors.get(name).allowedAs();
            if (!configured.contains(factor)) {
                configured.add(factor);
            }
        }
        return configured;
    }

    private void flow(AuthFlow handler, boolean client, boolean admin, String... names) {
        for (String name : names) {
            flows.put(name, new Flow(handler, client, admin));
        }
    }

    private void challenge(ChallengeHandler handler) {
        challenges.put(handler.name(), handler);
    }

    /**
     * InitiateAuth ({@code attempt.admin()} false) and AdminInitiateAuth, with the request's {@code Session} (null
     * for none).
     */
    public AuthResult initiate(String flowName, String session, Attempt attempt) {
        if (store.read(attempt.poolId(), pool -> {
            pool.requireClient(attempt.clientId());
            return ThreatProtection.blocked(pool, attempt.clientId(), attempt.sourceIp());
        })) {
            refuseBlocked(attempt);
        }
        Flow flow = flows.get(flowName);
        if (flow == null) {
            throw new CognitoException(ErrorCode.NotImplementedException,
                    "The " + flowName + " flow is not implemented by cognito-emulator yet.");
        }
        if (attempt.admin() ? !flow.admin() : !flow.client()) {
            // Captured: awsdocs/aws-doc-sdk-examples#5289 and soto-project/soto-cognito-authentication-kit#10.
            throw new CognitoException(ErrorCode.InvalidParameterException, "Initiate Auth method not supported.");
        }
        return flow.handler().start(attempt, session);
    }

    /**
     * An always-blocked address's sign-in: refused, and recorded as the user's (when USERNAME names one) failed,
     * blocked sign-in.
     */
    private void refuseBlocked(Attempt attempt) {
        String username = attempt.parameter("USERNAME");
        if (username != null) {
            store.write(attempt.poolId(), pool -> {
                User user = UserLookup.findOrNull(pool, username);
                if (user != null) {
                    pool.putAuthEvent(ThreatProtection.event(random, user, "SignIn", "Fail", true, List.of(),
                            attempt.sourceIp(), attempt.now()));
                }
                return null;
            });
        }
        throw ThreatProtection.blockedRefusal();
    }

    /** RespondToAuthChallenge and AdminRespondToAuthChallenge. */
    public AuthResult respond(String challengeName, String sessionId, Attempt attempt) {
        requireClient(attempt);
        ChallengeHandler handler = challenges.get(challengeName);
        if (handler == null) {
            throw new CognitoException(ErrorCode.NotImplementedException,
                    "The " + challengeName + " challenge is not implemented by cognito-emulator yet.");
        }
        return handler.respond(attempt, sessionId);
    }

    /**
     * The hosted UI's sign-in form ({@code USERNAME}, {@code PASSWORD}, and {@code SECRET_HASH} for a client with a
     * secret): Cognito's password sign-in and its challenges, answered with {@link #respond} as the API answers
     * them; its success is {@link AuthResult#authenticated()}. {@code attempt} must be a hosted UI one.
     */
    public AuthResult hostedSignIn(Attempt attempt) {
        if (!attempt.hostedUi()) {
            throw new IllegalArgumentException("not a hosted UI attempt");
        }
        requireClient(attempt);
        return hostedPassword.start(attempt);
    }

    /**
     * The tokens of an authorization the hosted UI (or a federated sign-in) completed: a new grant of
     * {@code scopes} for the user {@code sub}, signed in at {@code authTime}, minted as a sign-in's tokens, the
     * access token's {@code scope} being the granted scopes; an ID token only with {@code openid} (documented:
     * developer guide, token endpoint, "id_token ... when the openid scope was requested"), carrying {@code nonce}
     * (when given) and {@code at_hash}, after the pool's PreTokenGeneration (TokenGeneration_HostedAuth). A user who is gone or disabled meanwhile is
     * {@code NotAuthorizedException}.
     *
     * @param withRefreshToken false for the implicit grant, which hands out no refresh token (its grant is still
     *                         kept: access tokens name it, and revoking or signing out ends them)
     */
    public AuthorizedTokens authorizedTokens(String poolId, String clientId, String sub, Instant authTime,
            List<String> scopes, String nonce, boolean withRefreshToken, Instant now) {
        Read read = store.read(poolId, pool -> {
            AppClient client = pool.requireClient(clientId);
            User user = pool.bySub(sub);
            if (user == null || !user.enabled()) {
                throw notAuthorized(user == null ? "User does not exist." : "User is disabled.");
            }
            return read(pool, client, user);
        });
        RefreshGrant grant = new RefreshGrant(random.token(48), clientId, sub, authTime, random.uuid(),
                now.plus(read.client().validity().refreshTtl()), scopes, false, null, null, null);
        store.write(poolId, pool -> {
            pool.putGrant(grant);
            return null;
        });
        // Outside every lock, as each trigger is called.
        TokenCustomization customization = preTokens.user(read.pool(), read.client(), read.user(), read.groups(),
                scopes, PreTokenGeneration.Source.HostedAuth, Map.of());
        TokenService.Claims claims = new TokenService.Claims(issuer.of(poolId), read.pool(), read.client(),
                read.user(), read.groups(), authTime, now, grant.originJti(), random.uuid(), scopes, null,
                customization);
        var key = keys.of(poolId);
        String access = tokens.accessToken(claims, key);
        String id = scopes.contains("openid") ? tokens.idToken(claims, key, nonce, access) : null;
        return new AuthorizedTokens(access, id, withRefreshToken ? grant.token() : null,
                (int) read.client().validity().accessTtl().getSeconds());
    }

    /** What {@link #authorizedTokens} mints; {@code idToken} and {@code refreshToken} may be null. */
    public record AuthorizedTokens(String accessToken, String idToken, String refreshToken, int expiresIn) {
    }

    /**
     * GetTokensFromRefreshToken (and {@code /oauth2/token}'s refresh), with the client's refresh-token rotation;
     * {@code clientMetadata} for PreTokenGeneration (null for none).
     */
    public AuthResult refreshTokens(String poolId, String clientId, String refreshToken, String clientSecret,
            String deviceKey, Map<String, String> clientMetadata, Instant now) {
        return refresh.tokens(poolId, clientId, refreshToken, clientSecret, deviceKey, clientMetadata, now);
    }

    /**
     * AssociateSoftwareToken with the {@code Session} of an MFA_SETUP challenge: a new secret for the user, and the
     * session that carries it on to VerifySoftwareToken.
     */
    public MfaSetupChallenge.Associated associateSoftwareToken(String sessionId, Instant now) {
        return mfaSetup.associate(sessionId, now);
    }

    /**
     * VerifySoftwareToken with the {@code Session} of AssociateSoftwareToken: the code checked and the token made
     * the user's; the session that answers MFA_SETUP.
     */
    public String verifySoftwareToken(String sessionId, String code, String friendlyName, Instant now) {
        return mfaSetup.verify(sessionId, code, friendlyName, now);
    }

    /** The pool and the client come first: an unknown one is answered before the flow or challenge is looked at. */
    private void requireClient(Attempt attempt) {
        store.read(attempt.poolId(), pool -> pool.requireClient(attempt.clientId()));
    }

    UserPoolStore store() {
        return store;
    }

    Triggers triggers() {
        return triggers;
    }

    /** The custom authentication triggers, called outside locks. */
    AuthChallenges authChallenges() {
        return authChallenges;
    }

    Randomness random() {
        return random;
    }

    /** The next SMS or e-mail code ({@code --fixed-code} applies). */
    String newCode() {
        return codes.next();
    }

    /**
     * A sign-in code's message, after the write that kept the code, outside every lock, through the pool's message
     * triggers (CustomMessage_Authentication, or a custom sender).
     */
    void send(UserPool pool, AppClient client, User user, String medium, String destination, String code,
            Map<String, String> clientMetadata) {
        Templates.Text text = triggers.message(pool, client, user, AUTHENTICATION, medium, code, null,
                Templates.authentication(pool.settings(), pool.factors().emailMfa(), medium, code), clientMetadata);
        messenger.send(Messenger.Envelope.to(pool, user.username(), medium, destination), AUTHENTICATION, code, text);
    }

    /** The inbox's kind of a sign-in code (Cognito's CustomMessage_Authentication). */
    static final String AUTHENTICATION = "Authentication";

    /** The outcome of a checked password, shared by the password flows and SRP. */
    PasswordOutcome passwords() {
        return passwords;
    }

    /** What a sign-in read under the pool's lock, to call out with and to mint from. */
    record Read(UserPool pool, AppClient client, User user, List<Group> groups) {
    }

    static Read read(PoolView pool, AppClient client, User user) {
        List<Group> groups = new ArrayList<>(user.groups().size());
        for (String name : user.groups()) {
            Group group = pool.group(name);
            if (group != null) {
                groups.add(group);
            }
        }
        return new Read(pool.pool(), client, user, groups);
    }

    /**
     * Writes what a sign-in decided ({@code change}), unless the user or the client changed since {@code read}
     * (a callout ran in between): then nothing is written and the caller starts over.
     */
    boolean commit(Read read, Consumer<PoolWrite> change) {
        return commit(read, null, change);
    }

    /** {@link #commit(Read, Consumer)}, and the device the sign-in names ({@code device}, unless null) unchanged. */
    boolean commit(Read read, Device device, Consumer<PoolWrite> change) {
        return store.write(read.pool().id(), pool -> {
            if (pool.bySub(read.user().sub()) != read.user()
                    || pool.client(read.client().clientId()) != read.client()
                    || (device != null && pool.device(device.key()) != device)) {
                return false;
            }
            change.accept(pool);
            return true;
        });
    }

    /** A sign-in starts over at most this often when its user keeps changing under it. */
    private static final int ROUNDS = 3;

    static void changedMeanwhile(int round) {
        if (round >= ROUNDS) {
            throw new IllegalStateException("the user changed under " + ROUNDS + " sign-in attempts in a row");
        }
    }

    /**
     * A sign-in about to succeed: its grant and the device it was made from (a known one, its last sign-in to be
     * recorded) or, in a pool that tracks devices, the new one its answer announces.
     */
    record Success(Read read, RefreshGrant grant, Device device, AuthResult.NewDevice newDevice, String sourceIp,
            AuthEvent event) {

        /**
         * The success's changes (changes only: a write makes them after its reads), the user's failed passwords
         * forgotten with them.
         */
        void write(PoolWrite pool) {
            if (grant != null) {
                pool.putGrant(grant);
            }
            pool.putLockout(Lockout.none(read.user().sub()));
            if (device != null) {
                pool.putDevice(device.signedIn(grant.authTime(), sourceIp));
            }
            if (event != null) {
                pool.putAuthEvent(event);
            }
        }
    }

    /**
     * A new grant (a refresh token), for a sign-in with a password whose write is about to commit; {@code device}
     * may be null.
     */
    Success success(Read read, Attempt attempt, Device device) {
        return success(read, attempt, device, List.of(ThreatProtection.password(true)));
    }

    /**
     * A new grant, and the sign-in's auth event (with the challenges it answered) when the pool records them: in the
     * write the sign-in makes anyway. A hosted UI sign-in has no grant: the authorization it completes makes it,
     * with its scopes.
     */
    Success success(Read read, Attempt attempt, Device device, List<ChallengeResponseType> answered) {
        Instant now = attempt.now();
        AuthEvent event = ThreatProtection.recording(read.pool()) ? ThreatProtection.event(random, read.user(),
                "SignIn", "Pass", false, answered, attempt.sourceIp(), now) : null;
        if (attempt.hostedUi()) {
            return new Success(read, null, null, null, attempt.sourceIp(), event);
        }
        AuthResult.NewDevice announced = null;
        String deviceKey = device == null ? null : device.key();
        if (device == null && read.pool().settings().tracksDevices()) {
            announced = new AuthResult.NewDevice(Ids.deviceKey(random, Ids.region(read.pool().id())),
                    Ids.deviceGroupKey(random));
            deviceKey = announced.deviceKey();
        }
        RefreshGrant grant = new RefreshGrant(random.token(48), read.client().clientId(), read.user().sub(), now,
                random.uuid(), now.plus(read.client().validity().refreshTtl()), RefreshGrant.API_SCOPES, false, null,
                deviceKey, announced == null ? null : announced.deviceGroupKey());
        return new Success(read, grant, device, announced, attempt.sourceIp(), event);
    }

    /** After a success's write: PostAuthentication (no lock held), then the tokens (TokenGeneration_Authentication). */
    AuthResult finish(Success success, Attempt attempt) {
        return finish(success, attempt, PreTokenGeneration.Source.Authentication);
    }

    /** {@link #finish(Success, Attempt)}, the tokens minted for {@code source}. */
    AuthResult finish(Success success, Attempt attempt, PreTokenGeneration.Source source) {
        Read read = success.read();
        triggers.postAuthentication(read.pool(), read.client(), read.user(), attempt.clientMetadata());
        if (success.grant() == null) {
            return AuthResult.authenticated(new AuthResult.Authenticated(read.user().sub(), read.user().username(),
                    attempt.now()));
        }
        return mint(read, success.grant(), attempt.now(), true, success.newDevice(), source,
                attempt.clientMetadata());
    }

    /**
     * A sign-in that succeeds: its grant (and the device's sign-in) written with {@code spend} (changes a challenge
     * makes whatever comes, such as spending its session; null for none), then the tokens; null when the user, the
     * client or the device changed since {@code read} (the caller starts over).
     */
    AuthResult signedIn(Read read, Attempt attempt, Device device, Consumer<PoolWrite> spend) {
        return signedIn(read, attempt, device, spend, PreTokenGeneration.Source.Authentication);
    }

    /** {@link #signedIn(Read, Attempt, Device, Consumer)}, the tokens minted for {@code source}. */
    AuthResult signedIn(Read read, Attempt attempt, Device device, Consumer<PoolWrite> spend,
            PreTokenGeneration.Source source) {
        Success success = success(read, attempt, device);
        boolean committed = commit(read, device, pool -> {
            if (spend != null) {
                spend.accept(pool);
            }
            success.write(pool);
        });
        return committed ? finish(success, attempt, source) : null;
    }

    /**
     * The user's device a sign-in names ({@code DEVICE_KEY}); null when it names none. An unknown device, or
     * another user's, is {@code ResourceNotFoundException} "Device does not exist." (captured*: the text
     * amplify-js's retryOnResourceNotFoundException matches, then signs in again without the device).
     */
    static Device namedDevice(PoolView pool, User user, String deviceKey) {
        if (deviceKey == null) {
            return null;
        }
        Device device = pool.device(deviceKey);
        if (device == null || !device.sub().equals(user.sub())) {
            throw deviceNotFound();
        }
        return device;
    }

    static CognitoException deviceNotFound() {
        return new CognitoException(ErrorCode.ResourceNotFoundException, "Device does not exist.");
    }

    /**
     * The ID and access tokens of a grant, as the pool's PreTokenGeneration function changes them (called for
     * {@code source} with {@code clientMetadata}), signed with the pool's key; all outside every lock.
     */
    AuthResult mint(Read read, RefreshGrant grant, Instant issuedAt, boolean withRefreshToken,
            AuthResult.NewDevice newDevice, PreTokenGeneration.Source source, Map<String, String> clientMetadata) {
        TokenCustomization customization = preTokens.user(read.pool(), read.client(), read.user(), read.groups(),
                grant.scopes(), source, clientMetadata);
        TokenService.Claims claims = new TokenService.Claims(issuer.of(read.pool().id()), read.pool(), read.client(),
                read.user(), read.groups(), grant.authTime(), issuedAt, grant.originJti(), random.uuid(),
                grant.scopes(), grant.deviceKey(), customization);
        var key = keys.of(read.pool().id());
        return AuthResult.of(new AuthResult.Tokens(tokens.accessToken(claims, key),
                (int) read.client().validity().accessTtl().getSeconds(), "Bearer",
                withRefreshToken ? grant.token() : null, tokens.idToken(claims, key), newDevice));
    }

    /**
     * The live session of this kind (and this client, when given) that {@code sessionId} names: an unknown, spent,
     * foreign or other kind of session is {@link #invalidSession}, an expired one {@link #expiredSession}.
     */
    static AuthSession liveSession(PoolView pool, AppClient client, String sessionId,
            Class<? extends ChallengeState> kind, Instant now) {
        AuthSession session = sessionId == null ? null : pool.session(sessionId);
        if (session == null || (client != null && !session.clientId().equals(client.clientId()))
                || !kind.isInstance(session.state())) {
            throw invalidSession();
        }
        if (session.expiredAt(now)) {
            throw expiredSession();
        }
        return session;
    }

    /** Captured: aws-amplify/amplify-js#10959. */
    static CognitoException invalidSession() {
        return notAuthorized("Invalid session for the user.");
    }

    /** Captured*: the text apps match for an expired sign-in session (e.g. MFA answered too late). */
    static CognitoException expiredSession() {
        return notAuthorized("Invalid session for the user, session is expired.");
    }

    static CognitoException notAuthorized(String message) {
        return new CognitoException(ErrorCode.NotAuthorizedException, message);
    }
}
