package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cognitoemulator.config.EmulatorConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docker/Dockerfile stays true to the code: it declares every setting with its default, and its health check
 * (docker/healthcheck.sh) probes the port the server was told to use. Docker itself is not needed.
 */
class DockerfileTest {

    private static final Path DOCKERFILE = Path.of("docker", "Dockerfile");
    private static final Path HEALTHCHECK = Path.of("docker", "healthcheck.sh");
    private static final Pattern PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S*)");

    /** The instructions, continuation lines joined, comments dropped. */
    private static List<String> instructions() throws IOException {
        String text = Files.readString(DOCKERFILE).replaceAll("(?m)^\\s*#.*\\n", "").replace("\\\n", " ");
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** Every {@code ENV KEY=VALUE} of the runtime stage (the last FROM), quotes removed. */
    private static Map<String, String> env() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String instruction : instructions()) {
            if (instruction.startsWith("FROM ")) {
                env.clear();
            } else if (instruction.startsWith("ENV ")) {
                Matcher m = PAIR.matcher(instruction.substring(4));
                while (m.find()) {
                    env.put(m.group(1), m.group(2).replaceAll("^\"|\"$", ""));
                }
            }
        }
        return env;
    }

    @Test
    void envDeclaresEverySettingWithItsDefault() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        for (EmulatorConfig.Setting s : EmulatorConfig.Setting.values()) {
            // The one deliberate difference: in a container the server listens on every interface.
            expected.put(s.env(), s == EmulatorConfig.Setting.HOST ? "0.0.0.0" : s.defaultValue());
        }
        assertThat(env()).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void theBaseImagesAreBuildArgumentsDefaultingToTheUpstreamImages() throws IOException {
        // docker/build-local.sh replaces them; a plain docker build gets the official images.
        assertThat(instructions()).filteredOn(i -> i.startsWith("ARG ") || i.startsWith("FROM ")).containsExactly(
                "ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17",
                "ARG RUNTIME_IMAGE=eclipse-temurin:17-jre",
                "FROM ${BUILD_IMAGE} AS build",
                "FROM ${RUNTIME_IMAGE}");
    }

    @Test
    void theHealthCheckRunsTheScriptTheImageCopies() throws IOException {
        List<String> instructions = instructions();
        assertThat(instructions).contains("COPY docker/healthcheck.sh /app/healthcheck.sh");
        assertThat(instructions).filteredOn(i -> i.startsWith("HEALTHCHECK ")).singleElement().asString()
                .endsWith("CMD [\"/bin/sh\", \"/app/healthcheck.sh\"]");
    }

    // --- the script, against an emulator started here ---------------------------------------------------------

    private static boolean onPath(String command) {
        try {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + command).redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A port nothing listens on (free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs the script with this PID 1 command line (words after the jar) and environment; returns its exit code. */
    private static int healthcheck(Path dir, String args, Map<String, String> env) throws Exception {
        Path cmdline = dir.resolve("cmdline");
        StringBuilder words = new StringBuilder("java\0-jar\0/app/cognito-emulator.jar\0");
        for (String word : args.isEmpty() ? new String[0] : args.split(" ")) {
            words.append(word).append('\0');
        }
        Files.writeString(cmdline, words, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("sh", HEALTHCHECK.toString(), cmdline.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("COGNITO_EMULATOR_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the health check finished").isTrue();
        return process.exitValue();
    }

    @ParameterizedTest(name = "{0} | env port {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // args after the image name (PORT: the server's, CLOSED: nothing there) | COGNITO_EMULATOR_PORT | healthy
        "--port PORT                               | CLOSED | true",
        "--port=PORT                               | CLOSED | true",
        "--log-level debug --port PORT --region eu-west-1 | CLOSED | true",
        "--port CLOSED --port PORT                 | CLOSED | true",
        "--credentials --port --host 127.0.0.1     | PORT   | true",
        "''                                        | PORT   | true",
        "--port CLOSED                             | PORT   | false",
        "''                                        | CLOSED | false",
        "--port 0                                  | PORT   | false",
    })
    void theScriptProbesThePortOfTheFlagsOverTheEnvironment(String args, String envPort, boolean healthy,
            @TempDir Path dir) throws Exception {
        assumeTrue(onPath("curl"), "curl is not on the PATH");
        try (CognitoEmulator emulator = CognitoEmulator.builder().port(0).build().start()) {
            String port = Integer.toString(emulator.port());
            String closed = Integer.toString(closedPort());
            int exit = healthcheck(dir, args.replace("CLOSED", closed).replace("PORT", port),
                    Map.of("COGNITO_EMULATOR_PORT", envPort.replace("CLOSED", closed).replace("PORT", port)));
            assertThat(exit == 0).as("healthy; output: %s", Files.readString(dir.resolve("out"))).isEqualTo(healthy);
        }
    }
}
