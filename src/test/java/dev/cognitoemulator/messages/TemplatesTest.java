package dev.cognitoemulator.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.domain.PoolSettings;
import dev.cognitoemulator.model.MessageTemplateType;
import dev.cognitoemulator.model.VerificationMessageTemplateType;
import org.junit.jupiter.api.Test;

/**
 * Each text Cognito sends and each placeholder it fills, from a pool's settings (self-service.md section 1): defaults
 * documented (aws-cli describe-user-pool example) or captured (subject fs:61266610339; reset body
 * WikiWatershed/monitor-my-watershed#636; invitation londonaicentre/FLIP#15).
 */
class TemplatesTest {

    private static final String LINK = "https://auth.example.com/confirmUser?client_id=c&user_name=u"
            + "&confirmation_code=1";

    private static PoolSettings pool(VerificationMessageTemplateType template, String sms, String email,
            String subject, MessageTemplateType invite) {
        PoolSettings d = PoolSettings.defaults();
        return new PoolSettings(d.autoVerifiedAttributes(), d.deletionProtection(), d.mfaConfiguration(), d.tags(),
                d.passwordPolicy(), d.allowedFirstAuthFactors(), d.lambdaConfig(), sms, email, subject, template,
                d.smsAuthenticationMessage(), d.allowAdminCreateUserOnly(), d.unusedAccountValidityDays(), invite,
                d.attributesRequireVerificationBeforeUpdate(), d.deviceConfiguration(), d.emailConfiguration(),
                d.smsConfiguration(), d.userPoolAddOns(), d.accountRecoverySetting(), d.userPoolTier(),
                d.keyConfiguration(), d.issuerConfiguration());
    }

    private static PoolSettings template(VerificationMessageTemplateType.Builder template) {
        return pool(template.build(), null, null, null, null);
    }

    private static PoolSettings invite(MessageTemplateType.Builder invite) {
        return pool(PoolSettings.defaults().verificationTemplate(), null, null, null, invite.build());
    }

    // ---- verification codes ----

    @Test
    void defaultVerificationEmailKeepsItsTrailingSpace() {
        assertThat(Templates.verification(PoolSettings.defaults(), Message.EMAIL, "012345", null))
                .isEqualTo(new Templates.Text("Your verification code", "Your verification code is 012345. "));
    }

    @Test
    void defaultVerificationTextHasNoSubject() {
        assertThat(Templates.verification(PoolSettings.defaults(), Message.SMS, "012345", null))
                .isEqualTo(new Templates.Text(null, "Your verification code is 012345. "));
    }

    @Test
    void theTemplateComesBeforeTheOlderSettings() {
        PoolSettings settings = pool(VerificationMessageTemplateType.builder().emailMessage("New {####}")
                .emailSubject("New subject").smsMessage("New SMS {####}").build(), "Old SMS {####}", "Old {####}",
                "Old subject", null);

        assertThat(Templates.verification(settings, Message.EMAIL, "1", null))
                .isEqualTo(new Templates.Text("New subject", "New 1"));
        assertThat(Templates.verification(settings, Message.SMS, "1", null).body()).isEqualTo("New SMS 1");
    }

    @Test
    void theOlderSettingsWithoutATemplate() {
        PoolSettings settings = pool(PoolSettings.defaults().verificationTemplate(), "Old SMS {####}", "Old {####}",
                "Old subject", null);

        assertThat(Templates.verification(settings, Message.EMAIL, "1", null))
                .isEqualTo(new Templates.Text("Old subject", "Old 1"));
        assertThat(Templates.verification(settings, Message.SMS, "1", null).body()).isEqualTo("Old SMS 1");
    }

    /** Captured: aws/aws-cdk#7597; captured*: aws-amplify/amplify-js#936 (subject). */
    @Test
    void verificationLeavesUsernameAndTheSubjectAsWritten() {
        PoolSettings settings = template(VerificationMessageTemplateType.builder()
                .emailMessage("{username}: {####} {####}").emailSubject("{username} {####}"));

        assertThat(Templates.verification(settings, Message.EMAIL, "42", null))
                .isEqualTo(new Templates.Text("{username} {####}", "{username}: 42 42"));
    }

    /** Documented: DG email-verification-message-customization (the label is free text); captured* defaults. */
    @Test
    void aLinkReplacesItsPlaceholderWithTheLabel() {
        PoolSettings settings = template(VerificationMessageTemplateType.builder()
                .defaultEmailOption("CONFIRM_WITH_LINK").emailMessageByLink("Go: {##Click here##}!")
                .emailSubjectByLink("Link subject"));

        assertThat(Templates.verification(settings, Message.EMAIL, "1", LINK))
                .isEqualTo(new Templates.Text("Link subject", "Go: <a href=\"" + LINK + "\">Click here</a>!"));
        assertThat(Templates.confirmsWithLink(settings)).isTrue();
        assertThat(Templates.confirmsWithLink(PoolSettings.defaults())).isFalse();
    }

    @Test
    void defaultLinkMessage() {
        assertThat(Templates.verification(PoolSettings.defaults(), Message.EMAIL, "1", LINK))
                .isEqualTo(new Templates.Text("Your verification link", "Please click the link below to verify your "
                        + "email address. <a href=\"" + LINK + "\">Verify Email</a> "));
    }

    @Test
    void aTextMessageNeverCarriesALink() {
        assertThat(Templates.verification(PoolSettings.defaults(), Message.SMS, "7", LINK).body())
                .isEqualTo("Your verification code is 7. ");
    }

    // ---- password reset ----

    /** Captured: WikiWatershed/monitor-my-watershed#636 (the reset body, with the verification subject). */
    @Test
    void defaultPasswordReset() {
        assertThat(Templates.passwordReset(PoolSettings.defaults(), Message.EMAIL, "039126"))
                .isEqualTo(new Templates.Text("Your verification code", "Your password reset code is 039126"));
        assertThat(Templates.passwordReset(PoolSettings.defaults(), Message.SMS, "039126"))
                .isEqualTo(new Templates.Text(null, "Your password reset code is 039126"));
    }

    /** Documented (DG message-customizations): password-reset e-mails use the code template. */
    @Test
    void passwordResetUsesTheCodeTemplate() {
        PoolSettings settings = template(VerificationMessageTemplateType.builder().emailMessage("Reset {####}")
                .emailSubject("Reset it"));

        assertThat(Templates.passwordReset(settings, Message.EMAIL, "5"))
                .isEqualTo(new Templates.Text("Reset it", "Reset 5"));
    }

    // ---- invitations ----

    @Test
    void defaultInvitation() {
        assertThat(Templates.invitation(PoolSettings.defaults(), Message.EMAIL, "bob", "Aa1!temp"))
                .isEqualTo(new Templates.Text("Your temporary password",
                        "Your username is bob and temporary password is Aa1!temp."));
        assertThat(Templates.invitation(PoolSettings.defaults(), Message.SMS, "bob", "Aa1!temp"))
                .isEqualTo(new Templates.Text(null, "Your username is bob and temporary password is Aa1!temp."));
    }

    @Test
    void invitationTemplateFillsUsernameAndPassword() {
        PoolSettings settings = invite(MessageTemplateType.builder().emailSubject("Hi {username}")
                .emailMessage("{username} / {####} / {username}").smsMessage("SMS {username} {####}"));

        assertThat(Templates.invitation(settings, Message.EMAIL, "ann", "pw"))
                .isEqualTo(new Templates.Text("Hi {username}", "ann / pw / ann"));
        assertThat(Templates.invitation(settings, Message.SMS, "ann", "pw").body()).isEqualTo("SMS ann pw");
    }

    @Test
    void invitationTemplateWithoutAnSmsMessageUsesTheDefaultText() {
        PoolSettings settings = invite(MessageTemplateType.builder().emailMessage("Mail {####}"));

        assertThat(Templates.invitation(settings, Message.SMS, "ann", "pw").body())
                .isEqualTo("Your username is ann and temporary password is pw.");
        assertThat(Templates.invitation(settings, Message.EMAIL, "ann", "pw"))
                .isEqualTo(new Templates.Text("Your temporary password", "Mail pw"));
    }

    /** A username or password is text, never a template: what it holds is not filled in again. */
    @Test
    void aFilledInValueIsNotFilledInAgain() {
        assertThat(Templates.invitation(PoolSettings.defaults(), Message.EMAIL, "{####}", "Aa1{username}").body())
                .isEqualTo("Your username is {####} and temporary password is Aa1{username}.");
    }

    @Test
    void replacementsAreLiteral() {
        assertThat(Templates.fill("{username} {####}", "$1\\", "$0", null)).isEqualTo("$1\\ $0");
    }
}
