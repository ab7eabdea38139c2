package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.time.Instant;
import java.util.function.BiConsumer;
import dev.cognitoemulator.triggers.PreTokenGeneration;
import java.util.Map;

/**
 * New ID and access tokens from a refresh token, the grant's auth_time kept. REFRESH_TOKEN_AUTH / REFRESH_TOKEN only
 * read and give no new refresh token; GetTokensFromRefreshToken ({@link #tokens}) also honours the client's
 * RefreshTokenRotation: with {@code Feature: ENABLED} it gives a new refresh token and the old one works for
 * {@code RetryGracePeriodSeconds} more, then is refused (model: RefreshTokenRotationType).
 */
final class RefreshFlow implements AuthFlow {

    private record Refresh(SignIn.Read read, RefreshGrant grant) {
    }

    private final SignIn signIn;

    RefreshFlow(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public AuthResult start(Attempt attempt) {
        Refresh refresh = read(attempt.poolId(), attempt.clientId(), attempt.required("REFRESH_TOKEN"),
                attempt.parameter("DEVICE_KEY"), attempt.now(), (client, user) -> checkSecretHash(client, attempt,
                        user));
        return signIn.mint(refresh.read(), refresh.grant(), attempt.now(), false, null,
                PreTokenGeneration.Source.RefreshTokens, attempt.clientMetadata());
    }

    /**
     * GetTokensFromRefreshToken: the client's secret itself rather than a SECRET_HASH; {@code clientMetadata} for
     * PreTokenGeneration (null for none).
     */
    AuthResult tokens(String poolId, String clientId, String token, String clientSecret, String deviceKey,
            Map<String, String> clientMetadata, Instant now) {
        for (int round = 1; ; round++) {
            Refresh refresh = read(poolId, clientId, token, deviceKey, now,
                    (client, user) -> checkSecret(client, clientSecret));
            AppClient client = refresh.read().client();
            var rotation = client.refreshTokenRotation();
            if (rotation == null || !"ENABLED".equals(rotation.feature())) {
                return signIn.mint(refresh.read(), refresh.grant(), now, false, null,
                        PreTokenGeneration.Source.RefreshTokens, clientMetadata);
            }
            RefreshGrant old = refresh.grant();
            RefreshGrant rotated = new RefreshGrant(signIn.random().token(48), old.clientId(), old.sub(),
                    old.authTime(), signIn.random().uuid(), now.plus(client.validity().refreshTtl()), old.scopes(),
                    false, null, old.deviceKey(), old.deviceGroupKey());
            int grace = rotation.retryGracePeriodSeconds() == null ? 0 : rotation.retryGracePeriodSeconds();
            boolean written = signIn.store().write(poolId, pool -> {
                if (pool.grant(token) != old) {
                    return false;
                }
                pool.putGrant(rotated);
                if (old.retiredAt() == null) {
                    pool.putGrant(old.retire(now.plusSeconds(grace)));
                }
                return true;
            });
            if (written) {
                return signIn.mint(refresh.read(), rotated, now, true, null, PreTokenGeneration.Source.RefreshTokens,
                        clientMetadata);
            }
            SignIn.changedMeanwhile(round);
        }
    }

    /**
     * Cognito's refusals of a refresh token, in its order; {@code secret} checks the client's secret,
     * {@code deviceKey} is the device the refresh names (null for none).
     */
    private Refresh read(String poolId, String clientId, String token, String deviceKey, Instant now,
            BiConsumer<AppClient, User> secret) {
        return signIn.store().read(poolId, pool -> {
            AppClient client = pool.requireClient(clientId);
            RefreshGrant grant = pool.grant(token);
            if (grant == null || !grant.clientId().equals(client.clientId())) {
                // Captured: aws/aws-sdk-cpp#1789.
                throw SignIn.notAuthorized("Invalid Refresh Token.");
            }
            if (grant.expiredAt(now)) {
                throw SignIn.notAuthorized("Refresh Token has expired");
            }
            User user = pool.bySub(grant.sub());
            if (user == null) {
                throw SignIn.notAuthorized("Invalid Refresh Token.");
            }
            secret.accept(client, user);
            if (!user.enabled()) {
                throw SignIn.notAuthorized("User is disabled.");
            }
            if (grant.revoked()) {
                // Captured: aws-amplify/amplify-swift#3344.
                throw SignIn.notAuthorized("Refresh Token has been revoked");
            }
            if (grant.retiredAt(now)) {
                // Unconfirmed text: the exception is the model's, no capture of its message.
                throw new CognitoException(ErrorCode.RefreshTokenReuseException,
                        "Refresh Token has been rotated and can no longer be used");
            }
            checkDevice(pool, grant, deviceKey);
            return new Refresh(SignIn.read(pool, client, user), grant);
        });
    }

    /**
     * A sign-in's tokens from a pool that tracks devices are the device's: a refresh must name it
     * ({@code DEVICE_KEY}) and the device must be confirmed and not forgotten, or the refresh token is invalid
     * (captured: aws/aws-sdk-java-v2#3418, aws/aws-sdk-cpp#851; AWS's blog "Tracking and remembering devices": a
     * forgotten device's refresh tokens fail).
     */
    private static void checkDevice(PoolView pool, RefreshGrant grant, String deviceKey) {
        if (grant.deviceKey() == null) {
            return;
        }
        Device device = pool.device(grant.deviceKey());
        if (!grant.deviceKey().equals(deviceKey) || device == null || !device.sub().equals(grant.sub())) {
            throw SignIn.notAuthorized("Invalid Refresh Token.");
        }
    }

    /**
     * A refresh's SECRET_HASH may be made with the username, the sub or the USERNAME parameter (clients differ);
     * when none matches, the answer is the one for the username.
     */
    private static void checkSecretHash(AppClient client, Attempt attempt, User user) {
        if (!client.hasSecret()) {
            return;
        }
        String hash = attempt.parameter("SECRET_HASH");
        String given = attempt.parameter("USERNAME");
        if (hash == null || !(SecretHash.matches(client, hash, user.username())
                || SecretHash.matches(client, hash, user.sub())
                || (given != null && SecretHash.matches(client, hash, given)))) {
            SecretHash.check(client, hash, user.username());
        }
    }

    /** ClientSecret: required by a client that has one, refused by one that has none (texts unconfirmed). */
    private static void checkSecret(AppClient client, String given) {
        if (!client.hasSecret()) {
            if (given != null) {
                throw new CognitoException(ErrorCode.InvalidParameterException, "App client " + client.clientId()
                        + " is not configured for secret but client secret was received");
            }
            return;
        }
        if (given == null) {
            throw SignIn.notAuthorized("Client " + client.clientId()
                    + " is configured with secret but ClientSecret was not received");
        }
        if (!client.acceptsSecret(given)) {
            throw SignIn.notAuthorized("Unable to verify client secret for client " + client.clientId());
        }
    }
}
