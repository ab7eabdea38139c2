package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The same flows from other clients: boto3 (src/test/python/smoke.py) and the AWS CLI, run against this
 * class's emulator when they are installed; skipped otherwise (boto3 is required in CI: {@link ExternalClients}).
 * Both get the test keys through the environment and a configuration that points nowhere, so no local AWS
 * setting leaks in.
 */
class CliSmokeTest extends CognitoTestSupport {

    private static final Path SMOKE = Path.of("src", "test", "python", "smoke.py");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void boto3CreatesAUserDeletesAttributesAndSeesUserNotFound() throws Exception {
        String python = ExternalClients.pythonWithBoto3();

        ExternalClients.Result result = ExternalClients.run("smoke-boto3",
                List.of(python, SMOKE.toString(), emulator.endpoint().toString()), TIMEOUT, Map.of());

        assertThat(result.stdout()).as(result.report()).startsWith("OK us-east-1_");
        assertThat(result.exit()).isZero();
    }

    @Test
    void awsCliListsUserPools() throws Exception {
        assumeTrue(ExternalClients.onPath("aws"), "the AWS CLI is not on the PATH");
        String poolId = cognito.createUserPool(b -> b.poolName("cli-listed")).userPool().id();

        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", emulator.endpoint().toString(),
                "--output", "json", "cognito-idp", "list-user-pools", "--max-results", "5"));
        ExternalClients.Result result = ExternalClients.run("smoke-aws-cli", command, TIMEOUT, Map.of());

        assertThat(result.exit()).as(result.report()).isZero();
        JsonNode pools = new ObjectMapper().readTree(result.stdout()).get("UserPools");
        List<String> ids = new ArrayList<>();
        pools.forEach(p -> ids.add(p.get("Id").asText()));
        assertThat(ids).contains(poolId);
        pools.forEach(p -> assertThat(p.get("Name").asText()).isNotEmpty());
    }
}
