package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.model.AdminInitiateAuthRequest;
import dev.cognitoemulator.model.AdminInitiateAuthResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.signin.Attempt;
import dev.cognitoemulator.signin.AuthResult;

/** Server-side sign-in (SigV4): the flows of {@code SignIn} an administrator may start. */
public final class AdminInitiateAuth implements Operation<AdminInitiateAuthRequest, AdminInitiateAuthResponse> {

    @Override
    public AdminInitiateAuthResponse execute(AdminInitiateAuthRequest request, Call call) {
        AuthResult result = call.services().signIn().initiate(request.authFlow(), request.session(),
                new Attempt(request.userPoolId(), request.clientId(), true, request.authParameters(),
                        request.clientMetadata(), call.now(),
                        AuthResults.sourceIp(request.contextData() == null ? null : request.contextData().ipAddress(), call)));
        return AdminInitiateAuthResponse.builder().challengeName(result.challengeName()).session(result.session())
                .challengeParameters(result.challengeParameters()).authenticationResult(AuthResults.tokens(result))
                .availableChallenges(result.availableChallenges())
                .build();
    }
}
