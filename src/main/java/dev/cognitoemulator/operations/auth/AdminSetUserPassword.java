package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.Passwords;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import dev.cognitoemulator.store.UserPoolStore;
import java.time.Clock;

/**
 * Sets a user's password, checked against the policy: permanent (the user is CONFIRMED) or temporary (the
 * user must choose a new one at next sign-in: FORCE_CHANGE_PASSWORD).
 */
public final class AdminSetUserPassword implements Operation<AdminSetUserPassword.AdminSetUserPasswordRequest> {

    private final UserPoolStore store;
    private final Clock clock;

    AdminSetUserPassword(UserPoolStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public record AdminSetUserPasswordRequest(String userPoolId, String username, String password,
            Boolean permanent) {
    }

    public record AdminSetUserPasswordResponse() {
    }

    @Override
    public Class<AdminSetUserPasswordRequest> requestType() {
        return AdminSetUserPasswordRequest.class;
    }

    @Override
    public Object execute(AdminSetUserPasswordRequest request, RequestContext context) {
        return store.write(request.userPoolId(), pool -> {
            User user = UserLookup.find(pool, request.username());
            Passwords.check(pool.pool(), request.password(), Passwords.USER_PREFIX);
            UserStatus status = Boolean.TRUE.equals(request.permanent()) ? UserStatus.CONFIRMED
                    : UserStatus.FORCE_CHANGE_PASSWORD;
            pool.put(user.withPassword(Passwords.hash(request.password()), status, clock.instant()));
            return new AdminSetUserPasswordResponse();
        });
    }
}
