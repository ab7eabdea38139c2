package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.config.EmulatorConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar cognito-emulator.jar ...} as a user runs it: a separate JVM, its exit code and its output. */
class MainTest {

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static ProcessBuilder java(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("COGNITO_EMULATOR_"));
        builder.environment().putAll(env);
        return builder;
    }

    private static Result run(Map<String, String> env, String... args) {
        try {
            Process process = java(env, args).start();
            process.getOutputStream().close();
            // Outputs are small; read them fully after exit.
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Result run(String... args) {
        return run(Map.of(), args);
    }

    private static void assertOneLineError(Result result, int exitCode, String message) {
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.stderr()).isEqualTo(exitCode);
        assertThat(result.stderr()).isEqualTo("cognito-emulator: " + message + System.lineSeparator());
        assertThat(result.stderr()).doesNotContain("Exception", "\tat ");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void helpListsEveryFlagAndEnvironmentVariableAndExitsZero() {
        Result result = run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(EmulatorConfig.help());
        for (EmulatorConfig.Setting setting : EmulatorConfig.Setting.values()) {
            assertThat(result.stdout()).contains(setting.flag(), setting.env());
        }
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void helpWinsOverOtherArguments() {
        Result result = run("--port", "nope", "-h");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("--port");
    }

    @Test
    void anUnknownFlagIsAOneLineErrorWithExitCodeTwo() {
        assertOneLineError(run("--bogus"), 2, "unknown option --bogus (see --help)");
    }

    @Test
    void aBadPortIsAOneLineErrorWithExitCodeTwo() {
        assertOneLineError(run("--port", "nope"), 2, "--port must be a whole number from 0 to 65535, not 'nope'");
    }

    @Test
    void aBadEnvironmentValueIsAOneLineErrorWithExitCodeTwo() {
        Result result = run(Map.of("COGNITO_EMULATOR_AUTH_MODE", "sometimes"));
        assertOneLineError(result, 2, "COGNITO_EMULATOR_AUTH_MODE must be strict, lenient or off, not 'sometimes'");
    }

    @Test
    void aTakenPortIsAOneLineErrorWithExitCodeOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Result result = run("--port", Integer.toString(taken.getLocalPort()));
            assertThat(result.exitCode()).as("stderr: %s", result.stderr()).isEqualTo(1);
            assertThat(result.stderr()).startsWith("cognito-emulator: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()).doesNotContain("\tat ");
            assertThat(result.stderr().strip()).doesNotContain("\n");
        }
    }

    @Test
    void servesOnTheChosenPortAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("out.log");
        Process process = java(Map.of(), "--port", "0").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            Pattern listening = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
            String endpoint = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (endpoint == null && process.isAlive() && System.nanoTime() < deadline) {
                Matcher m = listening.matcher(Files.readString(log));
                if (m.find()) {
                    endpoint = m.group(1);
                } else {
                    Thread.sleep(50);
                }
            }
            assertThat(endpoint).as("the log names the chosen port: %s", Files.readString(log)).isNotNull();
            HttpResponse<String> health = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create(endpoint + "/health")).timeout(Duration.ofSeconds(5))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped").isTrue();
            assertThat(process.exitValue()).isEqualTo(143); // 128 + SIGTERM: the JVM's normal answer to it
            assertThat(Files.readString(log)).contains("cognito-emulator stopped").doesNotContain("Exception");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void underALowOpenFilesLimitTheConnectionCapIsLoweredAndSaid() throws Exception {
        // ulimit -n 256: 4096 connections could never be open at once; the server keeps 128 descriptors for itself.
        ProcessBuilder builder = java(Map.of(), "--port", "0").redirectErrorStream(true);
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -n 256 && exec \"$@\"", "bash"));
        command.addAll(builder.command());
        Process process = builder.command(command).start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            Future<List<String>> untilListening = reader.submit(() -> {
                List<String> lines = new ArrayList<>();
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                    if (line.contains("listening on")) {
                        break;
                    }
                }
                return lines;
            });
            List<String> lines = untilListening.get(30, TimeUnit.SECONDS);
            assertThat(String.join("\n", lines)).contains("max connections 4096 is more than the limit of 256 open "
                    + "files allows: serving at most 128 at once");
            Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)")
                    .matcher(lines.get(lines.size() - 1));
            assertThat(m.find()).as("%s", lines).isTrue();
            HttpResponse<String> health = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create(m.group(1) + "/health")).timeout(Duration.ofSeconds(5))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        } finally {
            reader.shutdownNow();
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
