package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An infrastructure tool's walk: the AWS CLI (src/test/cli/pool-lifecycle.sh) creates, changes and deletes every kind
 * of resource a pool has, the user import job with its CSV upload by curl included, against this class's emulator
 * (its own import thread, as a user's emulator runs). No infrastructure-as-code tool can drive it from this project's
 * registries: Terraform, OpenTofu and Pulumi fetch their AWS providers from their own registries, and the CDK deploys
 * through CloudFormation, which the emulator is not. Skipped without the AWS CLI or curl, failed in CI.
 */
class CliLifecycleTest extends CognitoTestSupport {

    private static final Path SCRIPT = Path.of("src", "test", "cli", "pool-lifecycle.sh");

    @Test
    void theAwsCliCreatesAndDeletesEveryResourceOfAPool() throws Exception {
        ExternalClients.require(ExternalClients.onPath("aws"), "the AWS CLI is not on the PATH");
        ExternalClients.require(ExternalClients.onPath("curl"), "curl is not on the PATH");

        ExternalClients.Result result = ExternalClients.run("pool-lifecycle",
                List.of("bash", SCRIPT.toString(), emulator.endpoint().toString()), Duration.ofMinutes(8), Map.of());

        assertThat(result.exit()).as(result.report()).isZero();
        assertThat(result.stdout()).as(result.report()).matches("OK us-east-1_[0-9A-Za-z]{9}\\s*");
        String poolId = result.stdout().trim().substring(3);
        assertThat(message(awsError("ResourceNotFoundException",
                () -> cognito.describeUserPool(b -> b.userPoolId(poolId))))).isEqualTo("User pool " + poolId
                        + " does not exist.");
    }
}
