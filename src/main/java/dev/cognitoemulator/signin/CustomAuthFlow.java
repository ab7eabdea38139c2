package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.ChallengeResult;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.triggers.AuthChallenges;
import java.util.List;

/**
 * CUSTOM_AUTH ({@code USERNAME}, {@code SECRET_HASH}; {@code CHALLENGE_NAME: SRP_A} with {@code SRP_A} to verify
 * the password first, as Amplify's CUSTOM_WITH_SRP does): the client must allow it ({@code ALLOW_CUSTOM_AUTH}, or
 * the legacy {@code CUSTOM_AUTH_FLOW_ONLY}) and the pool name a DefineAuthChallenge function; then the user is
 * checked as a password sign-in checks it (an unknown one, unless the client hides which users exist, an unconfirmed
 * one, a disabled one), PreAuthentication runs, and DefineAuthChallenge decides from an empty {@code session} (or
 * {@code SRP_A} met) what comes: {@link CustomChallenge}. Documented: developer guide, "Custom authentication
 * challenge Lambda triggers" and "Define Auth challenge Lambda trigger".
 */
final class CustomAuthFlow implements AuthFlow {

    static final String NAME = "CUSTOM_AUTH";
    static final String SRP_A = "SRP_A";

    private final SignIn signIn;

    CustomAuthFlow(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public AuthResult start(Attempt attempt) {
        String username = attempt.required("USERNAME");
        boolean srp = SRP_A.equals(attempt.parameter("CHALLENGE_NAME"));
        if (srp) {
            attempt.required(SRP_A);
        }
        AuthChallenges.Party party = signIn.store().read(attempt.poolId(), pool -> {
            AppClient client = pool.requireClient(attempt.clientId());
            if (!client.allows("ALLOW_CUSTOM_AUTH", "CUSTOM_AUTH_FLOW_ONLY")) {
                // Unconfirmed text, in the words Cognito uses for USER_PASSWORD_AUTH.
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        NAME + " flow not enabled for this client");
            }
            SecretHash.check(client, attempt.parameter("SECRET_HASH"), username);
            if (!AuthChallenges.configured(pool.pool())) {
                throw AuthChallenges.notConfigured();
            }
            User user = UserLookup.findOrNull(pool, username);
            if (user == null) {
                if (!client.hidesUserExistence()) {
                    throw new CognitoException(ErrorCode.UserNotFoundException, "User does not exist.");
                }
                return new AuthChallenges.Party(pool.pool(), client, null, username);
            }
            CognitoException refusal = PasswordOutcome.statusRefusal(user);
            if (refusal != null) {
                throw refusal;
            }
            if (!user.enabled()) {
                throw SignIn.notAuthorized("User is disabled.");
            }
            return new AuthChallenges.Party(pool.pool(), client, user, user.username());
        });
        if (party.user() != null) {
            signIn.triggers().preAuthentication(party.pool(), party.client(), party.user(),
                    attempt.clientMetadata());
        }
        // "Your define auth challenge Lambda trigger is invoked with an initial session that contains challengeName:
        // SRP_A and challengeResult: true" (developer guide, "Define Auth challenge Lambda trigger").
        List<ChallengeResult> session = srp ? List.of(new ChallengeResult(SRP_A, true, null)) : List.of();
        return CustomChallenge.next(signIn, party, attempt, session, null);
    }
}
