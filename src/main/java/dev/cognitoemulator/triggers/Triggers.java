package dev.cognitoemulator.triggers;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import java.util.Map;

/**
 * The port to a pool's Lambda triggers. Callers invoke it outside every pool lock: they read what they need, call
 * out, then write, re-checking in the write what the callout may have seen change. A trigger the pool's
 * {@code LambdaConfig} does not name is not called.
 */
public interface Triggers {

    /** PreAuthentication, before a password sign-in succeeds; may refuse it by throwing. */
    void preAuthentication(UserPool pool, AppClient client, User user, Map<String, String> clientMetadata);

    /** PostAuthentication, after a sign-in succeeded. */
    void postAuthentication(UserPool pool, AppClient client, User user, Map<String, String> clientMetadata);
}
