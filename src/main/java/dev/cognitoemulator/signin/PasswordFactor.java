package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.User;

/**
 * USER_AUTH's PASSWORD: the password itself ({@code PASSWORD}), checked as USER_PASSWORD_AUTH checks it, through
 * {@link PasswordOutcome} (refusals, lockout, NEW_PASSWORD_REQUIRED, DEVICE_SRP_AUTH or the tokens).
 */
final class PasswordFactor implements FirstFactor {

    static final String NAME = "PASSWORD";

    private final SignIn signIn;

    PasswordFactor(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean availableTo(PoolView pool, User user) {
        return user.credentials() != null;
    }

    @Override
    public AuthResult start(Attempt attempt, String selectSession) {
        String password = attempt.required("PASSWORD");
        return signIn.passwords().complete(attempt, pool -> {
            UserAuthFlow.Party party = UserAuthFlow.party(pool, attempt, selectSession);
            User user = party.user();
            if (user == null) {
                throw PasswordFlow.unknownUser(party.client());
            }
            return new PasswordOutcome.Checked(SignIn.read(pool, party.client(), user), user.hasPassword(password),
                    SignIn.namedDevice(pool, user, attempt.parameter("DEVICE_KEY")));
        }, UserAuthFlow.spend(selectSession));
    }
}
