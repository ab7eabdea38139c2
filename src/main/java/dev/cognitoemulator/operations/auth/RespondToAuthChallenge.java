package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.model.RespondToAuthChallengeRequest;
import dev.cognitoemulator.model.RespondToAuthChallengeResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.signin.Attempt;
import dev.cognitoemulator.signin.AuthResult;

/** Answers a challenge of InitiateAuth (no SigV4), with the session it gave. */
public final class RespondToAuthChallenge
        implements Operation<RespondToAuthChallengeRequest, RespondToAuthChallengeResponse> {

    @Override
    public RespondToAuthChallengeResponse execute(RespondToAuthChallengeRequest request, Call call) {
        AuthResult result = call.services().signIn().respond(request.challengeName(), request.session(),
                new Attempt(call.store().poolOfClient(request.clientId()), request.clientId(), false,
                        request.challengeResponses(), request.clientMetadata(), call.now(),
                        AuthResults.sourceIp(request.userContextData() == null ? null : request.userContextData().ipAddress(), call)));
        return new RespondToAuthChallengeResponse(AuthResults.tokens(result), result.challengeName(),
                result.challengeParameters(), result.session());
    }
}
