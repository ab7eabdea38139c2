package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;

/**
 * USER_AUTH's passwordless first factors: EMAIL_OTP (a code e-mailed to the user's verified address) and SMS_OTP (a
 * code texted to the verified phone number), each allowed by the pool's {@code AllowedFirstAuthFactors} of its name
 * (documented: API reference, SignInPolicyType; the verified address, developer guide "authentication flows",
 * passwordless). The code goes out and the challenge of the same name waits for it ({@link CodeChallenge}, as a
 * first factor): a right code signs the user in with no password and no MFA after it.
 */
final class OtpFactor implements FirstFactor {

    private final SignIn signIn;
    private final CodeChallenge.Kind kind;

    OtpFactor(SignIn signIn, CodeChallenge.Kind kind) {
        this.signIn = signIn;
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.name();
    }

    @Override
    public boolean availableTo(PoolView pool, User user) {
        return user.attributes().has(kind.attribute)
                && "true".equals(user.attributes().get(kind.attribute + "_verified"));
    }

    @Override
    public AuthResult start(Attempt attempt, String selectSession) {
        for (int round = 1; ; round++) {
            SignIn.Read read = signIn.store().read(attempt.poolId(), pool -> {
                UserAuthFlow.Party party = UserAuthFlow.party(pool, attempt, selectSession);
                User user = party.user();
                if (user == null || !availableTo(pool, user)) {
                    // Offered only to users who have the address; a hidden unknown user is offered no code.
                    throw PasswordFlow.unknownUser(party.client());
                }
                CognitoException refusal = PasswordOutcome.statusRefusal(user);
                if (refusal != null) {
                    throw refusal;
                }
                if (!user.enabled()) {
                    throw SignIn.notAuthorized("User is disabled.");
                }
                return SignIn.read(pool, party.client(), user);
            });
            signIn.triggers().preAuthentication(read.pool(), read.client(), read.user(), attempt.clientMetadata());
            AuthResult result = CodeChallenge.open(signIn, read, read.user(), attempt, kind, true,
                    attempt.parameter("DEVICE_KEY"), UserAuthFlow.spend(selectSession));
            if (result != null) {
                return result;
            }
            SignIn.changedMeanwhile(round);
        }
    }
}
