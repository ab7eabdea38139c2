package dev.cognitoemulator.operations.threat;

import dev.cognitoemulator.domain.AuthEvent;
import dev.cognitoemulator.domain.ThreatProtection;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.EventFeedbackType;
import dev.cognitoemulator.model.UpdateAuthEventFeedbackRequest;
import dev.cognitoemulator.model.UpdateAuthEventFeedbackResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A user's own feedback on one of their auth events (no SigV4): the request must carry the event's feedback token,
 * which Cognito puts in the links of its risk notification e-mail; the feedback is kept with the provider
 * {@code User} (unconfirmed).
 */
public final class UpdateAuthEventFeedback
        implements Operation<UpdateAuthEventFeedbackRequest, UpdateAuthEventFeedbackResponse> {

    @Override
    public UpdateAuthEventFeedbackResponse execute(UpdateAuthEventFeedbackRequest request, Call call) {
        call.write(request.userPoolId(), pool -> {
            User user = pool.requireUser(request.username());
            ThreatProtection.requireEnabled(pool.pool());
            AuthEvent event = Risks.requireEvent(pool, user, request.eventId());
            if (!MessageDigest.isEqual(event.feedbackToken().getBytes(StandardCharsets.UTF_8),
                    request.feedbackToken().getBytes(StandardCharsets.UTF_8))) {
                // Unconfirmed text; the model declares NotAuthorizedException.
                throw new CognitoException(ErrorCode.NotAuthorizedException, "Invalid feedback token.");
            }
            pool.putAuthEvent(event.withFeedback(EventFeedbackType.builder().feedbackValue(request.feedbackValue())
                    .provider("User").feedbackDate(call.now()).build()));
            return null;
        });
        return null;
    }
}
