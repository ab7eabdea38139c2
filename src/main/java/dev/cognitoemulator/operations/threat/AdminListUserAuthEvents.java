package dev.cognitoemulator.operations.threat;

import dev.cognitoemulator.domain.AuthEvent;
import dev.cognitoemulator.domain.ThreatProtection;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AdminListUserAuthEventsRequest;
import dev.cognitoemulator.model.AdminListUserAuthEventsResponse;
import dev.cognitoemulator.model.AuthEventType;
import dev.cognitoemulator.operations.Pager;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * A user's auth events, newest first, {@code MaxResults} (0 or none: 60) at a time; refused while the pool's threat
 * protection is off (the pool then records none).
 */
public final class AdminListUserAuthEvents
        implements Operation<AdminListUserAuthEventsRequest, AdminListUserAuthEventsResponse> {

    @Override
    public AdminListUserAuthEventsResponse execute(AdminListUserAuthEventsRequest request, Call call) {
        Pager.Page<AuthEventType> page = call.read(request.userPoolId(), pool -> {
            User user = pool.requireUser(request.username());
            ThreatProtection.requireEnabled(pool.pool());
            return Pager.page(call, Risks.EVENTS, request.maxResults(), request.nextToken(),
                    pool.pool().id() + "\n" + user.sub(), after -> pool.authEventsAfter(user.sub(), after),
                    AuthEvent::eventId, Risks::type);
        });
        return new AdminListUserAuthEventsResponse(page.items(), page.nextToken());
    }
}
