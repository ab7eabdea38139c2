package dev.cognitoemulator.messages;

import dev.cognitoemulator.domain.UserPool;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what Cognito would have sent: into the {@link Inbox}, as one INFO line in the log (so a person running the
 * jar sees the code), and, when an SMTP server is configured, as a real e-mail. Called after the write that made
 * the code, outside every pool lock; SMTP sends from its own thread.
 */
public final class Messenger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Messenger.class);

    private final Inbox inbox;
    private final Clock clock;
    private final SmtpSender smtp;
    private final AtomicLong ids = new AtomicLong();

    /** @param smtp null when no SMTP server is configured */
    public Messenger(Inbox inbox, Clock clock, SmtpSender smtp) {
        this.inbox = inbox;
        this.clock = clock;
        this.smtp = smtp;
    }

    public Inbox inbox() {
        return inbox;
    }

    /** One message: its text already made from the pool's templates ({@link Templates}). */
    public Message send(Envelope envelope, String kind, String code, Templates.Text text) {
        Message message = new Message(Long.toString(ids.incrementAndGet()), envelope.userPoolId(),
                envelope.username(), envelope.destination(), envelope.medium(), kind, code, text.subject(),
                text.body(), clock.instant());
        inbox.add(message);
        LOG.info("{} message for {} of {} to {}{}", kind, message.username(), message.userPoolId(),
                Masking.mask(message.deliveryMedium(), message.destination()), code == null ? "" : ": " + code);
        if (smtp != null && Message.EMAIL.equals(message.deliveryMedium())) {
            smtp.submit(message, envelope.from(), envelope.replyTo());
        }
        return message;
    }

    @Override
    public void close() {
        if (smtp != null) {
            smtp.close();
        }
    }

    /**
     * Who a message goes to and from.
     *
     * @param from the pool's EmailConfiguration.From, or Cognito's own sender
     * @param replyTo null when the pool names none
     */
    public record Envelope(String userPoolId, String username, String medium, String destination, String from,
            String replyTo) {

        /** Cognito's own sender when the pool's EmailConfiguration names none (documented: EmailConfigurationType). */
        public static final String DEFAULT_FROM = "no-reply@verificationemail.com";

        /** To the user's address or number, from the pool's EmailConfiguration (or Cognito's own sender). */
        public static Envelope to(UserPool pool, String username, String medium, String destination) {
            var email = pool.settings().emailConfiguration();
            return new Envelope(pool.id(), username, medium, destination,
                    email == null || email.from() == null ? DEFAULT_FROM : email.from(),
                    email == null ? null : email.replyToEmailAddress());
        }
    }
}
