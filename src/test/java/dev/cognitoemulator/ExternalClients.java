package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Other clients the tests run as child processes (node with amazon-cognito-identity-js, python3 with boto3, the
 * AWS CLI, bash): finding them, and running one with the test keys and nothing of the machine's AWS settings.
 * Where a client is missing its test is skipped, except in CI ({@code CI=true}), where it fails.
 */
final class ExternalClients {

    static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));
    static final Path NODE_DIR = Path.of("src", "test", "node");
    private static final Path IDENTITY_JS = NODE_DIR.resolve(
            Path.of("node_modules", "amazon-cognito-identity-js", "package.json"));
    private static final Path OUT = Path.of("target", "external-clients");

    /** A finished child: its exit code, and what it wrote to stdout and stderr. */
    record Result(int exit, String stdout, String stderr) {

        /** For an assertion's description: everything the child said. */
        String report() {
            return "exit " + exit + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
        }
    }

    private ExternalClients() {
    }

    /** Skips the test when {@code condition} is false; in CI, fails it. */
    static void require(boolean condition, String what) {
        if (CI) {
            assertThat(condition).as("%s (required in CI, CI=true)", what).isTrue();
        } else {
            Assumptions.assumeTrue(condition, () -> what + ": skipped");
        }
    }

    /**
     * Runs the command to its end (at most {@code timeout}), stdin closed, with the test keys
     * ({@code test:test}, us-east-1) and AWS configuration files that do not exist. stdout and stderr go to files
     * under target/external-clients, named by {@code name}, so a long output can never block the child.
     */
    static Result run(String name, List<String> command, Duration timeout, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        return run(name, command, Path.of("."), timeout, extraEnv);
    }

    /** {@link #run(String, List, Duration, Map)} in {@code directory}. */
    static Result run(String name, List<String> command, Path directory, Duration timeout,
            Map<String, String> extraEnv) throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        File stdout = OUT.resolve(name + ".out").toAbsolutePath().toFile();
        File stderr = OUT.resolve(name + ".err").toAbsolutePath().toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(stdout).redirectError(stderr)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_REGION", "us-east-1");
        env.remove("AWS_SESSION_TOKEN");
        env.remove("AWS_PROFILE");
        env.put("AWS_CONFIG_FILE", "/nonexistent/cognito-emulator-test/config");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/cognito-emulator-test/credentials");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_PAGER", "");
        env.putAll(extraEnv);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("timed out after " + timeout + ": " + command + "\n"
                    + new Result(-1, read(stdout), read(stderr)).report());
        }
        return new Result(process.exitValue(), read(stdout), read(stderr));
    }

    private static String read(File file) throws IOException {
        return Files.readString(file.toPath(), StandardCharsets.UTF_8);
    }

    /** Whether the command runs and exits with 0. */
    static boolean works(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean onPath(String program) {
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

    /**
     * A Python that imports boto3: {@code python3} on the PATH, else Debian's {@code /usr/bin/python3} (where
     * {@code apt-get install python3-boto3}, as .ci/run does, puts it when the PATH's python3 is another one).
     * Skips the test when there is none, or fails it in CI.
     */
    static String pythonWithBoto3() {
        List<String> candidates = new ArrayList<>(List.of("python3"));
        if (Files.isExecutable(Path.of("/usr/bin/python3"))) {
            candidates.add("/usr/bin/python3");
        }
        for (String python : candidates) {
            if (works(python, "-c", "import boto3")) {
                return python;
            }
        }
        require(false, "a python3 that imports boto3 (" + String.join(", ", candidates)
                + "; Debian: apt-get install python3-boto3)");
        throw new IllegalStateException("unreachable");
    }

    /**
     * Node.js with amazon-cognito-identity-js installed in src/test/node ({@code npm ci} there when it is missing;
     * .ci/run runs it beforehand). Skips the test when node or npm is missing, or fails it in CI.
     */
    static void requireNodeWithIdentityJs() throws IOException, InterruptedException {
        require(works("node", "--version"), "Node.js (node) is installed");
        if (!Files.isRegularFile(IDENTITY_JS)) {
            require(onPath("npm"), "npm is installed (to install amazon-cognito-identity-js)");
            Result npm = run("npm-ci", List.of("npm", "ci", "--no-audit", "--no-fund"), NODE_DIR,
                    Duration.ofMinutes(5), Map.of());
            require(npm.exit() == 0 && Files.isRegularFile(IDENTITY_JS),
                    "npm ci in " + NODE_DIR + " installs amazon-cognito-identity-js:\n" + npm.report());
        }
    }
}
