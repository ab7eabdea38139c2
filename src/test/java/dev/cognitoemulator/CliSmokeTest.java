package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The same flows from other clients: boto3 (src/test/python/smoke.py) and the AWS CLI, run against this
 * class's emulator when they are installed; skipped otherwise. Both get the test keys through the
 * environment and a configuration that points nowhere, so no local AWS setting leaks in.
 */
class CliSmokeTest extends CognitoTestSupport {

    private static final Path SMOKE = Path.of("src", "test", "python", "smoke.py");

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.put("AWS_CONFIG_FILE", "/nonexistent/cognito-emulator-test/config");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/cognito-emulator-test/credentials");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }

    private static boolean works(String... command) {
        try {
            return run(List.of(command)).exit() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void boto3CreatesAUserDeletesAttributesAndSeesUserNotFound() throws Exception {
        assumeTrue(works("python3", "-c", "import boto3"), "boto3 is not installed");

        Result result = run(List.of("python3", SMOKE.toString(), emulator.endpoint().toString()));

        assertThat(result.output()).as("smoke.py output").startsWith("OK us-east-1_");
        assertThat(result.exit()).isZero();
    }

    @Test
    void awsCliListsUserPools() throws Exception {
        assumeTrue(onPath("aws"), "the AWS CLI is not on the PATH");
        String poolId = cognito.createUserPool(b -> b.poolName("cli-listed")).userPool().id();

        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", emulator.endpoint().toString(),
                "--output", "json", "cognito-idp", "list-user-pools", "--max-results", "5"));
        Result result = run(command);

        assertThat(result.exit()).as(result.output()).isZero();
        JsonNode pools = new ObjectMapper().readTree(result.output()).get("UserPools");
        List<String> ids = new ArrayList<>();
        pools.forEach(p -> ids.add(p.get("Id").asText()));
        assertThat(ids).contains(poolId);
        pools.forEach(p -> assertThat(p.get("Name").asText()).isNotEmpty());
    }
}
