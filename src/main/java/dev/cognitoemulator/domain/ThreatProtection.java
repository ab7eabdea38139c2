package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.ChallengeResponseType;
import dev.cognitoemulator.model.EventContextDataType;
import java.time.Instant;
import java.util.List;

/**
 * Cognito's threat protection rules, once: a pool records auth events while its
 * {@code UserPoolAddOns.AdvancedSecurityMode} is AUDIT or ENFORCED (only the Plus plan allows either), and in
 * ENFORCED mode an always-block IP range refuses a sign-in. The emulator assesses no other risk: every event it
 * records is NoRisk unless a block list refused it.
 */
public final class ThreatProtection {

    public static final String OFF = "OFF";
    public static final String AUDIT = "AUDIT";
    public static final String ENFORCED = "ENFORCED";

    private ThreatProtection() {
    }

    /** The pool's AdvancedSecurityMode: OFF when it has no add-ons. */
    public static String mode(UserPool pool) {
        var addOns = pool.settings().userPoolAddOns();
        return addOns == null || addOns.advancedSecurityMode() == null ? OFF : addOns.advancedSecurityMode();
    }

    /** Whether the pool records auth events (AUDIT or ENFORCED): the sign-in path asks this first, cheaply. */
    public static boolean recording(UserPool pool) {
        return !OFF.equals(mode(pool));
    }

    /**
     * The refusal of the operations that need threat protection on (AdminListUserAuthEvents, the feedback ones,
     * SetRiskConfiguration). The code is documented ("thrown when user pool add-ons aren't enabled"; the refusal
     * of AdminListUserAuthEvents with the mode off: ministackorg/ministack#1538); the text is unconfirmed.
     */
    public static void requireEnabled(UserPool pool) {
        if (!recording(pool)) {
            throw new CognitoException(ErrorCode.UserPoolAddOnNotEnabledException,
                    "Advanced security features are not enabled for user pool " + pool.id() + ".");
        }
    }

    /**
     * Whether the client's (or the pool's) always-block list refuses a sign-in from {@code ip}: in ENFORCED mode
     * only (AUDIT mode takes no action).
     */
    public static boolean blocked(PoolView pool, String clientId, String ip) {
        if (!ENFORCED.equals(mode(pool.pool()))) {
            return false;
        }
        RiskConfiguration configuration = pool.effectiveRiskConfiguration(clientId);
        return configuration != null && configuration.blocks(ip);
    }

    /**
     * A blocked sign-in's refusal. Unconfirmed: no capture of AWS's answer to an always-blocked address; this is
     * the text Cognito is reported to give a sign-in its adaptive authentication blocks.
     */
    public static CognitoException blockedRefusal() {
        return new CognitoException(ErrorCode.NotAuthorizedException,
                "Unable to login because of security reasons.");
    }

    /** Where an event happened: the IP address (UserContextData's or the caller's) and nothing else is known. */
    public static EventContextDataType context(String ip) {
        return ip == null ? null : EventContextDataType.builder().ipAddress(ip).build();
    }

    /** An event with its id and feedback token, from the one randomness source. */
    public static AuthEvent event(Randomness random, User user, String type, String response, boolean blocked,
            List<ChallengeResponseType> challenges, String ip, Instant now) {
        return new AuthEvent(user.sub(), random.uuid(), type, now, response, blocked ? "Block" : "NoRisk",
                challenges, context(ip), random.token(32), null);
    }

    /** A password answer, as ChallengeResponses lists it. */
    public static ChallengeResponseType password(boolean success) {
        return ChallengeResponseType.builder().challengeName("Password")
                .challengeResponse(success ? "Success" : "Failure").build();
    }

    /** An MFA answer, as ChallengeResponses lists it. */
    public static ChallengeResponseType mfa(boolean success) {
        return ChallengeResponseType.builder().challengeName("Mfa")
                .challengeResponse(success ? "Success" : "Failure").build();
    }
}
