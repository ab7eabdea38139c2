package dev.cognitoemulator.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A user's MFA methods: which are on ({@code SMS_MFA}, {@code SOFTWARE_TOKEN_MFA}, {@code EMAIL_OTP}, as
 * {@code UserMFASettingList} names them, in that order), the preferred one (null for none), the verified software
 * token (null until VerifySoftwareToken accepts one) and the secret AssociateSoftwareToken gave last, waiting for
 * its first code (null when none waits).
 */
public record MfaSettings(List<String> enabled, String preferred, SoftwareToken token, String pendingSecret) {

    public static final String SMS = "SMS_MFA";
    public static final String SOFTWARE_TOKEN = "SOFTWARE_TOKEN_MFA";
    public static final String EMAIL = "EMAIL_OTP";
    /** The methods in the order Cognito lists them (before {@link #NONE}, which the constructor sorts by them). */
    public static final List<String> METHODS = List.of(SMS, SOFTWARE_TOKEN, EMAIL);
    public static final MfaSettings NONE = new MfaSettings(List.of(), null, null, null);

    /**
     * A verified authenticator: its Base32 secret, the name VerifySoftwareToken gave it (null for none) and the last
     * time step a code of it was accepted at (a code is good once: the same step never again).
     */
    public record SoftwareToken(String secret, String friendlyName, long lastStep) {

        public SoftwareToken used(long step) {
            return new SoftwareToken(secret, friendlyName, step);
        }
    }

    public MfaSettings {
        enabled = METHODS.stream().filter(enabled::contains).toList();
    }

    public boolean has(String method) {
        return enabled.contains(method);
    }

    /** {@code method} on or off; turned off, it is no longer the preferred one. */
    public MfaSettings with(String method, boolean on) {
        List<String> methods = new ArrayList<>(enabled);
        methods.remove(method);
        if (on) {
            methods.add(method);
        }
        return new MfaSettings(methods, on || !method.equals(preferred) ? preferred : null, token, pendingSecret);
    }

    /** {@code method} preferred (null: none). */
    public MfaSettings preferring(String method) {
        return new MfaSettings(enabled, method, token, pendingSecret);
    }

    /** SMS MFA on or off, as SetUserSettings' MFAOptions say; it becomes the preferred method when none is. */
    public MfaSettings withSms(boolean on) {
        MfaSettings changed = with(SMS, on);
        return on && preferred == null ? changed.preferring(SMS) : changed;
    }

    /** AssociateSoftwareToken: a new secret waits for its first code (the verified token, if any, stays). */
    public MfaSettings associating(String secret) {
        return new MfaSettings(enabled, preferred, token, secret);
    }

    /** VerifySoftwareToken: the waiting secret becomes the user's token, its code's step used. */
    public MfaSettings verified(String secret, String friendlyName, long step) {
        return new MfaSettings(enabled, preferred, new SoftwareToken(secret, friendlyName, step), null);
    }

    /** A code of the token accepted at {@code step}. */
    public MfaSettings tokenUsed(long step) {
        return new MfaSettings(enabled, preferred, token.used(step), pendingSecret);
    }
}
