package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.RefreshGrant;
import dev.cognitoemulator.domain.User;

/**
 * REFRESH_TOKEN_AUTH / REFRESH_TOKEN: new ID and access tokens from the same grant (its auth_time kept), no new
 * refresh token. Reads only: nothing is written.
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
        String token = attempt.required("REFRESH_TOKEN");
        Refresh refresh = signIn.store().read(attempt.poolId(), pool -> {
            AppClient client = pool.requireClient(attempt.clientId());
            RefreshGrant grant = pool.grant(token);
            if (grant == null || !grant.clientId().equals(client.clientId())) {
                // Captured: aws/aws-sdk-cpp#1789.
                throw SignIn.notAuthorized("Invalid Refresh Token.");
            }
            if (grant.expiredAt(attempt.now())) {
                throw SignIn.notAuthorized("Refresh Token has expired");
            }
            User user = pool.bySub(grant.sub());
            if (user == null) {
                throw SignIn.notAuthorized("Invalid Refresh Token.");
            }
            checkSecretHash(client, attempt, user);
            if (!user.enabled()) {
                throw SignIn.notAuthorized("User is disabled.");
            }
            if (grant.revoked()) {
                // Captured: aws-amplify/amplify-swift#3344.
                throw SignIn.notAuthorized("Refresh Token has been revoked");
            }
            checkDevice(pool, grant, attempt.parameter("DEVICE_KEY"));
            return new Refresh(SignIn.read(pool, client, user), grant);
        });
        return signIn.mint(refresh.read(), refresh.grant(), attempt.now(), false, null);
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
        if (client.clientSecret() == null) {
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
}
