package dev.cognitoemulator.domain;

import java.time.Instant;
import java.util.List;

/**
 * A passkey a user registered (CompleteWebAuthnRegistration): its credential id (Base64URL of the authenticator's
 * raw id), the relying party it was made for, the attested credential data of its registration (Base64URL of the
 * bytes: the authenticator's AAGUID, the credential id and its COSE public key), the last signature counter seen,
 * what the authenticator said of itself, and when it was registered.
 *
 * @param authenticatorAttachment {@code platform} or {@code cross-platform}, or null when the client did not say
 * @param uvInitialized whether the authenticator verified the user at registration
 * @param backupEligible the authenticator data's backup-eligible flag at registration
 * @param backupState the backup-state flag of the last ceremony
 */
public record WebAuthnCredential(String credentialId, String sub, String relyingPartyId,
        String attestedCredentialData, long signCount, String friendlyName, String authenticatorAttachment,
        List<String> transports, Instant created, boolean uvInitialized, boolean backupEligible,
        boolean backupState) {

    public WebAuthnCredential {
        transports = List.copyOf(transports);
    }

    /** After a sign-in with it: the counter and backup state the authenticator reported. */
    public WebAuthnCredential used(long newSignCount, boolean newBackupState) {
        return new WebAuthnCredential(credentialId, sub, relyingPartyId, attestedCredentialData, newSignCount,
                friendlyName, authenticatorAttachment, transports, created, uvInitialized, backupEligible,
                newBackupState);
    }

    /** Nothing of the key. */
    @Override
    public String toString() {
        return "WebAuthnCredential[" + credentialId + " of " + sub + "]";
    }
}
