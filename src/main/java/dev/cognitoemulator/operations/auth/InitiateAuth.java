package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.model.InitiateAuthRequest;
import dev.cognitoemulator.model.InitiateAuthResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.signin.Attempt;
import dev.cognitoemulator.signin.AuthResult;

/** Client-side sign-in (no SigV4) in the pool of the client: the flows of {@code SignIn} a client may start. */
public final class InitiateAuth implements Operation<InitiateAuthRequest, InitiateAuthResponse> {

    @Override
    public InitiateAuthResponse execute(InitiateAuthRequest request, Call call) {
        AuthResult result = call.services().signIn().initiate(request.authFlow(), request.session(), new Attempt(
                call.store().poolOfClient(request.clientId()), request.clientId(), false, request.authParameters(),
                request.clientMetadata(), call.now(),
                        AuthResults.sourceIp(request.userContextData() == null ? null : request.userContextData().ipAddress(), call)));
        return InitiateAuthResponse.builder().challengeName(result.challengeName()).session(result.session())
                .challengeParameters(result.challengeParameters()).authenticationResult(AuthResults.tokens(result))
                .availableChallenges(result.availableChallenges())
                .build();
    }
}
