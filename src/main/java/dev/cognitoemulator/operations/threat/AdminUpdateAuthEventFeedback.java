package dev.cognitoemulator.operations.threat;

import dev.cognitoemulator.domain.AuthEvent;
import dev.cognitoemulator.domain.ThreatProtection;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.model.AdminUpdateAuthEventFeedbackRequest;
import dev.cognitoemulator.model.AdminUpdateAuthEventFeedbackResponse;
import dev.cognitoemulator.model.EventFeedbackType;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * An administrator's feedback on one of a user's auth events, kept on the event with the provider {@code Admin}
 * (documented: "if you submit event feedback in the Amazon Cognito console, this value is Admin").
 */
public final class AdminUpdateAuthEventFeedback
        implements Operation<AdminUpdateAuthEventFeedbackRequest, AdminUpdateAuthEventFeedbackResponse> {

    @Override
    public AdminUpdateAuthEventFeedbackResponse execute(AdminUpdateAuthEventFeedbackRequest request, Call call) {
        call.write(request.userPoolId(), pool -> {
            User user = pool.requireUser(request.username());
            ThreatProtection.requireEnabled(pool.pool());
            AuthEvent event = Risks.requireEvent(pool, user, request.eventId());
            pool.putAuthEvent(event.withFeedback(EventFeedbackType.builder().feedbackValue(request.feedbackValue())
                    .provider("Admin").feedbackDate(call.now()).build()));
            return null;
        });
        return null;
    }
}
