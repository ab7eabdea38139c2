package dev.cognitoemulator.messages;

import dev.cognitoemulator.domain.PoolSettings;
import dev.cognitoemulator.model.EmailMfaConfigType;
import dev.cognitoemulator.model.MessageTemplateType;
import dev.cognitoemulator.model.VerificationMessageTemplateType;

/**
 * The texts of Cognito's messages, from the pool's templates or Cognito's defaults, with the placeholders filled in:
 * {@code {####}} the code (or the temporary password), {@code {username}} the username (invitations only),
 * {@code {##Verify Email##}} a link for {@code CONFIRM_WITH_LINK}.
 */
public final class Templates {

    /** @param subject null for a text message */
    public record Text(String subject, String body) {
    }

    // Cognito's defaults, as DescribeUserPool of older pools shows them (aws/aws-cli describe-user-pool example).
    static final String CODE_MESSAGE = "Your verification code is {####}. ";
    static final String CODE_SUBJECT = "Your verification code";
    static final String LINK_MESSAGE = "Please click the link below to verify your email address. "
            + "{##Verify Email##} ";
    static final String LINK_SUBJECT = "Your verification link";
    // Received from a pool without templates: londonaicentre/FLIP#15 (invitation), WikiWatershed/monitor-my-watershed#636
    // (password reset, with the verification subject).
    static final String INVITE_MESSAGE = "Your username is {username} and temporary password is {####}.";
    static final String RESET_MESSAGE = "Your password reset code is {####}";
    static final String INVITE_SUBJECT = "Your temporary password";
    // Cognito's MFA text when the pool sets none (unconfirmed: the default quoted by KensioSoftware/yulin#618 and
    // lgallard/terraform-aws-cognito-user-pool); the e-mail's subject likewise (unconfirmed).
    static final String AUTHENTICATION_MESSAGE = "Your authentication code is {####}. ";
    static final String AUTHENTICATION_SUBJECT = "Your authentication code";
    private static final String USERNAME = "{username}";
    private static final String CODE = "{####}";
    private static final String LINK_START = "{##";
    private static final String LINK_END = "##}";

    private Templates() {
    }

    /**
     * A code to confirm a sign-up or verify an attribute; {@code link} (the confirmUser address) is used only for
     * {@code CONFIRM_WITH_LINK}, which only sign-up messages use (documented: message-customizations.html).
     */
    public static Text verification(PoolSettings settings, String medium, String code, String link) {
        VerificationMessageTemplateType t = settings.verificationTemplate();
        if (!Message.SMS.equals(medium) && link != null) {
            return new Text(first(t.emailSubjectByLink(), LINK_SUBJECT, LINK_SUBJECT),
                    fill(first(t.emailMessageByLink(), LINK_MESSAGE, LINK_MESSAGE), null, code, link));
        }
        return code(settings, medium, code, CODE_MESSAGE);
    }

    /** A password-reset code: the pool's code template, or Cognito's own reset text. */
    public static Text passwordReset(PoolSettings settings, String medium, String code) {
        return code(settings, medium, code, RESET_MESSAGE);
    }

    /** Whether the pool's sign-up messages are links ({@code CONFIRM_WITH_LINK}). */
    public static boolean confirmsWithLink(PoolSettings settings) {
        return "CONFIRM_WITH_LINK".equals(settings.verificationTemplate().defaultEmailOption());
    }

    private static Text code(PoolSettings settings, String medium, String code, String defaultMessage) {
        VerificationMessageTemplateType t = settings.verificationTemplate();
        if (Message.SMS.equals(medium)) {
            return new Text(null, fill(first(t.smsMessage(), settings.smsVerificationMessage(), defaultMessage),
                    null, code, null));
        }
        return new Text(first(t.emailSubject(), settings.emailVerificationSubject(), CODE_SUBJECT),
                fill(first(t.emailMessage(), settings.emailVerificationMessage(), defaultMessage), null, code, null));
    }

    /**
     * A sign-in code (MFA or a one-time password): by SMS the pool's SmsAuthenticationMessage, by e-mail its
     * EmailMfaConfiguration's message and subject ({@code email}, null when unset), Cognito's texts otherwise.
     */
    public static Text authentication(PoolSettings settings, EmailMfaConfigType email, String medium, String code) {
        if (Message.SMS.equals(medium)) {
            return new Text(null, fill(first(settings.smsAuthenticationMessage(), AUTHENTICATION_MESSAGE,
                    AUTHENTICATION_MESSAGE), null, code, null));
        }
        EmailMfaConfigType e = email == null ? new EmailMfaConfigType(null, null) : email;
        return new Text(first(e.subject(), AUTHENTICATION_SUBJECT, AUTHENTICATION_SUBJECT),
                fill(first(e.message(), AUTHENTICATION_MESSAGE, AUTHENTICATION_MESSAGE), null, code, null));
    }

    /** AdminCreateUser's invitation, with the temporary password. */
    public static Text invitation(PoolSettings settings, String medium, String username, String temporaryPassword) {
        MessageTemplateType t = settings.inviteMessageTemplate() == null ? MessageTemplateType.builder().build()
                : settings.inviteMessageTemplate();
        if (Message.SMS.equals(medium)) {
            return new Text(null, fill(first(t.smsMessage(), INVITE_MESSAGE, INVITE_MESSAGE), username,
                    temporaryPassword, null));
        }
        return new Text(first(t.emailSubject(), INVITE_SUBJECT, INVITE_SUBJECT),
                fill(first(t.emailMessage(), INVITE_MESSAGE, INVITE_MESSAGE), username, temporaryPassword, null));
    }

    /**
     * A text a CustomMessage trigger returned, filled in as the pool's own: {@code {####}} the code, {@code {username}}
     * the username (null: left as written, as outside invitations).
     */
    public static String fillReturned(String template, String username, String code) {
        return fill(template, username, code, null);
    }

    /** The placeholder of the code (CustomMessage's {@code codeParameter}). */
    public static final String CODE_PARAMETER = CODE;
    /** The placeholder of an invitation's username (CustomMessage's {@code usernameParameter}). */
    public static final String USERNAME_PARAMETER = USERNAME;

    /**
     * Fills a message in, in one pass, so that what a value holds is never filled in again (a username or temporary
     * password may contain {@code {####}} or {@code {username}}). {@code {username}} only where Cognito fills it
     * (invitations; in a verification message it stays as written: aws/aws-cdk#7597), never in a subject (nor
     * {@code {####}}: aws-amplify/amplify-js#936); {@code {##label##}} becomes the link, labelled.
     */
    static String fill(String template, String username, String code, String link) {
        StringBuilder text = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            int linkEnd = link == null || !template.startsWith(LINK_START, i) ? -1
                    : template.indexOf(LINK_END, i + LINK_START.length());
            if (username != null && template.startsWith(USERNAME, i)) {
                text.append(username);
                i += USERNAME.length();
            } else if (code != null && template.startsWith(CODE, i)) {
                text.append(code);
                i += CODE.length();
            } else if (linkEnd >= 0) {
                text.append("<a href=\"").append(link).append("\">")
                        .append(template, i + LINK_START.length(), linkEnd).append("</a>");
                i = linkEnd + LINK_END.length();
            } else {
                text.append(template.charAt(i++));
            }
        }
        return text.toString();
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
