package dev.cognitoemulator.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AttributeDataType;
import dev.cognitoemulator.domain.Group;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Mints and checks Cognito's JWTs: RS256 with the pool's key, the claims where Cognito puts them. The issuer
 * is {@code <issuer base>/<pool id>}; a token names its pool by its issuer.
 */
public final class TokenService {

    /**
     * What a sign-in or refresh hands to the minting: the same for the ID and the access token, issue time
     * included (a sign-in's tokens are issued at its auth_time).
     */
    public record Grant(String issuer, UserPool pool, AppClient client, User user, List<Group> groups,
            Instant authTime, Instant issuedAt, String originJti, String eventId) {
    }

    /** A verified access token's claims that the operations need. */
    public record AccessClaims(String poolId, String sub, String username, String clientId, String originJti) {
    }

    private final KeyRing keys;
    private final Clock clock;

    public TokenService(KeyRing keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public String idToken(Grant grant) {
        Instant now = grant.issuedAt();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(grant.user().sub());
        groups(claims, grant.groups());
        List<String> readable = grant.client().readAttributes();
        grant.user().attributes().forEach((name, value) -> {
            if ("sub".equals(name) || name.startsWith(SchemaAttribute.DEVELOPER_PREFIX)
                    || (readable != null && !readable.contains(name))) {
                return;
            }
            SchemaAttribute schema = grant.pool().attribute(name);
            claims.claim(name, typed(schema, value));
        });
        claims.issuer(grant.issuer())
                .claim("cognito:username", grant.user().username())
                .claim("origin_jti", grant.originJti())
                .audience(grant.client().clientId())
                .claim("event_id", grant.eventId())
                .claim("token_use", "id")
                .claim("auth_time", grant.authTime().getEpochSecond())
                .expirationTime(Date.from(now.plus(grant.client().validity().idTtl())))
                .issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString());
        return sign(grant.pool().id(), claims.build());
    }

    public String accessToken(Grant grant) {
        Instant now = grant.issuedAt();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(grant.user().sub());
        if (!grant.groups().isEmpty()) {
            claims.claim("cognito:groups", grant.groups().stream().map(Group::groupName).toList());
        }
        claims.issuer(grant.issuer())
                .claim("client_id", grant.client().clientId())
                .claim("origin_jti", grant.originJti())
                .claim("event_id", grant.eventId())
                .claim("token_use", "access")
                .claim("scope", "aws.cognito.signin.user.admin")
                .claim("auth_time", grant.authTime().getEpochSecond())
                .expirationTime(Date.from(now.plus(grant.client().validity().accessTtl())))
                .issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString())
                .claim("username", grant.user().username());
        return sign(grant.pool().id(), claims.build());
    }

    /**
     * Checks an access token's signature (with the key of the pool its issuer names), its use and its expiry,
     * with Cognito's answers: {@code Invalid Access Token} / {@code Access Token has expired}. Revocation is
     * the caller's to check, against the grant named by {@code origin_jti}.
     */
    public AccessClaims verifyAccess(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String issuer = claims.getIssuer();
            if (issuer == null || !JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
                throw invalidAccessToken();
            }
            String poolId = issuer.substring(issuer.lastIndexOf('/') + 1);
            KeyRing.PoolKey key = keys.existing(poolId);
            if (key == null || !Objects.equals(key.jwk().getKeyID(), jwt.getHeader().getKeyID())
                    || !jwt.verify(key.verifier()) || !"access".equals(claims.getStringClaim("token_use"))) {
                throw invalidAccessToken();
            }
            Date expires = claims.getExpirationTime();
            if (expires == null || !clock.instant().isBefore(expires.toInstant())) {
                throw new CognitoException(ErrorCode.NotAuthorizedException, "Access Token has expired");
            }
            return new AccessClaims(poolId, claims.getSubject(), claims.getStringClaim("username"),
                    claims.getStringClaim("client_id"), claims.getStringClaim("origin_jti"));
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw invalidAccessToken();
        }
    }

    public static CognitoException invalidAccessToken() {
        // Captured: amazon-archives/aws-cognito-angular-quickstart#137.
        return new CognitoException(ErrorCode.NotAuthorizedException, "Invalid Access Token");
    }

    private String sign(String poolId, JWTClaimsSet claims) {
        KeyRing.PoolKey key = keys.key(poolId);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.jwk().getKeyID()).build(),
                claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** cognito:groups, and cognito:roles / cognito:preferred_role when groups carry IAM roles. */
    private static void groups(JWTClaimsSet.Builder claims, List<Group> groups) {
        if (groups.isEmpty()) {
            return;
        }
        claims.claim("cognito:groups", groups.stream().map(Group::groupName).toList());
        List<Group> withRoles = new ArrayList<>(groups.stream().filter(g -> g.roleArn() != null).toList());
        if (!withRoles.isEmpty()) {
            claims.claim("cognito:roles", withRoles.stream().map(Group::roleArn).distinct().toList());
            withRoles.sort(Comparator.comparing((Group g) -> g.precedence() == null ? Integer.MAX_VALUE
                    : g.precedence()).thenComparing(Group::groupName));
            claims.claim("cognito:preferred_role", withRoles.get(0).roleArn());
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
