package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * README.md's "Sign-up and recovery" walk-through stays true: its shell block (between {@code <!-- walkthrough -->}
 * and {@code <!-- /walkthrough -->}) runs as written with bash, the AWS CLI and curl, against this class's emulator
 * instead of localhost:9229, and stops at the first command that fails ({@code set -euo pipefail}). Skipped without
 * the AWS CLI.
 */
class ReadmeWalkthroughTest extends CognitoTestSupport {

    private static final String README_ENDPOINT = "http://localhost:9229";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String walkthrough() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("<!-- walkthrough -->");
        int end = readme.indexOf("<!-- /walkthrough -->");
        assertThat(start).as("README.md's walk-through markers").isNotNegative().isLessThan(end);
        List<String> lines = new ArrayList<>(readme.substring(start, end).lines().toList());
        assertThat(lines.get(1)).isEqualTo("```sh");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("```");
        return String.join("\n", lines.subList(2, lines.size() - 1)) + "\n";
    }

    @Test
    void theSignUpAndRecoveryWalkThroughRunsAsWritten() throws Exception {
        ExternalClients.require(ExternalClients.onPath("aws"), "the AWS CLI is not on the PATH");
        ExternalClients.require(ExternalClients.onPath("curl"), "curl is not on the PATH");
        String script = walkthrough();
        assertThat(script).contains(README_ENDPOINT);
        Path file = Path.of("target", "external-clients", "readme-walkthrough.sh");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "set -euo pipefail\n" + script.replace(README_ENDPOINT, emulator.endpoint()
                .toString()));

        ExternalClients.Result result = ExternalClients.run("readme-walkthrough", List.of("bash", file.toString()),
                Duration.ofMinutes(3), Map.of());

        assertThat(result.exit()).as(result.report()).isZero();
        // What the commands printed: the AWS CLI's JSON answers, then the inbox's.
        List<JsonNode> printed = new ArrayList<>();
        try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(result.stdout())) {
            values.forEachRemaining(printed::add);
        }
        assertThat(printed).as(result.report()).hasSize(7);
        JsonNode signUp = printed.get(0);
        assertThat(signUp.path("UserConfirmed").asBoolean(true)).isFalse();
        assertThat(signUp.path("CodeDeliveryDetails").path("Destination").asText()).isEqualTo("a***@e***");
        assertThat(printed.get(1).path("AuthenticationResult").path("AccessToken").asText()).isNotEmpty();
        assertThat(printed.get(2).path("CodeDeliveryDetails").path("AttributeName").asText()).isEqualTo("email");
        assertThat(printed.get(3).path("CodeDeliveryDetailsList").get(0).path("Destination").asText())
                .isEqualTo("a***@e***");
        assertThat(printed.get(4).path("CodeDeliveryDetails").path("DeliveryMedium").asText()).isEqualTo("EMAIL");
        JsonNode user = printed.get(5);
        assertThat(user.path("Username").asText()).isEqualTo("alice");
        Map<String, String> attributes = new LinkedHashMap<>();
        user.path("UserAttributes").forEach(a -> attributes.put(a.path("Name").asText(), a.path("Value").asText()));
        assertThat(attributes).containsEntry("email", "alice@example.org").containsEntry("email_verified", "true");
        JsonNode messages = printed.get(6).path("messages");
        List<String> kinds = new ArrayList<>();
        messages.forEach(m -> kinds.add(m.path("kind").asText()));
        assertThat(kinds).containsExactly("SignUp", "ForgotPassword", "UpdateUserAttribute", "VerifyUserAttribute");
        // The last command deleted alice.
        String poolId = messages.get(0).path("userPoolId").asText();
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).isEmpty();
    }
}
