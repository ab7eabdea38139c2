package dev.cognitoemulator.messages;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the inbox's e-mails to a real SMTP server ({@code --smtp-url smtp://host:port}, or
 * {@code smtps://user:password@host:port} for SMTP over TLS with authentication) with Angus Mail, from one thread of
 * its own: a bounded queue (past it, a message is dropped with a warning), connection and read timeouts of 5 s.
 */
public final class SmtpSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);
    static final int QUEUE = 1000;
    private static final String TIMEOUT_MS = "5000";

    private record Outgoing(Message message, String from, String replyTo) {
    }

    private final Session session;
    private final String user;
    private final String password;
    private final BlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread;

    public SmtpSender(URI url) {
        boolean tls = "smtps".equals(url.getScheme());
        String protocol = tls ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", url.getHost());
        p.put("mail." + protocol + ".port", Integer.toString(url.getPort() > 0 ? url.getPort() : tls ? 465 : 25));
        p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        String userInfo = url.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = URLDecoder.decode(colon < 0 ? userInfo : userInfo.substring(0, colon), StandardCharsets.UTF_8);
            password = colon < 0 ? "" : URLDecoder.decode(userInfo.substring(colon + 1), StandardCharsets.UTF_8);
            p.put("mail." + protocol + ".auth", "true");
        } else {
            user = null;
            password = null;
        }
        session = Session.getInstance(p);
        thread = new Thread(this::run, "cognito-emulator-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    void submit(Message message, String from, String replyTo) {
        if (!queue.offer(new Outgoing(message, from, replyTo))) {
            LOG.warn("SMTP queue full: message {} not sent", message.id());
        }
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                send(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Outgoing outgoing) {
        Message m = outgoing.message();
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(new InternetAddress(outgoing.from()));
            if (outgoing.replyTo() != null) {
                mail.setReplyTo(InternetAddress.parse(outgoing.replyTo()));
            }
            // One address, strictly: an email attribute is never a list of recipients.
            mail.setRecipient(RecipientType.TO, new InternetAddress(m.destination(), true));
            mail.setSubject(m.subject(), "UTF-8");
            mail.setSentDate(Date.from(m.sentAt()));
            if (m.message().contains("<")) {
                mail.setContent(m.message(), "text/html; charset=UTF-8");
            } else {
                mail.setText(m.message(), "UTF-8");
            }
            if (user == null) {
                Transport.send(mail);
            } else {
                Transport.send(mail, user, password);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("SMTP: message {} not sent: {}", m.id(), e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
