package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.User;

/**
 * A first factor of choice-based sign-in ({@code USER_AUTH}), by the name {@code PREFERRED_CHALLENGE},
 * {@code ANSWER} and {@code AvailableChallenges} give it: {@code PASSWORD}, {@code PASSWORD_SRP}, {@code EMAIL_OTP},
 * {@code SMS_OTP}, {@code WEB_AUTHN}. {@link UserAuthFlow} offers a factor to a user when the pool's
 * {@code SignInPolicy.AllowedFirstAuthFactors} lists {@link #allowedAs()} and {@link #availableTo} says the user has
 * what it needs; then it calls {@link #start} (from InitiateAuth's {@code PREFERRED_CHALLENGE}, or from the
 * {@code ANSWER} to SELECT_CHALLENGE). GetUserAuthFactors lists the factors offered the same way.
 *
 * <p>To add one: implement this interface in {@code signin}, register it in {@link SignIn}'s constructor
 * ({@code factor(new EmailOtpFactor(this))}), and register the challenge that answers it, if any, as a
 * {@link ChallengeHandler}. In {@link #start}, read under the pool's lock through
 * {@link UserAuthFlow#party} (the client, its {@code ALLOW_USER_AUTH}, the secret hash, the user: by
 * {@code USERNAME}, or the SELECT_CHALLENGE session's own), write what the factor opens together with
 * {@link UserAuthFlow#spend} (the SELECT_CHALLENGE session is answered once), and answer with the factor's challenge
 * ({@link AuthResult#challenge}) or, for a factor that signs in at once, the tokens. An unknown user (null from
 * {@code party}, where the client hides which users exist) must get the answer a real one would.
 */
interface FirstFactor {

    /** The factor's name, as {@code AvailableChallenges} lists it. */
    String name();

    /** The {@code AllowedFirstAuthFactors} value that allows it (PASSWORD_SRP is allowed by PASSWORD). */
    default String allowedAs() {
        return name();
    }

    /**
     * Whether the user has what the factor needs (a password, a verified email or phone number, a passkey). Runs
     * under the pool's read lock: cheap, no callouts.
     */
    boolean availableTo(PoolView pool, User user);

    /**
     * Starts the factor: its challenge or the tokens.
     *
     * @param selectSession the SELECT_CHALLENGE session the factor was chosen in; null when InitiateAuth named it
     *                      ({@code PREFERRED_CHALLENGE})
     */
    AuthResult start(Attempt attempt, String selectSession);
}
