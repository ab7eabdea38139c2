package dev.cognitoemulator.http;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static dev.cognitoemulator.http.RawHttp.assertAwsError;
import static dev.cognitoemulator.http.RawHttp.get;
import static dev.cognitoemulator.http.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.config.EmulatorConfig.Setting;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;

/**
 * The emulator's control API for the inbox: {@code GET /_emulator/messages} answers
 * {@code {"messages":[{"id","userPoolId","username","destination","deliveryMedium","kind","code","subject","message",
 * "sentAt"}]}}, oldest first, narrowed by {@code userPoolId}, {@code username} and {@code destination};
 * {@code DELETE} removes what the same filters match; with {@code --control-api off} both are 403
 * AccessDeniedException in the AWS JSON error shape. Invitations (AdminCreateUser) fill the inbox.
 */
class ControlApiTest extends CognitoTestSupport {

    private static final String MESSAGES = "/_emulator/messages";

    /** An invitation by e-mail and by text to a new user; returns the pool. */
    private String poolWithInvitations(String... usernames) {
        String poolId = newPool();
        for (String username : usernames) {
            cognito.adminCreateUser(b -> b.userPoolId(poolId).username(username)
                    .userAttributes(attr("email", username + "@example.com"), attr("phone_number", "+15550100123"))
                    .desiredDeliveryMediums(DeliveryMediumType.EMAIL, DeliveryMediumType.SMS));
        }
        return poolId;
    }

    private JsonNode list(String query) {
        HttpResponse<String> response = get(emulator.endpoint(), MESSAGES + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return json(response).get("messages");
    }

    private static List<String> field(JsonNode messages, String name) {
        List<String> values = new ArrayList<>();
        messages.forEach(m -> values.add(m.get(name).asText()));
        return values;
    }

    private static HttpResponse<String> delete(URI endpoint, String query) {
        return RawHttp.send(RawHttp.request(endpoint, MESSAGES + query).DELETE().build());
    }

    @Test
    void aMessageHasEveryFieldInOrder() {
        Instant before = Instant.now().minusSeconds(1);
        String poolId = poolWithInvitations("ann");

        JsonNode messages = list("?userPoolId=" + poolId);

        assertThat(messages).hasSize(2);
        JsonNode mail = messages.get(0);
        List<String> fields = new ArrayList<>();
        mail.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "userPoolId", "username", "destination", "deliveryMedium", "kind",
                "code", "subject", "message", "sentAt");
        String password = mail.get("code").asText();
        assertThat(mail.get("userPoolId").asText()).isEqualTo(poolId);
        assertThat(mail.get("username").asText()).isEqualTo("ann");
        assertThat(mail.get("destination").asText()).isEqualTo("ann@example.com");
        assertThat(mail.get("deliveryMedium").asText()).isEqualTo("EMAIL");
        assertThat(mail.get("kind").asText()).isEqualTo("AdminCreateUser");
        assertThat(mail.get("subject").asText()).isEqualTo("Your temporary password");
        assertThat(mail.get("message").asText())
                .isEqualTo("Your username is ann and temporary password is " + password + ".");
        assertThat(Instant.parse(mail.get("sentAt").asText())).isBetween(before, Instant.now().plusSeconds(1));
        JsonNode text = messages.get(1);
        assertThat(text.get("deliveryMedium").asText()).isEqualTo("SMS");
        assertThat(text.get("destination").asText()).isEqualTo("+15550100123");
        assertThat(text.get("subject").isNull()).isTrue();
        assertThat(Long.parseLong(text.get("id").asText())).isGreaterThan(Long.parseLong(mail.get("id").asText()));
    }

    @Test
    void oldestFirst() {
        String poolId = poolWithInvitations("a1", "a2", "a3");

        assertThat(field(list("?userPoolId=" + poolId), "username"))
                .containsExactly("a1", "a1", "a2", "a2", "a3", "a3");
    }

    @Test
    void filtersNarrowAndCombine() {
        String poolId = poolWithInvitations("bea", "bo");
        String other = poolWithInvitations("bea");

        assertThat(field(list("?userPoolId=" + poolId + "&username=bea"), "destination"))
                .containsExactly("bea@example.com", "+15550100123");
        assertThat(field(list("?username=bea&destination=bea@example.com"), "userPoolId"))
                .containsExactly(poolId, other);
        assertThat(field(list("?userPoolId=" + poolId + "&destination=%2B15550100123"), "username"))
                .containsExactly("bea", "bo");
        assertThat(list("?userPoolId=" + poolId + "&username=nobody")).isEmpty();
    }

    @Test
    void deleteRemovesWhatTheFiltersMatchAndCountsIt() {
        String poolId = poolWithInvitations("cy", "cal");

        HttpResponse<String> response = delete(emulator.endpoint(), "?userPoolId=" + poolId + "&username=cy");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"deleted\":2}");
        assertThat(field(list("?userPoolId=" + poolId), "username")).containsExactly("cal", "cal");
        assertThat(delete(emulator.endpoint(), "?userPoolId=" + poolId).body()).isEqualTo("{\"deleted\":2}");
        assertThat(list("?userPoolId=" + poolId)).isEmpty();
    }

    @Test
    void deleteWithoutFiltersEmptiesTheInbox() {
        poolWithInvitations("dee");

        assertThat(json(delete(emulator.endpoint(), "")).get("deleted").asInt()).isGreaterThanOrEqualTo(2);

        assertThat(list("")).isEmpty();
    }

    @Test
    void otherMethodsAre405() {
        HttpResponse<String> response = RawHttp.send(RawHttp.request(emulator.endpoint(), MESSAGES)
                .PUT(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(assertAwsError(response, 405, "MethodNotAllowedException"))
                .isEqualTo("Method PUT is not allowed on /_emulator/messages.");
    }

    @Test
    void withTheControlApiOffBothAre403InTheAwsShape() {
        try (CognitoEmulator off = CognitoEmulator.builder().port(0).setting(Setting.CONTROL_API, "off").build()
                .start()) {
            String listed = assertAwsError(get(off.endpoint(), MESSAGES), 403, "AccessDeniedException");
            String deleted = assertAwsError(delete(off.endpoint(), "?username=ann"), 403, "AccessDeniedException");

            assertThat(listed).isEqualTo("The emulator's control API is off (--control-api off).");
            assertThat(deleted).isEqualTo(listed);
        }
    }
}
