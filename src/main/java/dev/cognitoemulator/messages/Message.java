package dev.cognitoemulator.messages;

import java.time.Instant;

/**
 * An e-mail or text message Cognito would have sent, as the inbox keeps it.
 *
 * @param destination the address or number itself (unmasked)
 * @param deliveryMedium {@code EMAIL} or {@code SMS}
 * @param kind what it was sent for: Cognito's CustomMessage trigger source without its prefix ({@code SignUp},
 *             {@code ResendCode}, {@code ForgotPassword}, {@code UpdateUserAttribute}, {@code VerifyUserAttribute},
 *             {@code AdminCreateUser}, {@code Authentication})
 * @param code the code it carries (for {@code AdminCreateUser}, the temporary password); null when none
 * @param subject the e-mail's subject; null for a text message
 */
public record Message(String id, String userPoolId, String username, String destination, String deliveryMedium,
        String kind, String code, String subject, String message, Instant sentAt) {

    public static final String EMAIL = "EMAIL";
    public static final String SMS = "SMS";

    /** Never the code: it is what a test reads from the inbox, not what a log should show. */
    @Override
    public String toString() {
        return "Message[" + id + " " + kind + " " + deliveryMedium + " to " + Masking.mask(deliveryMedium, destination)
                + "]";
    }
}
