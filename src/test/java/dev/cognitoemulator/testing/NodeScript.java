package dev.cognitoemulator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A script of {@code src/test/node} run by Node.js with the client libraries that package pins
 * ({@code package-lock.json}; {@code npm ci} installs them when they are missing): its last line of output is JSON,
 * which the test reads. Without Node.js (or npm) the test is skipped, except with {@code BROWSER_TESTS=required}
 * ({@code .ci/run} sets it), where it fails.
 */
public final class NodeScript {

    public static final Path DIR = Path.of("src", "test", "node");
    private static final boolean REQUIRED = "required".equals(System.getenv("BROWSER_TESTS"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private NodeScript() {
    }

    /** Skips the test when {@code condition} is false, or fails it where the client tests are required. */
    public static void require(boolean condition, String what) {
        if (REQUIRED) {
            assertThat(condition).as("%s (BROWSER_TESTS=required)", what).isTrue();
        } else {
            Assumptions.assumeTrue(condition, () -> what + ": the client library test is skipped");
        }
    }

    /** Node.js runs, and the package's libraries are installed (by {@code npm ci} if they are not yet). */
    public static void requireInstalled(String... packages) throws IOException, InterruptedException {
        require(run(List.of("node", "--version"), DIR, Path.of("target", "node-version.log"), 30),
                "Node.js is installed (node)");
        boolean installed = true;
        for (String name : packages) {
            installed &= Files.isDirectory(DIR.resolve("node_modules").resolve(name));
        }
        if (!installed) {
            require(run(List.of("npm", "ci"), DIR, Path.of("target", "npm-ci.log"), 300),
                    "npm ci in " + DIR + " installs " + String.join(", ", packages) + " (see target/npm-ci.log)");
        }
    }

    /** Runs {@code node script scenario} with {@code env} and answers the JSON of its last line of output. */
    public static JsonNode run(String script, String scenario, Map<String, String> env)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("node-" + scenario, ".log");
        ProcessBuilder builder = new ProcessBuilder("node", script, scenario).directory(DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process node = builder.start();
        boolean exited = node.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            node.destroyForcibly();
        }
        byte[] output = Files.readAllBytes(log);
        Files.delete(log);
        String text = new String(output, StandardCharsets.UTF_8).strip();
        assertThat(exited).as("node %s %s ended: %s", script, scenario, text).isTrue();
        String last = text.substring(text.lastIndexOf('\n') + 1);
        assertThat(last).as("node %s %s printed its report: %s", script, scenario, text).startsWith("{");
        return JSON.readTree(last);
    }

    private static boolean run(List<String> command, Path dir, Path log, int seconds) throws InterruptedException {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
