package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.messages.Masking;
import dev.cognitoemulator.messages.Message;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A code sent by SMS or e-mail that the user types back: SMS_MFA ({@code SMS_MFA_CODE}), EMAIL_OTP
 * ({@code EMAIL_OTP_CODE}) and SMS_OTP ({@code SMS_OTP_CODE}); one handler per challenge name. EMAIL_OTP is both an
 * MFA challenge and a first factor of USER_AUTH, as SMS_OTP is a first factor: the session's state says which it is,
 * and either way a right code signs the user in. The challenge names where the code went
 * ({@code CODE_DELIVERY_DELIVERY_MEDIUM}, {@code CODE_DELIVERY_DESTINATION}, masked as Cognito masks it); the message
 * is the pool's MFA template ({@code Authentication} in the inbox; {@code --fixed-code} applies). A wrong code is
 * CodeMismatchException and the session stays, up to {@link SecondFactor#MAX_FAILURES}. A right SMS MFA code
 * verifies the phone number (documented: re:Post knowledge center, cognito-mfa-errors).
 */
final class CodeChallenge implements ChallengeHandler {

    /** The challenges of this kind: name, answer parameter, medium and the attribute the code goes to. */
    enum Kind {
        SMS_MFA("SMS_MFA_CODE", Message.SMS, UserLookup.PHONE),
        EMAIL_OTP("EMAIL_OTP_CODE", Message.EMAIL, UserLookup.EMAIL),
        SMS_OTP("SMS_OTP_CODE", Message.SMS, UserLookup.PHONE);

        final String answer;
        final String medium;
        final String attribute;

        Kind(String answer, String medium, String attribute) {
            this.answer = answer;
            this.medium = medium;
            this.attribute = attribute;
        }
    }

    /**
     * The session waits for this code; {@code firstFactor} for a USER_AUTH sign-in by the code alone, false for MFA;
     * the device the sign-in named (null for none); the wrong codes so far.
     */
    record State(Kind kind, String code, boolean firstFactor, String deviceKey, int failures)
            implements ChallengeState {

        @Override
        public String challengeName() {
            return kind.name();
        }

        State failed() {
            return new State(kind, code, firstFactor, deviceKey, failures + 1);
        }
    }

    private record Answer(SignIn.Read read, AuthSession session, State state, Device device) {
    }

    private final SignIn signIn;
    private final Kind kind;

    CodeChallenge(SignIn signIn, Kind kind) {
        this.signIn = signIn;
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.name();
    }

    /** The MFA challenge of this kind (the first-factor flag false). */
    static AuthResult open(SignIn signIn, SignIn.Read read, User user, Attempt attempt, Kind kind, String deviceKey,
            Consumer<PoolWrite> change) {
        return open(signIn, read, user, attempt, kind, false, deviceKey, change);
    }

    /**
     * Sends a new code to the user's phone number or e-mail address and opens the challenge; its session written
     * with {@code change} (null for none); null when the user changed since {@code read} (nothing is sent then).
     */
    static AuthResult open(SignIn signIn, SignIn.Read read, User user, Attempt attempt, Kind kind,
            boolean firstFactor, String deviceKey, Consumer<PoolWrite> change) {
        String destination = user.attributes().get(kind.attribute);
        String code = signIn.newCode();
        AuthSession session = MfaSessions.open(signIn, read, user, new State(kind, code, firstFactor, deviceKey, 0),
                attempt.now());
        if (!SecondFactor.commit(signIn, read, change, session)) {
            return null;
        }
        signIn.send(read.pool(), read.client(), user, kind.medium, destination, code, attempt.clientMetadata());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("CODE_DELIVERY_DELIVERY_MEDIUM", kind.medium);
        parameters.put("CODE_DELIVERY_DESTINATION", Masking.mask(kind.medium, destination));
        return AuthResult.challenge(kind.name(), session.id(), parameters);
    }

    @Override
    public AuthResult respond(Attempt attempt, String sessionId) {
        for (int round = 1; ; round++) {
            Answer answer = signIn.store().read(attempt.poolId(), pool -> {
                AppClient client = pool.requireClient(attempt.clientId());
                AuthSession session = SignIn.liveSession(pool, client, sessionId, State.class, attempt.now());
                State state = (State) session.state();
                if (state.kind() != kind) {
                    throw SignIn.invalidSession();
                }
                String username = attempt.required("USERNAME");
                attempt.required(kind.answer);
                SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
                User user = MfaSessions.user(pool, session, username);
                return new Answer(SignIn.read(pool, client, user), session, state,
                        SignIn.namedDevice(pool, user, state.deviceKey()));
            });
            State state = answer.state();
            if (!MessageDigest.isEqual(state.code().getBytes(StandardCharsets.UTF_8),
                    attempt.parameter(kind.answer).getBytes(StandardCharsets.UTF_8))) {
                throw SecondFactor.refuse(signIn, attempt.poolId(), answer.session(), state.failed(),
                        state.failures() + 1, SecondFactor.codeMismatch());
            }
            User user = answer.read().user();
            User signedIn = kind == Kind.SMS_MFA && !state.firstFactor()
                    && !"true".equals(user.attributes().get(UserLookup.PHONE + "_verified"))
                    ? user.withAttributes(user.attributes().with(UserLookup.PHONE + "_verified", "true"),
                            attempt.now())
                    : user;
            AuthResult result = SecondFactor.passed(signIn, answer.read(), signedIn, attempt, answer.session(),
                    answer.device());
            if (result != null) {
                return result;
            }
            SignIn.changedMeanwhile(round);
        }
    }
}
