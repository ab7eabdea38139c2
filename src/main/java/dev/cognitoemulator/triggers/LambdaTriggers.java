package dev.cognitoemulator.triggers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.model.LambdaConfigType;
import java.util.Map;

/**
 * The triggers of each pool's {@code LambdaConfig}, called through {@link Lambdas}: each builds its event as the
 * Cognito developer guide documents it and applies the response fields it documents.
 */
public final class LambdaTriggers implements Triggers {

    private final Lambdas lambdas;

    public LambdaTriggers(Lambdas lambdas) {
        this.lambdas = lambdas;
    }

    /** The pool's {@code LambdaConfig}, empty when it has none. */
    static LambdaConfigType config(UserPool pool) {
        LambdaConfigType config = pool.settings().lambdaConfig();
        return config == null ? LambdaConfigType.builder().build() : config;
    }

    /**
     * PreAuthentication_Authentication: {@code userAttributes}, and the request's {@code ClientMetadata} as
     * {@code validationData} (developer guide, "Pre authentication Lambda trigger"). Nothing of the response is used.
     */
    @Override
    public void preAuthentication(UserPool pool, AppClient client, User user, Map<String, String> clientMetadata) {
        String function = config(pool).preAuthentication();
        if (function == null) {
            return;
        }
        ObjectNode event = TriggerEvent.envelope(pool, client, user.username(), "PreAuthentication_Authentication");
        ObjectNode request = TriggerEvent.request(event);
        TriggerEvent.putStrings(request, "userAttributes", TriggerEvent.userAttributes(user));
        TriggerEvent.putStrings(request, "validationData", clientMetadata);
        lambdas.invoke("PreAuthentication", function, event);
    }

    /**
     * PostAuthentication_Authentication: {@code userAttributes}, {@code newDeviceUsed}, {@code clientMetadata}
     * (developer guide, "Post authentication Lambda trigger"). Nothing of the response is used.
     */
    @Override
    public void postAuthentication(UserPool pool, AppClient client, User user, Map<String, String> clientMetadata) {
        String function = config(pool).postAuthentication();
        if (function == null) {
            return;
        }
        ObjectNode event = TriggerEvent.envelope(pool, client, user.username(), "PostAuthentication_Authentication");
        ObjectNode request = TriggerEvent.request(event);
        TriggerEvent.putStrings(request, "userAttributes", TriggerEvent.userAttributes(user));
        request.put("newDeviceUsed", false);
        TriggerEvent.putStrings(request, "clientMetadata", clientMetadata);
        lambdas.invoke("PostAuthentication", function, event);
    }
}
