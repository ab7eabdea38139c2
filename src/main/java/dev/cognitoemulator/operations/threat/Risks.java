package dev.cognitoemulator.operations.threat;

import dev.cognitoemulator.domain.AuthEvent;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.RiskConfiguration;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AuthEventType;
import dev.cognitoemulator.model.EventRiskType;
import dev.cognitoemulator.model.RiskConfigurationType;
import dev.cognitoemulator.operations.Pager;

/** Threat protection on the wire, and what its operations share. */
final class Risks {

    /** Documented: MaxResults 0 or none answers 60 events, and 60 is the most. */
    static final Pager.Limits EVENTS = new Pager.Limits("AdminListUserAuthEvents", 60, 60);

    private Risks() {
    }

    /** The configuration as Describe and Set answer it; {@code configuration} null: the defaults (nothing set). */
    static RiskConfigurationType type(String poolId, String clientId, RiskConfiguration configuration) {
        RiskConfigurationType.Builder b = RiskConfigurationType.builder().userPoolId(poolId).clientId(clientId);
        if (configuration != null) {
            b.compromisedCredentialsRiskConfiguration(configuration.compromisedCredentials())
                    .accountTakeoverRiskConfiguration(configuration.accountTakeover())
                    .riskExceptionConfiguration(configuration.exceptions())
                    .lastModifiedDate(configuration.lastModified());
        }
        return b.build();
    }

    static AuthEventType type(AuthEvent event) {
        return AuthEventType.builder().eventId(event.eventId()).eventType(event.type())
                .creationDate(event.creationDate()).eventResponse(event.response())
                .eventRisk(EventRiskType.builder().riskDecision(event.decision())
                        .compromisedCredentialsDetected(false).build())
                .challengeResponses(event.challenges()).eventContextData(event.context())
                .eventFeedback(event.feedback()).build();
    }

    /**
     * The user's event of that id. Unconfirmed: no capture of AWS's answer for an unknown event id; the model
     * declares ResourceNotFoundException for these operations.
     */
    static AuthEvent requireEvent(PoolView pool, User user, String eventId) {
        AuthEvent event = pool.authEvent(user.sub(), eventId);
        if (event == null) {
            throw new CognitoException(ErrorCode.ResourceNotFoundException,
                    "Auth event " + eventId + " does not exist.");
        }
        return event;
    }
}
