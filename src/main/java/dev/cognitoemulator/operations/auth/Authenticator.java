package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.Passwords;
import dev.cognitoemulator.domain.PoolTable;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import dev.cognitoemulator.protocol.Json;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.tokens.TokenService;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sign-in, once for the four operations that do it: password checks with Cognito's outcomes, the
 * NEW_PASSWORD_REQUIRED challenge, refresh, SECRET_HASH, and minting the tokens. Runs inside a pool write.
 */
final class Authenticator {

    static final String NEW_PASSWORD_REQUIRED = "NEW_PASSWORD_REQUIRED";
    private static final String WRONG_PASSWORD = "Incorrect username or password.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenService tokens;
    private final Clock clock;

    Authenticator(TokenService tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** USER_PASSWORD_AUTH and ADMIN_USER_PASSWORD_AUTH. */
    AuthResponse password(PoolTable pool, AppClient client, Map<String, String> params, RequestContext context) {
        String username = required(params, "USERNAME");
        String password = required(params, "PASSWORD");
        checkSecretHash(client, params.get("SECRET_HASH"), username);
        User user = UserLookup.findOrNull(pool, username);
        if (user == null) {
            if (client.hidesUserExistence()) {
                throw notAuthorized(WRONG_PASSWORD);
            }
            throw new CognitoException(ErrorCode.UserNotFoundException, "User does not exist.");
        }
        if (user.status() == UserStatus.UNCONFIRMED) {
            // Captured: jagregory/cognito-local#337 (even with a wrong password).
            throw new CognitoException(ErrorCode.UserNotConfirmedException, "User is not confirmed.");
        }
        if (user.status() == UserStatus.RESET_REQUIRED) {
            throw new CognitoException(ErrorCode.PasswordResetRequiredException, "Password reset required for the user");
        }
        if (!Passwords.matches(user.passwordHash(), password)) {
            throw notAuthorized(WRONG_PASSWORD);
        }
        if (!user.enabled()) {
            throw notAuthorized("User is disabled.");
        }
        Instant now = clock.instant();
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            if (now.isAfter(user.lastModified().plus(Duration.ofDays(Passwords.temporaryValidityDays(pool.pool()))))) {
                throw notAuthorized("Temporary password has expired and must be reset by an administrator.");
            }
            return newPasswordChallenge(pool, client, user, now);
        }
        return issue(pool, client, user, now, context);
    }

    /** REFRESH_TOKEN_AUTH / REFRESH_TOKEN: new ID and access tokens from the same grant, no new refresh token. */
    AuthResponse refresh(PoolTable pool, AppClient client, Map<String, String> params, RequestContext context) {
        String token = required(params, "REFRESH_TOKEN");
        RefreshGrant grant = pool.grant(token);
        if (grant == null || !grant.clientId().equals(client.clientId())) {
            // Captured: aws/aws-sdk-cpp#1789.
            throw notAuthorized("Invalid Refresh Token.");
        }
        if (!clock.instant().isBefore(grant.expires())) {
            throw notAuthorized("Refresh Token has expired");
        }
        User user = pool.bySub(grant.sub());
        if (user == null) {
            throw notAuthorized("Invalid Refresh Token.");
        }
        if (client.clientSecret() != null) {
            String hash = params.get("SECRET_HASH");
            if (hash == null || !(hashMatches(client, hash, user.username()) || hashMatches(client, hash, user.sub())
                    || (params.get("USERNAME") != null && hashMatches(client, hash, params.get("USERNAME"))))) {
                checkSecretHash(client, hash, user.username());
            }
        }
        if (!user.enabled()) {
            throw notAuthorized("User is disabled.");
        }
        if (grant.revoked()) {
            // Captured: aws-amplify/amplify-swift#3344.
            throw notAuthorized("Refresh Token has been revoked");
        }
        return AuthResponse.tokens(mint(pool, client, user, grant, clock.instant(), context, false));
    }

    /** The answer to a challenge: NEW_PASSWORD_REQUIRED; the others are not implemented yet. */
    AuthResponse respond(PoolTable pool, AppClient client, String challengeName, String sessionId,
            Map<String, String> responses, RequestContext context) {
        if (!NEW_PASSWORD_REQUIRED.equals(challengeName)) {
            throw new CognitoException(ErrorCode.NotImplementedException,
                    "The " + challengeName + " challenge is not implemented by cognito-emulator yet.");
        }
        return newPassword(pool, client, sessionId, responses, context);
    }

    /** The answer to NEW_PASSWORD_REQUIRED: the new password, and any required attribute still missing. */
    private AuthResponse newPassword(PoolTable pool, AppClient client, String sessionId, Map<String, String> responses,
            RequestContext context) {
        AuthSession session = sessionId == null ? null : pool.session(sessionId);
        Instant now = clock.instant();
        if (session == null || !session.clientId().equals(client.clientId())
                || !NEW_PASSWORD_REQUIRED.equals(session.challengeName()) || !now.isBefore(session.expires())) {
            // Captured: aws-amplify/amplify-js#10959.
            throw notAuthorized("Invalid session for the user.");
        }
        String username = required(responses, "USERNAME");
        String newPassword = required(responses, "NEW_PASSWORD");
        checkSecretHash(client, responses.get("SECRET_HASH"), username);
        User user = pool.bySub(session.sub());
        if (user == null || !Objects.equals(UserLookup.findOrNull(pool, username), user)) {
            throw notAuthorized("Invalid session for the user.");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        responses.forEach((name, value) -> {
            if (name.startsWith("userAttributes.")) {
                changes.put(name.substring("userAttributes.".length()), value);
            }
        });
        List<String> missing = missingRequired(pool, user, changes);
        if (!missing.isEmpty()) {
            // Captured: aws/aws-sdk-js#1290 ("Invalid attributes given, name is missing").
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "Invalid attributes given, " + String.join(", ", missing) + " is missing");
        }
        Passwords.check(pool.pool(), newPassword, Passwords.USER_PREFIX);
        User confirmed = user.withAttributes(AttributeRules.update(pool.pool(), user.attributes(), changes), now)
                .withPassword(Passwords.hash(newPassword), UserStatus.CONFIRMED, now);
        UserLookup.AliasConflict conflict = UserLookup.aliasConflict(pool, confirmed);
        if (conflict != null) {
            throw new CognitoException(ErrorCode.AliasExistsException, conflict.message());
        }
        pool.put(confirmed);
        pool.removeSession(session.id());
        return issue(pool, client, confirmed, now, context);
    }

    private AuthResponse issue(PoolTable pool, AppClient client, User user, Instant now, RequestContext context) {
        RefreshGrant grant = new RefreshGrant(randomToken(), client.clientId(), user.sub(), now,
                UUID.randomUUID().toString(), now.plus(client.validity().refreshTtl()), false);
        pool.putGrant(grant);
        return AuthResponse.tokens(mint(pool, client, user, grant, now, context, true));
    }

    private AuthResponse.AuthenticationResultType mint(PoolTable pool, AppClient client, User user,
            RefreshGrant grant, Instant issuedAt, RequestContext context, boolean withRefreshToken) {
        List<Group> groups = new ArrayList<>(user.groups().size());
        for (String name : user.groups()) {
            Group group = pool.group(name);
            if (group != null) {
                groups.add(group);
            }
        }
        TokenService.Grant claims = new TokenService.Grant(context.issuer(pool.pool().id()), pool.pool(), client,
                user, groups, grant.authTime(), issuedAt, grant.originJti(), UUID.randomUUID().toString());
        return new AuthResponse.AuthenticationResultType(tokens.accessToken(claims),
                (int) client.validity().accessTtl().getSeconds(), "Bearer",
                withRefreshToken ? grant.token() : null, tokens.idToken(claims));
    }

    private AuthResponse newPasswordChallenge(PoolTable pool, AppClient client, User user, Instant now) {
        AuthSession session = new AuthSession(randomToken(), client.clientId(), user.sub(), NEW_PASSWORD_REQUIRED,
                now.plus(Duration.ofMinutes(client.authSessionValidityMinutes())));
        pool.putSession(session);
        Map<String, String> shown = user.attributes().asMap();
        shown.remove("sub");
        List<String> required = new ArrayList<>();
        for (String name : missingRequired(pool, user, Map.of())) {
            required.add("userAttributes." + name);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USER_ID_FOR_SRP", user.username());
        parameters.put("requiredAttributes", json(required));
        parameters.put("userAttributes", json(shown));
        return new AuthResponse(NEW_PASSWORD_REQUIRED, session.id(), parameters, null);
    }

    private static List<String> missingRequired(PoolTable pool, User user, Map<String, String> changes) {
        List<String> missing = new ArrayList<>();
        for (SchemaAttribute a : pool.pool().schema()) {
            if (a.required() && !user.attributes().has(a.name()) && !changes.containsKey(a.name())) {
                missing.add(a.name());
            }
        }
        return missing;
    }

    /**
     * SECRET_HASH = Base64(HMAC-SHA256(client secret, username + client id)), required when the client has a
     * secret; refused when it has none (captured texts: cognito-errors.md section 8).
     */
    static void checkSecretHash(AppClient client, String hash, String username) {
        if (client.clientSecret() == null) {
            if (hash != null) {
                throw new CognitoException(ErrorCode.InvalidParameterException, "App client " + client.clientId()
                        + " is not configured for secret but secret hash was received");
            }
            return;
        }
        if (hash == null) {
            throw notAuthorized("Client " + client.clientId() + " is configured with secret but SECRET_HASH was not "
                    + "received");
        }
        if (!hashMatches(client, hash, username)) {
            throw notAuthorized("Unable to verify secret hash for client " + client.clientId());
        }
    }

    private static boolean hashMatches(AppClient client, String hash, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(client.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((username + client.clientId()).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(Base64.getEncoder().encode(expected), hash.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String required(Map<String, String> params, String name) {
        String value = params == null ? null : params.get(name);
        if (value == null) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "Missing required parameter " + name);
        }
        return value;
    }

    static CognitoException notAuthorized(String message) {
        return new CognitoException(ErrorCode.NotAuthorizedException, message);
    }

    private static String randomToken() {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
