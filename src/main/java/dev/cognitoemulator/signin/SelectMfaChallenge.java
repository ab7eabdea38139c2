package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.Json;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * SELECT_MFA_TYPE: the user has several MFA methods on and prefers none; the challenge lists them
 * ({@code MFAS_CAN_CHOOSE}, a JSON array) and the answer's {@code ANSWER} picks one, whose challenge follows (its code
 * sent then), in a new session.
 */
final class SelectMfaChallenge implements ChallengeHandler {

    static final String NAME = "SELECT_MFA_TYPE";

    /** The methods offered, and the device the sign-in named (null for none). */
    record State(List<String> methods, String deviceKey) implements ChallengeState {

        State {
            methods = List.copyOf(methods);
        }

        @Override
        public String challengeName() {
            return NAME;
        }
    }

    private record Answer(SignIn.Read read, AuthSession session, State state) {
    }

    private final SignIn signIn;

    SelectMfaChallenge(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public String name() {
        return NAME;
    }

    static AuthResult open(SignIn signIn, SignIn.Read read, User user, Attempt attempt, List<String> methods,
            String deviceKey, Consumer<PoolWrite> change) {
        AuthSession session = MfaSessions.open(signIn, read, user, new State(methods, deviceKey), attempt.now());
        return SecondFactor.commit(signIn, read, change, session)
                ? AuthResult.challenge(NAME, session.id(), Map.of("MFAS_CAN_CHOOSE", Json.write(methods))) : null;
    }

    @Override
    public AuthResult respond(Attempt attempt, String sessionId) {
        for (int round = 1; ; round++) {
            Answer answer = signIn.store().read(attempt.poolId(), pool -> {
                AppClient client = pool.requireClient(attempt.clientId());
                AuthSession session = SignIn.liveSession(pool, client, sessionId, State.class, attempt.now());
                String username = attempt.required("USERNAME");
                String choice = attempt.required("ANSWER");
                SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
                User user = MfaSessions.user(pool, session, username);
                State state = (State) session.state();
                if (!state.methods().contains(choice)) {
                    // Unconfirmed text.
                    throw new CognitoException(ErrorCode.InvalidParameterException,
                            "ANSWER must be one of the MFAS_CAN_CHOOSE methods: " + String.join(", ", state.methods()));
                }
                return new Answer(SignIn.read(pool, client, user), session, state);
            });
            SignIn.Read read = answer.read();
            AuthSession spent = answer.session();
            Attempt chosen = new Attempt(attempt.poolId(), attempt.clientId(), attempt.admin(),
                    answer.state().deviceKey() == null ? Map.of()
                            : Map.of("DEVICE_KEY", answer.state().deviceKey()),
                    attempt.clientMetadata(), attempt.now(), attempt.sourceIp());
            AuthResult result = SecondFactor.open(signIn, read, read.user(), chosen,
                    new SecondFactor.Need(attempt.parameter("ANSWER"), List.of()), pool -> {
                        if (pool.session(spent.id()) != spent) {
                            throw SignIn.invalidSession();
                        }
                        pool.removeSession(spent.id());
                    });
            if (result != null) {
                return result;
            }
            SignIn.changedMeanwhile(round);
        }
    }
}
