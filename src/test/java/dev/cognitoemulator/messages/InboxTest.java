package dev.cognitoemulator.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inbox: oldest first, bounded (past its capacity the oldest go), read and cleared through filters. */
class InboxTest {

    private static Message message(int id, String pool, String username, String destination) {
        return new Message(Integer.toString(id), pool, username, destination, Message.EMAIL, "SignUp", "123456",
                "Your verification code", "Your verification code is 123456. ", Instant.EPOCH.plusSeconds(id));
    }

    private static List<String> ids(List<Message> messages) {
        return messages.stream().map(Message::id).toList();
    }

    private static Inbox filled() {
        Inbox inbox = new Inbox(10);
        inbox.add(message(1, "pool_a", "ann", "ann@example.com"));
        inbox.add(message(2, "pool_a", "bob", "bob@example.com"));
        inbox.add(message(3, "pool_b", "ann", "ann@example.com"));
        inbox.add(message(4, "pool_a", "ann", "ann@example.org"));
        return inbox;
    }

    @Test
    void everythingOldestFirst() {
        assertThat(ids(filled().list(Inbox.Filter.ALL))).containsExactly("1", "2", "3", "4");
    }

    @Test
    void pastItsCapacityTheOldestGo() {
        Inbox inbox = new Inbox(3);
        for (int i = 1; i <= 5; i++) {
            inbox.add(message(i, "pool_a", "ann", "ann@example.com"));
        }

        assertThat(ids(inbox.list(Inbox.Filter.ALL))).containsExactly("3", "4", "5");
    }

    @Test
    void filtersNarrowAndCombine() {
        Inbox inbox = filled();

        assertThat(ids(inbox.list(new Inbox.Filter("pool_a", null, null)))).containsExactly("1", "2", "4");
        assertThat(ids(inbox.list(new Inbox.Filter(null, "ann", null)))).containsExactly("1", "3", "4");
        assertThat(ids(inbox.list(new Inbox.Filter(null, null, "ann@example.com")))).containsExactly("1", "3");
        assertThat(ids(inbox.list(new Inbox.Filter("pool_a", "ann", "ann@example.com")))).containsExactly("1");
        assertThat(inbox.list(new Inbox.Filter("pool_c", null, null))).isEmpty();
    }

    /** Filters compare exactly: usernames and addresses are not folded to lower case. */
    @Test
    void filtersAreExact() {
        assertThat(filled().list(new Inbox.Filter(null, "ANN", null))).isEmpty();
    }

    @Test
    void clearRemovesWhatTheFilterMatchesAndCountsIt() {
        Inbox inbox = filled();

        assertThat(inbox.clear(new Inbox.Filter(null, "ann", null))).isEqualTo(3);

        assertThat(ids(inbox.list(Inbox.Filter.ALL))).containsExactly("2");
        assertThat(inbox.clear(Inbox.Filter.ALL)).isEqualTo(1);
        assertThat(inbox.list(Inbox.Filter.ALL)).isEmpty();
    }

    @Test
    void aListIsACopy() {
        Inbox inbox = filled();
        List<Message> read = inbox.list(Inbox.Filter.ALL);

        inbox.clear(Inbox.Filter.ALL);

        assertThat(read).hasSize(4);
    }

    /** Never the code in a log line. */
    @Test
    void aMessageShowsItsDestinationMaskedAndNotItsCode() {
        assertThat(message(7, "pool_a", "ann", "ann@example.com").toString())
                .isEqualTo("Message[7 SignUp EMAIL to a***@e***]");
    }
}
