package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.model.GetUserAuthFactorsRequest;
import dev.cognitoemulator.model.GetUserAuthFactorsResponse;
import dev.cognitoemulator.operations.users.Users;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * The signed-in user's MFA methods and the first factors of choice-based sign-in they can use
 * ({@code ConfiguredUserAuthFactors}: those the pool allows and the user has), by access token.
 */
public final class GetUserAuthFactors implements Operation<GetUserAuthFactorsRequest, GetUserAuthFactorsResponse> {

    @Override
    public GetUserAuthFactorsResponse execute(GetUserAuthFactorsRequest request, Call call) {
        return AccessTokens.read(call, request.accessToken(), (pool, user) -> new GetUserAuthFactorsResponse(
                call.services().signIn().configuredFactors(pool, user), user.mfa().preferred(),
                Users.mfaMethods(user), user.username()));
    }
}
