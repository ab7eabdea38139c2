package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.Srp;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * DEVICE_SRP_AUTH: after the password of a sign-in from a remembered device, the device proves itself by SRP over
 * the verifier its client gave ConfirmDevice. The answer ({@code USERNAME}, {@code DEVICE_KEY}, {@code SRP_A},
 * {@code SECRET_HASH}, with the {@code Session}) gets DEVICE_PASSWORD_VERIFIER: the device's salt, {@code SRP_B}
 * and a secret block, as for a password, the device group key taking the pool name's place (as the client
 * libraries compute it: amazon-cognito-identity-js {@code CognitoUser.getDeviceResponse}).
 */
final class DeviceSrpChallenge implements ChallengeHandler {

    static final String NAME = "DEVICE_SRP_AUTH";

    /** The session waits for the SRP exchange of this device. */
    record State(String deviceKey) implements ChallengeState {
        @Override
        public String challengeName() {
            return NAME;
        }
    }

    private record Start(SignIn.Read read, AuthSession session, Device device, BigInteger clientKey) {
    }

    private final SignIn signIn;

    DeviceSrpChallenge(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The challenge a password accepted for a remembered device answers; null when something changed meanwhile. */
    static AuthResult open(SignIn signIn, SignIn.Read read, Attempt attempt, Device device,
            Consumer<PoolWrite> spend) {
        AuthSession session = new AuthSession(signIn.random().token(48), read.client().clientId(),
                read.user().sub(), new State(device.key()), expiry(read, attempt));
        boolean committed = signIn.commit(read, device, pool -> {
            if (spend != null) {
                spend.accept(pool);
            }
            pool.putSession(session);
        });
        return committed ? AuthResult.challenge(NAME, session.id(), Map.of()) : null;
    }

    @Override
    public AuthResult respond(Attempt attempt, String sessionId) {
        for (int round = 1; ; round++) {
            Start start = signIn.store().read(attempt.poolId(), pool -> {
                AppClient client = pool.requireClient(attempt.clientId());
                AuthSession session = sessionId == null ? null : pool.session(sessionId);
                if (session == null || !session.clientId().equals(client.clientId())
                        || !(session.state() instanceof State state) || session.expiredAt(attempt.now())) {
                    throw SignIn.invalidSession();
                }
                String username = attempt.required("USERNAME");
                String deviceKey = attempt.required("DEVICE_KEY");
                String srpA = attempt.required("SRP_A");
                SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
                User user = pool.bySub(session.sub());
                if (user == null || UserLookup.findOrNull(pool, username) != user
                        || !deviceKey.equals(state.deviceKey())) {
                    throw SignIn.invalidSession();
                }
                Device device = SignIn.namedDevice(pool, user, deviceKey);
                if (device.verifier() == null) {
                    throw SignIn.deviceNotFound();
                }
                BigInteger clientKey = Srp.clientKey(srpA);
                if (clientKey == null) {
                    // Unconfirmed text, as for USER_SRP_AUTH.
                    throw new CognitoException(ErrorCode.InvalidParameterException, "Invalid SRP_A value.");
                }
                return new Start(SignIn.read(pool, client, user), session, device, clientKey);
            });
            Device device = start.device();
            Srp.ServerKey server = Srp.serverKey(device.verifier(), signIn.random());
            byte[] key = Srp.sessionKey(start.clientKey(), device.verifier(), server);
            String secretBlock = SrpFlow.secretBlock(signIn);
            SignIn.Read read = start.read();
            AuthSession next = new AuthSession(secretBlock, read.client().clientId(), read.user().sub(),
                    new DevicePasswordVerifierChallenge.State(key, device.key(), device.groupKey()),
                    expiry(read, attempt));
            boolean committed = signIn.commit(read, device, pool -> {
                if (pool.session(sessionId) != start.session()) {
                    throw SignIn.invalidSession();
                }
                pool.removeSession(sessionId);
                pool.putSession(next);
            });
            if (committed) {
                Map<String, String> parameters = new LinkedHashMap<>();
                parameters.put("DEVICE_KEY", device.key());
                parameters.put("SALT", device.salt().toString(16));
                parameters.put("SECRET_BLOCK", secretBlock);
                parameters.put("SRP_B", server.publicKey().toString(16));
                parameters.put("USERNAME", read.user().username());
                return AuthResult.challenge(DevicePasswordVerifierChallenge.NAME, null, parameters);
            }
            SignIn.changedMeanwhile(round);
        }
    }

    private static Instant expiry(SignIn.Read read, Attempt attempt) {
        return attempt.now().plus(Duration.ofMinutes(read.client().authSessionValidityMinutes()));
    }
}
