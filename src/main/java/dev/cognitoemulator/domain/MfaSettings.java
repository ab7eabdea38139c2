package dev.cognitoemulator.domain;

import java.util.List;

/**
 * A user's MFA methods: which are on ({@code SMS_MFA}, {@code SOFTWARE_TOKEN_MFA}, {@code EMAIL_OTP}, as
 * {@code UserMFASettingList} names them) and the preferred one (null for none).
 */
public record MfaSettings(List<String> enabled, String preferred) {

    public static final MfaSettings NONE = new MfaSettings(List.of(), null);
    public static final String SMS = "SMS_MFA";

    public MfaSettings {
        enabled = List.copyOf(enabled);
    }

    public boolean has(String method) {
        return enabled.contains(method);
    }

    /** SMS MFA on or off, as SetUserSettings' MFAOptions say; it becomes the preferred method when none is. */
    public MfaSettings withSms(boolean on) {
        java.util.List<String> methods = new java.util.ArrayList<>(enabled);
        methods.remove(SMS);
        if (on) {
            methods.add(SMS);
            return new MfaSettings(methods, preferred == null ? SMS : preferred);
        }
        return new MfaSettings(methods, SMS.equals(preferred) ? null : preferred);
    }
}
