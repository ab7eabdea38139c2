package dev.cognitoemulator.protocol;

import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.signin.SignIn;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.tokens.Keys;
import dev.cognitoemulator.tokens.TokenService;
import java.time.Clock;

/**
 * What operations work with, made once per emulator: the store, keys and tokens, sign-in, the one randomness source
 * and clock, the account id of ARNs.
 */
public record Services(UserPoolStore store, Keys keys, TokenService tokens, SignIn signIn, Randomness random,
        Clock clock, String accountId) {
}
