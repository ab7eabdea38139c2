package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.operations.clients.ClientLookup;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.Map;

/** Answers a challenge of InitiateAuth (no SigV4): NEW_PASSWORD_REQUIRED. */
public final class RespondToAuthChallenge implements Operation<RespondToAuthChallenge.RespondToAuthChallengeRequest> {

    private final UserPoolStore store;
    private final Authenticator authenticator;

    RespondToAuthChallenge(UserPoolStore store, Authenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
    }

    public record RespondToAuthChallengeRequest(String clientId, String challengeName, String session,
            Map<String, String> challengeResponses, Map<String, String> clientMetadata) {
    }

    @Override
    public Class<RespondToAuthChallengeRequest> requestType() {
        return RespondToAuthChallengeRequest.class;
    }

    @Override
    public Object execute(RespondToAuthChallengeRequest request, RequestContext context) {
        return store.write(store.poolOfClient(request.clientId()), pool -> {
            AppClient client = ClientLookup.find(pool, request.clientId());
            return authenticator.respond(pool, client, request.challengeName(), request.session(),
                    request.challengeResponses(), context);
        });
    }
}
