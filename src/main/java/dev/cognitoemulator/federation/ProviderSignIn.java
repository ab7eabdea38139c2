package dev.cognitoemulator.federation;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.domain.ProviderType;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.oauth.AuthorizationError;
import dev.cognitoemulator.oauth.AuthorizationRequest;
import dev.cognitoemulator.oauth.Authorizations;
import dev.cognitoemulator.oauth.FederatedSignIn;
import dev.cognitoemulator.oauth.OAuthError;
import dev.cognitoemulator.signin.AuthResult;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.triggers.Triggers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sign-in through a pool's external identity provider, the emulator acting as the provider's relying party, as
 * Cognito does (developer guide, "OIDC user pool IdP authentication flow"): {@link #start} keeps the authorization
 * request ({@link Authorizations#pend}) and sends the browser to the provider's authorize endpoint; {@link #complete}
 * takes the provider's answer at {@code /oauth2/idpresponse}, exchanges its code at the provider's token endpoint,
 * checks its ID token ({@link IdTokenCheck}), reads its userInfo endpoint, runs the pool's triggers, makes or updates
 * the pool's user ({@link FederatedUsers}) and finishes the authorization ({@link Authorizations#complete}). Every
 * call to the provider and to the triggers happens outside the pool's lock: read, call out, then write (which looks
 * up again what it needs).
 */
public final class ProviderSignIn implements FederatedSignIn {

    public static final String CALLBACK_PATH = "/oauth2/idpresponse";
    private static final String APPLE_AUDIENCE = "https://appleid.apple.com";
    /** Lifetime of the client secret JWT made for Sign in with Apple's token request. */
    private static final Duration APPLE_SECRET_FOR = Duration.ofMinutes(5);

    private final UserPoolStore store;
    private final Triggers triggers;
    private final ProviderHttp http;
    private final Authorizations authorizations;
    private final Randomness random;
    private final Supplier<String> base;
    private final SecretKeySpec nonceKey;

    /** @param base the emulator's base URL (the issuer's), where the provider sends the browser back */
    public ProviderSignIn(UserPoolStore store, Triggers triggers, ProviderHttp http, Authorizations authorizations,
            Randomness random, Supplier<String> base) {
        this.store = store;
        this.triggers = triggers;
        this.http = http;
        this.authorizations = authorizations;
        this.random = random;
        this.base = base;
        this.nonceKey = new SecretKeySpec(random.bytes(32), "HmacSHA256");
    }

    /** Where the provider sends the browser back: {@code <base>/oauth2/idpresponse}. */
    public String callbackUri() {
        return base.get() + CALLBACK_PATH;
    }

    /**
     * The provider's authorize URL for {@code request}: {@code response_type=code}, the pool's client id at the
     * provider, the callback, the provider's {@code authorize_scopes}, the pending request's id as {@code state} and
     * a {@code nonce} bound to it (and {@code response_mode=form_post} for Sign in with Apple, which posts its answer
     * when names or e-mail addresses are asked for). Null for a provider the pool does not have, or the client does
     * not list in its SupportedIdentityProviders.
     */
    @Override
    public String start(AuthorizationRequest request, String identityProvider, String idpIdentifier, Instant now) {
        IdentityProvider provider = store.read(request.poolId(), pool -> {
            IdentityProvider named = identityProvider != null ? pool.identityProvider(identityProvider)
                    : pool.identityProviderByIdentifier(idpIdentifier);
            AppClient client = pool.client(request.clientId());
            List<String> supported = client == null || client.oauth() == null ? null
                    : client.oauth().supportedIdentityProviders();
            return named != null && supported != null && supported.contains(named.name()) ? named : null;
        });
        if (provider == null) {
            return null;
        }
        if (provider.type() == ProviderType.SAML) {
            throw AuthorizationError.redirect(request, "invalid_request",
                    "SAML sign-in is not supported by the emulator");
        }
        ProviderEndpoints endpoints;
        try {
            endpoints = endpoints(provider);
        } catch (OAuthError e) {
            throw AuthorizationError.redirect(request, e.error(), e.description());
        }
        Authorizations.Pending pending = authorizations.pend(request, provider.name(), now);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", endpoints.clientId());
        query.put("redirect_uri", callbackUri());
        query.put("scope", String.join(" ", endpoints.scopes()));
        query.put("state", pending.id());
        if (endpoints.issuer() != null) {
            query.put("nonce", nonce(pending.id()));
        }
        if (provider.type() == ProviderType.SignInWithApple) {
            query.put("response_mode", "form_post");
        }
        String url = endpoints.authorizeUrl();
        return url + (url.contains("?") ? "&" : "?") + ProviderHttp.encode(query);
    }

    /**
     * The provider's answer ({@code code} and {@code state}, or {@code error}) finishing its authorization request: the
     * redirect to the app with a code or tokens, and the single sign-on session. A state that is unknown, spent or
     * expired is an error page (there is no app to tell); any later failure is a redirect to the app with the error.
     */
    @Override
    public Authorizations.Completion complete(Map<String, String> answer, Instant now) {
        String state = answer.get("state");
        Authorizations.Pending pending = state == null ? null : authorizations.takePending(state, now);
        if (pending == null) {
            throw FederatedSignIn.unknownAnswer();
        }
        AuthorizationRequest request = pending.request();
        User user;
        try {
            user = signIn(request, pending.provider(), nonce(pending.id()), answer, now);
        } catch (OAuthError e) {
            throw AuthorizationError.redirect(request, e.error(), e.description());
        } catch (CognitoException e) {
            // A trigger's failure, or the pool's provider deleted meanwhile. Captured: a PreSignUp function's error
            // ends the sign-in as "invalid_request: PreSignUp failed with error ERROR: . " (the SDK's error and
            // error_description; aws-amplify/amplify-swift#1492 and #3176); the other triggers' alike (unconfirmed).
            throw AuthorizationError.redirect(request, "invalid_request", e.getMessage());
        }
        return authorizations.complete(request, new AuthResult.Authenticated(user.sub(), user.username(), now), now);
    }

    /**
     * The provider's tokens and userInfo, then the pool's triggers as the developer guide lists them for federated
     * users ("Customizing user pool workflows with Lambda triggers", "Lambda triggers for federated users"): at a
     * first sign-in PreSignUp ({@code PreSignUp_ExternalProvider}) and PostConfirmation
     * ({@code PostConfirmation_ConfirmSignUp}), at later ones PreAuthentication and PostAuthentication
     * ({@code *_Authentication}); the tokens' PreTokenGeneration ({@code TokenGeneration_HostedAuth}) runs when the
     * code is redeemed. InboundFederation runs first at every sign-in, "before creating or updating the user
     * profile" (developer guide, "Inbound federation Lambda trigger"). No request's ClientMetadata reaches them: the
     * events carry none. Every call happens outside the pool's lock.
     */
    private User signIn(AuthorizationRequest request, String providerName, String nonce, Map<String, String> answer,
            Instant now) {
        String error = answer.get("error");
        if (error != null) {
            // Unconfirmed: the provider's error is passed on as it came.
            throw OAuthError.of(400, error, answer.get("error_description"));
        }
        String code = answer.get("code");
        if (code == null || code.isEmpty()) {
            throw ProviderHttp.failure("No code from the identity provider");
        }
        String poolId = request.poolId();
        IdentityProvider provider = store.read(poolId, pool -> pool.requireIdentityProvider(providerName));
        ProviderEndpoints endpoints = endpoints(provider);
        Map<String, Object> tokens = http.token(endpoints, clientSecret(provider, now), code, callbackUri());
        Map<String, Object> idToken = Map.of();
        if (endpoints.issuer() != null) {
            if (!(tokens.get("id_token") instanceof String jwt)) {
                throw ProviderHttp.failure("No id_token from the identity provider");
            }
            idToken = IdTokenCheck.verify(jwt, endpoints, nonce, http, now);
        }
        Map<String, Object> userInfo = Map.of();
        if (endpoints.attributesUrl() != null && tokens.get("access_token") instanceof String accessToken) {
            userInfo = http.attributes(endpoints, accessToken,
                    String.join(",", provider.attributeMapping().values().stream().distinct().toList()));
            if (idToken.containsKey("sub") && userInfo.containsKey("sub")
                    && !idToken.get("sub").equals(userInfo.get("sub"))) {
                // OpenID Connect Core 1.0 section 5.3.2: the userInfo's sub must be the ID token's.
                throw ProviderHttp.failure("Bad userInfo sub");
            }
        }
        Map<String, Object> claims = new LinkedHashMap<>(idToken);
        claims.putAll(userInfo);
        FederatedUsers.Identity identity = store.read(poolId,
                pool -> FederatedUsers.identify(pool, pool.requireIdentityProvider(providerName), claims));
        UserPool pool = store.pool(poolId);
        AppClient client = store.read(poolId, view -> view.client(request.clientId()));
        Map<String, String> toMap = triggers.inboundFederation(pool, client, identity.username(), provider,
                FederatedUsers.texts(tokens), FederatedUsers.texts(idToken), FederatedUsers.texts(userInfo));
        Map<String, String> mapped = FederatedUsers.mapped(provider, toMap == null ? claims : toMap);
        Triggers.SignUpDecision decision = null;
        if (identity.user() == null) {
            FederatedUsers.requireAttributes(pool, mapped);
            decision = triggers.preSignUp(pool, client, Triggers.PRE_SIGN_UP_EXTERNAL_PROVIDER, identity.username(),
                    mapped, null, null);
        } else {
            triggers.preAuthentication(pool, client, identity.user(), null);
        }
        String sub = random.uuid();
        Triggers.SignUpDecision signUp = decision;
        FederatedUsers.SignedIn signedIn = store.write(poolId, users -> FederatedUsers.signIn(users,
                users.requireIdentityProvider(providerName), identity.id(), mapped, signUp, sub, now));
        if (signedIn.created()) {
            triggers.postConfirmation(pool, client, signedIn.user(), Triggers.POST_CONFIRMATION_CONFIRM_SIGN_UP,
                    null);
        } else {
            triggers.postAuthentication(pool, client, signedIn.user(), null);
        }
        return signedIn.user();
    }

    /** The nonce sent with the pending request {@code id}: an HMAC of it, so nothing else has to be kept. */
    private String nonce(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(nonceKey);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(id.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no HmacSHA256", e);
        }
    }

    private ProviderEndpoints endpoints(IdentityProvider provider) {
        Map<String, String> discovered = ProviderEndpoints.needsDiscovery(provider)
                ? http.discovery(provider.details().get("oidc_issuer")) : Map.of();
        return ProviderEndpoints.of(provider, discovered);
    }

    /**
     * The client secret of the token request: the details' {@code client_secret}, or for Sign in with Apple a
     * fresh ES256 JWT signed with the details' private key, as Apple asks (issuer the team id, subject the client id,
     * audience {@code https://appleid.apple.com}, key id in the header).
     */
    private static String clientSecret(IdentityProvider provider, Instant now) {
        Map<String, String> d = provider.details();
        if (provider.type() != ProviderType.SignInWithApple) {
            return d.get("client_secret");
        }
        try {
            String base64 = d.get("private_key").replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(d.get("key_id")).build(),
                    new JWTClaimsSet.Builder().issuer(d.get("team_id")).subject(d.get("client_id"))
                            .audience(List.of(APPLE_AUDIENCE)).issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plus(APPLE_SECRET_FOR))).build());
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (GeneralSecurityException | JOSEException | IllegalArgumentException e) {
            // ProviderRules checked the key when the provider was made
            throw ProviderHttp.failure("Invalid private_key for Sign in with Apple");
        }
    }
}
