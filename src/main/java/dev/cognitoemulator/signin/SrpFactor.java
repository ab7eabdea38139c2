package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.User;

/**
 * USER_AUTH's PASSWORD_SRP ({@code SRP_A}): the exchange of USER_SRP_AUTH, answered with PASSWORD_VERIFIER, whose
 * answer goes through {@link PasswordOutcome} as after USER_SRP_AUTH. Allowed by the pool's {@code PASSWORD}.
 */
final class SrpFactor implements FirstFactor {

    static final String NAME = "PASSWORD_SRP";

    private final SignIn signIn;

    SrpFactor(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String allowedAs() {
        return PasswordFactor.NAME;
    }

    @Override
    public boolean availableTo(PoolView pool, User user) {
        return user.credentials() != null;
    }

    @Override
    public AuthResult start(Attempt attempt, String selectSession) {
        return SrpFlow.exchange(signIn, attempt, pool -> UserAuthFlow.client(pool, attempt),
                (pool, client) -> UserAuthFlow.user(pool, client, attempt, selectSession),
                UserAuthFlow.spend(selectSession));
    }
}
