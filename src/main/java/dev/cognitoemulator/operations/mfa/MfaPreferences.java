package dev.cognitoemulator.operations.mfa;

import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.EmailMfaSettingsType;
import dev.cognitoemulator.model.SMSMfaSettingsType;
import dev.cognitoemulator.model.SoftwareTokenMfaSettingsType;
import java.time.Instant;

/**
 * SetUserMFAPreference and AdminSetUserMFAPreference: each settings object given turns its method on or off
 * ({@code Enabled}; left out, as it was) and makes it preferred ({@code PreferredMfa} true) or not (false, when it
 * was); a method turned off is no longer preferred. A method the user can't receive codes by is refused.
 */
final class MfaPreferences {

    /** One method's settings as the request gives them; both null when it gives none. */
    record Setting(String method, Boolean enabled, Boolean preferred) {
    }

    private MfaPreferences() {
    }

    /** The three settings objects both operations take (each null when left out). */
    static User apply(UserPool pool, User user, Instant now, SMSMfaSettingsType sms,
            SoftwareTokenMfaSettingsType totp, EmailMfaSettingsType email) {
        return apply(pool, user, now,
                new Setting(MfaSettings.SMS, sms == null ? null : sms.enabled(), sms == null ? null : sms.preferredMfa()),
                new Setting(MfaSettings.SOFTWARE_TOKEN, totp == null ? null : totp.enabled(),
                        totp == null ? null : totp.preferredMfa()),
                new Setting(MfaSettings.EMAIL, email == null ? null : email.enabled(),
                        email == null ? null : email.preferredMfa()));
    }

    private static User apply(UserPool pool, User user, Instant now, Setting... settings) {
        MfaSettings mfa = user.mfa();
        int preferring = 0;
        for (Setting s : settings) {
            if (Boolean.TRUE.equals(s.enabled())) {
                requireUsable(pool, user, s.method());
            }
            if (Boolean.TRUE.equals(s.preferred())) {
                preferring++;
            }
        }
        if (preferring > 1) {
            // Documented: "Only one factor can be set as preferred" (SetUserMFAPreference); text unconfirmed.
            throw invalid("Only one MFA method can be set as preferred.");
        }
        for (Setting s : settings) {
            if (s.enabled() != null) {
                mfa = mfa.with(s.method(), s.enabled());
            }
            if (Boolean.TRUE.equals(s.preferred()) && mfa.has(s.method())) {
                mfa = mfa.preferring(s.method());
            } else if (Boolean.FALSE.equals(s.preferred()) && s.method().equals(mfa.preferred())) {
                mfa = mfa.preferring(null);
            }
        }
        return mfa.equals(user.mfa()) ? user : user.withMfa(mfa, now);
    }

    /**
     * SMS needs a phone number (captured: aws-amplify/amplify-js#5766), TOTP a verified token (captured:
     * aws/aws-sdk-js-v3#4645; in 2019 "User has not set up software token mfa": aws-amplify/amplify-js#1812),
     * e-mail the pool's e-mail MFA (documented: EmailMfaSettingsType; text unconfirmed) and a verified e-mail
     * address (documented: email MFA, developer guide; the text SOFTWARE_TOKEN_MFA's, unconfirmed).
     */
    private static void requireUsable(UserPool pool, User user, String method) {
        switch (method) {
            case MfaSettings.SMS -> {
                if (!user.attributes().has(UserLookup.PHONE)) {
                    throw invalid("User does not have a phone_number set to turn on SMS MFA");
                }
            }
            case MfaSettings.SOFTWARE_TOKEN -> {
                if (user.mfa().token() == null) {
                    throw invalid("User does not have delivery config set to turn on SOFTWARE_TOKEN_MFA");
                }
            }
            default -> {
                if (pool.factors().emailMfa() == null) {
                    throw invalid("Email MFA is not enabled for this user pool.");
                }
                if (!"true".equals(user.attributes().get(UserLookup.EMAIL + "_verified"))) {
                    throw invalid("User does not have delivery config set to turn on EMAIL_OTP");
                }
            }
        }
    }

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }
}
