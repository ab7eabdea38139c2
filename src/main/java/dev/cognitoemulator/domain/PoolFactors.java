package dev.cognitoemulator.domain;

import dev.cognitoemulator.model.EmailMfaConfigType;
import dev.cognitoemulator.model.WebAuthnConfigurationType;

/**
 * The sign-in factors SetUserPoolMfaConfig sets beside the pool's {@code MfaConfiguration} (a {@link PoolSettings}
 * member, which CreateUserPool and UpdateUserPool set too): TOTP on or off, e-mail MFA's message, and the passkey
 * relying party. UpdateUserPool leaves them as they are.
 *
 * @param emailMfa null unless set
 * @param webAuthn null unless set
 */
public record PoolFactors(boolean softwareTokenMfa, EmailMfaConfigType emailMfa, WebAuthnConfigurationType webAuthn) {

    public static final PoolFactors NONE = new PoolFactors(false, null, null);
}
