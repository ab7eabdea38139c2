package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.model.AdminRespondToAuthChallengeRequest;
import dev.cognitoemulator.model.AdminRespondToAuthChallengeResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.signin.Attempt;
import dev.cognitoemulator.signin.AuthResult;

/** Answers a challenge of AdminInitiateAuth (SigV4), with the session it gave. */
public final class AdminRespondToAuthChallenge
        implements Operation<AdminRespondToAuthChallengeRequest, AdminRespondToAuthChallengeResponse> {

    @Override
    public AdminRespondToAuthChallengeResponse execute(AdminRespondToAuthChallengeRequest request, Call call) {
        AuthResult result = call.services().signIn().respond(request.challengeName(), request.session(),
                new Attempt(request.userPoolId(), request.clientId(), true, request.challengeResponses(),
                        request.clientMetadata(), call.now(),
                        AuthResults.sourceIp(request.contextData() == null ? null : request.contextData().ipAddress(), call)));
        return new AdminRespondToAuthChallengeResponse(AuthResults.tokens(result), result.challengeName(),
                result.challengeParameters(), result.session());
    }
}
