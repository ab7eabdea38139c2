package dev.cognitoemulator.domain;

import dev.cognitoemulator.model.ChallengeResponseType;
import dev.cognitoemulator.model.EventContextDataType;
import dev.cognitoemulator.model.EventFeedbackType;
import java.time.Instant;
import java.util.List;

/**
 * One sign-in, sign-up, password change or forgot-password attempt of a user, as threat protection records it
 * (AdminListUserAuthEvents). {@code feedbackToken} is what UpdateAuthEventFeedback must be given for it (Cognito
 * puts it in its risk notification e-mails); {@code feedback} is null until feedback is given.
 *
 * @param type     {@code EventType}: SignIn, SignUp, ForgotPassword, PasswordChange, ResendCode
 * @param response {@code EventResponse}: Pass, Fail, InProgress
 * @param decision {@code RiskDecision}: NoRisk, or Block when an always-block IP range refused it
 */
public record AuthEvent(String sub, String eventId, String type, Instant creationDate, String response,
        String decision, List<ChallengeResponseType> challenges, EventContextDataType context, String feedbackToken,
        EventFeedbackType feedback) {

    /** The most events a user keeps: the oldest go first (the emulator's bound; Cognito keeps 90 days' worth). */
    public static final int MAX_PER_USER = 100;

    public AuthEvent {
        challenges = List.copyOf(challenges);
    }

    public AuthEvent withFeedback(EventFeedbackType value) {
        return new AuthEvent(sub, eventId, type, creationDate, response, decision, challenges, context,
                feedbackToken, value);
    }
}
