package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.operations.clients.ClientLookup;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.Map;

/** Answers a challenge of AdminInitiateAuth (SigV4): NEW_PASSWORD_REQUIRED. */
public final class AdminRespondToAuthChallenge
        implements Operation<AdminRespondToAuthChallenge.AdminRespondToAuthChallengeRequest> {

    private final UserPoolStore store;
    private final Authenticator authenticator;

    AdminRespondToAuthChallenge(UserPoolStore store, Authenticator authenticator) {
        this.store = store;
        this.authenticator = authenticator;
    }

    public record AdminRespondToAuthChallengeRequest(String userPoolId, String clientId, String challengeName,
            Map<String, String> challengeResponses, String session, Map<String, String> clientMetadata) {
    }

    @Override
    public Class<AdminRespondToAuthChallengeRequest> requestType() {
        return AdminRespondToAuthChallengeRequest.class;
    }

    @Override
    public Object execute(AdminRespondToAuthChallengeRequest request, RequestContext context) {
        return store.write(request.userPoolId(), pool -> {
            AppClient client = ClientLookup.find(pool, request.clientId());
            return authenticator.respond(pool, client, request.challengeName(), request.session(),
                    request.challengeResponses(), context);
        });
    }
}
