package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.time.Instant;
import java.util.List;

/**
 * SELECT_CHALLENGE of USER_AUTH: {@code ANSWER} names one of the offered first factors, whose parameters come with
 * it ({@code PASSWORD}, {@code SRP_A}, ...); that factor then starts ({@link FirstFactor#start}) and spends the
 * session (documented: API reference, RespondToAuthChallenge ChallengeName).
 */
final class SelectChallenge implements ChallengeHandler {

    static final String NAME = "SELECT_CHALLENGE";

    /** The factors offered ({@code AvailableChallenges}). */
    record State(List<String> available) implements ChallengeState {
        State {
            available = List.copyOf(available);
        }

        @Override
        public String challengeName() {
            return NAME;
        }
    }

    private final SignIn signIn;

    SelectChallenge(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AuthResult respond(Attempt attempt, String sessionId) {
        State state = signIn.store().read(attempt.poolId(), pool -> (State) session(pool,
                pool.requireClient(attempt.clientId()), sessionId, attempt.now()).state());
        String answer = attempt.required("ANSWER");
        FirstFactor factor = signIn.factor(answer);
        if (factor == null || !state.available().contains(answer)) {
            // Unconfirmed text.
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "The ANSWER " + answer + " is not one of the AvailableChallenges.");
        }
        return factor.start(attempt, sessionId);
    }

    /** The live SELECT_CHALLENGE session of this client that {@code sessionId} names. */
    static AuthSession session(PoolView pool, AppClient client, String sessionId, Instant now) {
        return SignIn.liveSession(pool, client, sessionId, State.class, now);
    }
}
