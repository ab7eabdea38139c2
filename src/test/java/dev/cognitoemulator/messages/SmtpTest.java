package dev.cognitoemulator.messages;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.config.EmulatorConfig.Setting;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * {@code --smtp-url}: each e-mail of the inbox also goes to a real SMTP server (GreenMail here), from the pool's
 * EmailConfiguration.From or Cognito's own sender {@code no-reply@verificationemail.com} (documented: DG email
 * settings; captured: WikiWatershed/monitor-my-watershed#636), with its ReplyToEmailAddress, subject and text; text
 * messages are not e-mailed. Delivery is on the sender's own thread, so the test waits for GreenMail to receive.
 */
class SmtpTest extends CognitoTestSupport {

    private static final long WAIT_MS = 10_000;

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        smtp.start();
        return builder.setting(Setting.SMTP_URL, "smtp://127.0.0.1:" + smtp.getSmtp().getPort());
    }

    @AfterAll
    void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    private MimeMessage[] received(int count) {
        assertThat(smtp.waitForIncomingEmail(WAIT_MS, count)).as("%d e-mails received", count).isTrue();
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(count);
        return mails;
    }

    private Message inboxMessage(String poolId) {
        List<Message> messages = emulator.inbox().list(new Inbox.Filter(poolId, null, null));
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    @Test
    void aSignUpCodeIsMailedFromCognitosOwnSender() throws Exception {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
        String clientId = passwordClient(poolId);

        cognito.signUp(b -> b.clientId(clientId).username("ann").password(PASSWORD)
                .userAttributes(attr("email", "ann@example.com")));

        MimeMessage mail = received(1)[0];
        Message sent = inboxMessage(poolId);
        assertThat(addresses(mail.getFrom())).containsExactly("no-reply@verificationemail.com");
        assertThat(addresses(mail.getRecipients(RecipientType.TO)))
                .containsExactly("ann@example.com");
        assertThat(mail.getHeader("Reply-To")).isNull();
        assertThat(mail.getSubject()).isEqualTo("Your verification code");
        assertThat(mail.getContentType()).startsWith("text/plain");
        assertThat(mail.getContent()).isEqualTo("Your verification code is " + sent.code() + ". ");
    }

    @Test
    void thePoolsSenderAndReplyToAddress() throws Exception {
        String poolId = newPool(b -> b.emailConfiguration(e -> e.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                .sourceArn("arn:aws:ses:us-east-1:123456789012:identity/example.com")
                .from("Example Team <team@example.com>").replyToEmailAddress("help@example.com")));

        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("bob")
                .userAttributes(attr("email", "bob@example.com")).desiredDeliveryMediums(DeliveryMediumType.EMAIL));

        MimeMessage mail = received(1)[0];
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("team@example.com");
        assertThat(from.getPersonal()).isEqualTo("Example Team");
        assertThat(addresses(mail.getReplyTo())).containsExactly("help@example.com");
        assertThat(mail.getSubject()).isEqualTo("Your temporary password");
        assertThat(mail.getContent()).isEqualTo("Your username is bob and temporary password is "
                + inboxMessage(poolId).code() + ".");
    }

    /** The pool's HTML template goes as HTML; its subject in UTF-8. */
    @Test
    void anHtmlTemplateIsMailedAsHtml() throws Exception {
        String poolId = newPool(b -> b.autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .verificationMessageTemplate(t -> t.emailSubject("Votre code ✓")
                        .emailMessage("<p>Code: <b>{####}</b></p>")));
        String clientId = passwordClient(poolId);

        cognito.signUp(b -> b.clientId(clientId).username("cleo").password(PASSWORD)
                .userAttributes(attr("email", "cleo@example.com")));

        MimeMessage mail = received(1)[0];
        assertThat(mail.getSubject()).isEqualTo("Votre code ✓");
        assertThat(mail.getContentType()).startsWith("text/html");
        assertThat(mail.getContent()).isEqualTo("<p>Code: <b>" + inboxMessage(poolId).code() + "</b></p>");
    }

    /**
     * The address is the user's one: an email attribute the schema check lets through ({@code [^\\s@]+@[^\\s@]+}) is
     * not read as a list of recipients. One sender thread, first in first out: a mail to the list would come first.
     */
    @Test
    void anEmailAttributeIsOneRecipientNeverAList() throws Exception {
        String poolId = newPool();

        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("eve")
                .userAttributes(attr("email", "eve@example.com,mallory"))
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL));
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("fox")
                .userAttributes(attr("email", "fox@example.com")).desiredDeliveryMediums(DeliveryMediumType.EMAIL));

        MimeMessage mail = received(1)[0];
        assertThat(addresses(mail.getRecipients(RecipientType.TO))).containsExactly("fox@example.com");
    }

    /** One sender thread, first in first out: had the text gone by SMTP, it would have come first. */
    @Test
    void aTextMessageIsNotMailed() throws Exception {
        String poolId = newPool();

        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("dan")
                .userAttributes(attr("phone_number", "+15550100123")));
        cognito.adminCreateUser(b -> b.userPoolId(poolId).username("dee")
                .userAttributes(attr("email", "dee@example.com")).desiredDeliveryMediums(DeliveryMediumType.EMAIL));

        MimeMessage mail = received(1)[0];
        assertThat(addresses(mail.getRecipients(RecipientType.TO)))
                .containsExactly("dee@example.com");
        assertThat(emulator.inbox().list(new Inbox.Filter(poolId, null, null))).hasSize(2);
    }
}
