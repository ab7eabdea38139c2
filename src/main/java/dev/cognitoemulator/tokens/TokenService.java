package dev.cognitoemulator.tokens;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AttributeDataType;
import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.SigningKey;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mints and checks Cognito's JWTs: RS256 with the pool's key, the claims where Cognito puts them. The issuer is
 * {@code <issuer base>/<pool id>}; a token names its pool by its issuer. Pure: keys and time are given.
 */
public final class TokenService {

    /**
     * What a sign-in or refresh hands to the minting: the same for the ID and the access token, issue time
     * included (a sign-in's tokens are issued at its auth_time).
     *
     * @param deviceKey the device the sign-in was made from (the access token's {@code device_key}), or null
     * @param customization what the pool's PreTokenGeneration function changes ({@link TokenCustomization#NONE})
     */
    public record Claims(String issuer, UserPool pool, AppClient client, User user, List<Group> groups,
            Instant authTime, Instant issuedAt, String originJti, String eventId, List<String> scopes,
            String deviceKey, TokenCustomization customization) {
    }

    /** An access token's claims, read but not yet verified against its pool's key. */
    public record AccessToken(SignedJWT jwt, String poolId, String sub, String username, String clientId,
            String originJti, Instant expires) {
    }

    private static final TypeReference<List<Map<String, Object>>> IDENTITIES = new TypeReference<>() { };

    private final Randomness random;

    public TokenService(Randomness random) {
        this.random = random;
    }

    public String idToken(Claims c, SigningKey key) {
        return idToken(c, key, null, null);
    }

    /**
     * An ID token of an OAuth authorization: {@code at_hash} of the access token issued beside it (OIDC Core
     * section 3.1.3.6: the left half of its SHA-256, base64url), as Cognito's hosted UI ID tokens carry it, and the
     * authorization request's {@code nonce} when it had one.
     */
    public String idToken(Claims c, SigningKey key, String nonce, String accessToken) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        if (accessToken != null) {
            claims.claim("at_hash", atHash(accessToken));
        }
        claims.subject(c.user().sub());
        groups(claims, c.groups(), c.customization().groups(), true);
        List<String> readable = c.client().readAttributes();
        c.user().attributes().forEach((name, value) -> {
            if ("sub".equals(name) || name.startsWith(SchemaAttribute.DEVELOPER_PREFIX)
                    || (readable != null && !readable.contains(name))) {
                return;
            }
            claims.claim(name, "identities".equals(name) ? identities(value)
                    : typed(c.pool().attribute(name), value));
        });
        claims.issuer(c.issuer())
                .claim("cognito:username", c.user().username())
                .claim("origin_jti", c.originJti())
                .audience(c.client().clientId())
                .claim("event_id", c.eventId())
                .claim("token_use", "id")
                .claim("auth_time", c.authTime().getEpochSecond())
                .expirationTime(Date.from(c.issuedAt().plus(c.client().validity().idTtl())))
                .issueTime(Date.from(c.issuedAt()))
                .jwtID(random.uuid());
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        customize(claims, c.customization().id(), TokenCustomization.ID_EXCLUDED);
        return sign(key, claims.build());
    }

    public String accessToken(Claims c, SigningKey key) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(c.user().sub());
        if (c.deviceKey() != null) {
            claims.claim("device_key", c.deviceKey());
        }
        groups(claims, c.groups(), c.customization().groups(), false);
        claims.issuer(c.issuer())
                .claim("client_id", c.client().clientId())
                .claim("origin_jti", c.originJti())
                .claim("event_id", c.eventId())
                .claim("token_use", "access")
                .claim("scope", String.join(" ", scopes(c.scopes(), c.customization())))
                .claim("auth_time", c.authTime().getEpochSecond())
                .expirationTime(Date.from(c.issuedAt().plus(c.client().validity().accessTtl())))
                .issueTime(Date.from(c.issuedAt()))
                .jwtID(random.uuid())
                .claim("username", c.user().username());
        customize(claims, c.customization().access(), TokenCustomization.ACCESS_EXCLUDED);
        return sign(key, claims.build());
    }

    /**
     * A {@code client_credentials} access token: the client is its own subject, with no user, group or sign-in
     * claims, and {@code version} 2: Cognito's claims, in its order (captured: a client_credentials token's payload
     * in zenn.dev/noid11/articles/d36dccd74601ed83d83b).
     */
    public String clientAccessToken(String issuer, AppClient client, List<String> scopes, Instant now,
            TokenCustomization customization, SigningKey key) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(client.clientId())
                .claim("token_use", "access")
                .claim("scope", String.join(" ", scopes(scopes, customization)))
                .claim("auth_time", now.getEpochSecond())
                .issuer(issuer)
                .expirationTime(Date.from(now.plus(client.validity().accessTtl())))
                .issueTime(Date.from(now))
                .claim("version", 2)
                .jwtID(random.uuid())
                .claim("client_id", client.clientId());
        customize(claims, customization.access(), TokenCustomization.ACCESS_EXCLUDED);
        return sign(key, claims.build());
    }

    /** Reads an access token's claims: {@code Invalid Access Token} unless it is an RS256 access token of a pool. */
    public AccessToken readAccess(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String issuer = claims.getIssuer();
            Date expires = claims.getExpirationTime();
            if (issuer == null || expires == null || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !"access".equals(claims.getStringClaim("token_use"))) {
                throw invalidAccessToken();
            }
            return new AccessToken(jwt, issuer.substring(issuer.lastIndexOf('/') + 1), claims.getSubject(),
                    claims.getStringClaim("username"), claims.getStringClaim("client_id"),
                    claims.getStringClaim("origin_jti"), expires.toInstant());
        } catch (ParseException e) {
            throw invalidAccessToken();
        }
    }

    /**
     * Checks the token against its pool's key (null when the pool has made none: no token of it can be genuine)
     * and the time, with Cognito's answers: {@code Invalid Access Token} / {@code Access Token has expired}.
     */
    public void verify(AccessToken token, SigningKey key, Instant now) {
        try {
            if (key == null || !key.keyId().equals(token.jwt().getHeader().getKeyID())
                    || !token.jwt().verify(new RSASSAVerifier(key.publicKey()))) {
                throw invalidAccessToken();
            }
        } catch (JOSEException | IllegalStateException e) {
            throw invalidAccessToken();
        }
        if (!now.isBefore(token.expires())) {
            throw new CognitoException(ErrorCode.NotAuthorizedException, "Access Token has expired");
        }
    }

    public static CognitoException invalidAccessToken() {
        // Captured: amazon-archives/aws-cognito-angular-quickstart#137.
        return new CognitoException(ErrorCode.NotAuthorizedException, "Invalid Access Token");
    }

    private static String sign(SigningKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.keyId()).build(), claims);
        try {
            jwt.sign(RsaSigning.signer(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    private static String atHash(String accessToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(accessToken.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * cognito:groups, and in an ID token cognito:roles / cognito:preferred_role when groups carry IAM roles; a
     * PreTokenGeneration {@code groupOverrideDetails} ({@code override}, null for none) replaces them in both tokens
     * (documented: "Your groupOverrideDetails object will replace the cognito:groups claim in access tokens as well
     * as ID tokens"; an empty one leaves no groups).
     */
    private static void groups(JWTClaimsSet.Builder claims, List<Group> groups,
            TokenCustomization.GroupOverride override, boolean withRoles) {
        List<String> names = override != null ? override.groups() : groups.stream().map(Group::groupName).toList();
        if (!names.isEmpty()) {
            claims.claim("cognito:groups", names);
        }
        if (!withRoles) {
            return;
        }
        List<String> roles = override != null ? override.iamRoles() : Group.roles(groups);
        String preferred = override != null ? override.preferredRole() : Group.preferredRole(groups);
        if (!roles.isEmpty()) {
            claims.claim("cognito:roles", roles);
        }
        if (preferred != null) {
            claims.claim("cognito:preferred_role", preferred);
        }
    }

    /** The grant's scopes with a PreTokenGeneration's added, less those it suppressed (suppressing wins). */
    private static List<String> scopes(List<String> granted, TokenCustomization customization) {
        Set<String> scopes = new LinkedHashSet<>(granted);
        scopes.addAll(customization.scopesToAdd());
        customization.scopesToSuppress().forEach(scopes::remove);
        return List.copyOf(scopes);
    }

    /** A PreTokenGeneration's claims for one token: overrides, then suppressions, the excluded claims untouched. */
    private static void customize(JWTClaimsSet.Builder claims, TokenCustomization.Claims change,
            Set<String> excluded) {
        change.toAddOrOverride().forEach((name, value) -> {
            if (!excluded.contains(name)) {
                claims.claim(name, value);
            }
        });
        for (String name : change.toSuppress()) {
            if (!excluded.contains(name)) {
                claims.claim(name, null);
            }
        }
    }

    /**
     * A federated user's {@code identities} as the ID token carries them: the attribute's JSON array, every value
     * but {@code null} as text (captured: a Google user's ID token, {@code "identities":[{"userId":"1026...",
     * "providerName":"Google","providerType":"Google","issuer":null,"primary":"true","dateCreated":"1682704282933"}]},
     * where the attribute has {@code "primary":true,"dateCreated":1682704282933}). An attribute that is not such an
     * array (set by an administrator) stays text.
     */
    private static Object identities(String value) {
        try {
            List<Map<String, Object>> identities = Json.MAPPER.readValue(value, IDENTITIES);
            List<Map<String, Object>> claim = new ArrayList<>();
            for (Map<String, Object> identity : identities) {
                Map<String, Object> entry = new LinkedHashMap<>();
                identity.forEach((k, v) -> entry.put(k, v == null ? null : v.toString()));
                claim.add(entry);
            }
            return claim;
        } catch (IOException e) {
            return value;
        }
    }

    /** Booleans and standard numbers as JSON values, as Cognito's ID tokens carry them; the rest as strings. */
    private static Object typed(SchemaAttribute schema, String value) {
        if (schema == null || schema.custom()) {
            return value;
        }
        if (schema.dataType() == AttributeDataType.Boolean) {
            return Boolean.parseBoolean(value);
        }
        if (schema.dataType() == AttributeDataType.Number) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }
}
