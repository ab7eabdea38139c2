package dev.cognitoemulator.domain;

import dev.cognitoemulator.model.EmailMfaConfigType;
import dev.cognitoemulator.model.WebAuthnConfigurationType;

/**
 * The sign-in factors SetUserPoolMfaConfig sets beside the pool's {@code MfaConfiguration} (a {@link PoolSettings}
 * member, which CreateUserPool and UpdateUserPool set too): SMS and TOTP MFA on or off, e-mail MFA's message, and
 * the passkey relying party.
 *
 * @param smsMfa whether SMS MFA is on (the pool's SmsConfiguration and SmsAuthenticationMessage are its settings)
 * @param emailMfa null unless e-mail MFA is on (with no message of its own, both members are null)
 * @param webAuthn null unless set
 */
public record PoolFactors(boolean smsMfa, boolean softwareTokenMfa, EmailMfaConfigType emailMfa,
        WebAuthnConfigurationType webAuthn) {

    public static final PoolFactors NONE = new PoolFactors(false, false, null, null);

    /**
     * What CreateUserPool's or UpdateUserPool's {@code MfaConfiguration} makes of the factors: {@code OFF} turns the
     * MFA factors off (passkeys stay); {@code ON} or {@code OPTIONAL} with no factor on turns SMS MFA on, the one
     * factor those operations configure (their SmsConfiguration).
     */
    public PoolFactors forMfaConfiguration(String mfaConfiguration) {
        if ("OFF".equals(mfaConfiguration)) {
            return new PoolFactors(false, false, null, webAuthn);
        }
        return anyMfa() ? this : new PoolFactors(true, softwareTokenMfa, emailMfa, webAuthn);
    }

    /** Whether any MFA factor is on. */
    public boolean anyMfa() {
        return smsMfa || softwareTokenMfa || emailMfa != null;
    }

    public boolean allows(String method) {
        return switch (method) {
            case MfaSettings.SMS -> smsMfa;
            case MfaSettings.SOFTWARE_TOKEN -> softwareTokenMfa;
            case MfaSettings.EMAIL -> emailMfa != null;
            default -> false;
        };
    }
}
