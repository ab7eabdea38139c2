package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.triggers.PreTokenGeneration;

/**
 * DEVICE_PASSWORD_VERIFIER: the device proves the session key of DEVICE_SRP_AUTH ({@code USERNAME},
 * {@code DEVICE_KEY}, {@code PASSWORD_CLAIM_SECRET_BLOCK}, {@code TIMESTAMP}, {@code PASSWORD_CLAIM_SIGNATURE}),
 * signed over the device group key and the device key; then the tokens, the device's. A failed proof is the
 * wrong-password answer, and spends the challenge.
 */
final class DevicePasswordVerifierChallenge implements ChallengeHandler {

    static final String NAME = "DEVICE_PASSWORD_VERIFIER";

    /** The session key of the device's exchange (null when it failed) and the device's names. */
    record State(byte[] key, String deviceKey, String groupKey) implements ChallengeState {
        @Override
        public String challengeName() {
            return NAME;
        }
    }

    private record Checked(SignIn.Read read, Device device, boolean proven) {
    }

    private final SignIn signIn;

    DevicePasswordVerifierChallenge(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AuthResult respond(Attempt attempt, String sessionId) {
        String secretBlock = attempt.required("PASSWORD_CLAIM_SECRET_BLOCK");
        for (int round = 1; ; round++) {
            Checked checked = signIn.store().read(attempt.poolId(), pool -> {
                AppClient client = pool.requireClient(attempt.clientId());
                String username = attempt.required("USERNAME");
                String deviceKey = attempt.required("DEVICE_KEY");
                SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
                AuthSession session = PasswordVerifierChallenge.verifierSession(pool, client, secretBlock,
                        State.class, attempt.now());
                User user = PasswordVerifierChallenge.sessionUser(pool, session, username);
                State state = (State) session.state();
                if (!deviceKey.equals(state.deviceKey())) {
                    throw PasswordVerifierChallenge.wrongPassword();
                }
                Device device = SignIn.namedDevice(pool, user, deviceKey);
                boolean proven = PasswordVerifierChallenge.proves(attempt, state.key(), state.groupKey(),
                        state.deviceKey(), secretBlock);
                return new Checked(SignIn.read(pool, client, user), device, proven);
            });
            SignIn.Read read = checked.read();
            if (!checked.proven() || !read.user().enabled()) {
                signIn.store().write(attempt.poolId(), pool -> {
                    PasswordVerifierChallenge.spend(pool, secretBlock);
                    return null;
                });
                throw checked.proven() ? SignIn.notAuthorized("User is disabled.")
                        : PasswordVerifierChallenge.wrongPassword();
            }
            AuthResult result = signIn.signedIn(read, attempt, checked.device(),
                    pool -> PasswordVerifierChallenge.spend(pool, secretBlock),
                    PreTokenGeneration.Source.AuthenticateDevice);
            if (result != null) {
                return result;
            }
            SignIn.changedMeanwhile(round);
        }
    }
}
