package dev.cognitoemulator.protocol;

import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.imports.UserImports;
import dev.cognitoemulator.messages.Codes;
import dev.cognitoemulator.messages.Messenger;
import dev.cognitoemulator.quotas.Quotas;
import dev.cognitoemulator.signin.SignIn;
import dev.cognitoemulator.store.UserPoolStore;
import dev.cognitoemulator.triggers.LambdaTriggers;
import dev.cognitoemulator.triggers.Lambdas;
import dev.cognitoemulator.triggers.Triggers;
import dev.cognitoemulator.tokens.Issuer;
import dev.cognitoemulator.tokens.KeyStock;
import dev.cognitoemulator.tokens.Keys;
import dev.cognitoemulator.tokens.TokenService;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What operations work with, made once per emulator: the store, keys and tokens, sign-in, the messages Cognito would
 * send and the codes in them, the one randomness source and clock, the account id of ARNs, the request-rate quotas,
 * the user imports running in the background, the pools' Lambda triggers ({@code triggers}) and the functions they
 * call ({@code lambdas}, for a trigger the port does not name).
 */
public record Services(UserPoolStore store, Keys keys, TokenService tokens, SignIn signIn, Messenger messenger,
        Codes codes, Randomness random, Clock clock, String accountId, Quotas quotas, UserImports imports,
        Triggers triggers, Lambdas lambdas) {

    /**
     * The services over {@code store}, with keys from {@code stock}, tokens naming {@code issuer}, triggers calling
     * {@code lambdas} and user imports run by {@code background}.
     */
    public static Services of(UserPoolStore store, KeyStock stock, Issuer issuer, Lambdas lambdas,
            Messenger messenger, Codes codes, Randomness random, Clock clock, String accountId, Quotas quotas,
            Executor background) {
        Keys keys = new Keys(store, stock);
        TokenService tokens = new TokenService(random);
        Triggers triggers = new LambdaTriggers(lambdas);
        return new Services(store, keys, tokens, new SignIn(store, keys, tokens, triggers, lambdas, random, issuer,
                messenger, codes), messenger, codes, random, clock, accountId, quotas,
                new UserImports(store, clock, random, background), triggers, lambdas);
    }
}
