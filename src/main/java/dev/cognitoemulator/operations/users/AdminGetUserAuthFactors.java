package dev.cognitoemulator.operations.users;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AdminGetUserAuthFactorsRequest;
import dev.cognitoemulator.model.AdminGetUserAuthFactorsResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * A user's MFA methods and the first factors of choice-based sign-in they can use
 * ({@code ConfiguredUserAuthFactors}), found by username, alias or sub.
 */
public final class AdminGetUserAuthFactors
        implements Operation<AdminGetUserAuthFactorsRequest, AdminGetUserAuthFactorsResponse> {

    @Override
    public AdminGetUserAuthFactorsResponse execute(AdminGetUserAuthFactorsRequest request, Call call) {
        return call.read(request.userPoolId(), pool -> {
            User user = pool.requireUser(request.username());
            return new AdminGetUserAuthFactorsResponse(call.services().signIn().configuredFactors(pool, user),
                    user.mfa().preferred(), Users.mfaMethods(user), user.username());
        });
    }
}
