package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.config.EmulatorConfig;
import dev.cognitoemulator.config.EmulatorConfig.Setting;
import dev.cognitoemulator.messages.Inbox;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;

/**
 * docker-compose.yml stays true to the code (read as text: no YAML parser is on the classpath): the settings it sets
 * exist and take its values, its volumes and mounts are where those settings point, and docker/seed.json, the seed
 * it mounts, loads (the emulator here is started with that very file).
 */
class ComposeFileTest extends CognitoTestSupport {

    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final Path SEED = Path.of("docker", "seed.json");
    /** {@code KEY: value} of the cognito service's environment (indented under it by six spaces). */
    private static final Pattern ENV = Pattern.compile("(?m)^ {6}(COGNITO_EMULATOR_\\w+): (\\S+)$");
    /** {@code - source:target[:ro]} of a service's volumes. */
    private static final Pattern MOUNT = Pattern.compile("(?m)^ {6}- (\\S+?):(/\\S+?)(:ro)?$");

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.seed(SEED);
    }

    private static String compose() throws IOException {
        return Files.readString(COMPOSE);
    }

    private static Map<String, String> environment() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher m = ENV.matcher(compose());
        while (m.find()) {
            env.put(m.group(1), m.group(2));
        }
        return env;
    }

    /** Target path → source (a named volume or a file) of every mount. */
    private static Map<String, String> mounts() throws IOException {
        Map<String, String> mounts = new LinkedHashMap<>();
        Matcher m = MOUNT.matcher(compose());
        while (m.find()) {
            mounts.put(m.group(2), m.group(1));
        }
        return mounts;
    }

    @Test
    void everyVariableItNamesIsASettingAndTakesItsValue() throws IOException {
        Set<String> settings = Arrays.stream(Setting.values()).map(Setting::env).collect(Collectors.toSet());
        Matcher named = Pattern.compile("COGNITO_EMULATOR_\\w+").matcher(compose());
        List<String> used = named.results().map(r -> r.group()).toList();
        assertThat(used).isNotEmpty().allSatisfy(variable -> assertThat(settings).contains(variable));
        assertThat(environment().keySet()).containsExactlyInAnyOrderElementsOf(used);

        EmulatorConfig config = EmulatorConfig.parse(new String[0], environment());
        assertThat(config.dataDir()).isEqualTo("/data");
        assertThat(config.seed()).isEqualTo("/seed/seed.json");
        assertThat(config.smtpUrl()).isEqualTo("smtp://mailpit:1025");
    }

    @Test
    void theDataDirectoryIsTheNamedVolumeTheImagePreparesForItsUser() throws IOException {
        assertThat(mounts()).containsEntry("/data", "cognito-data");
        assertThat(compose()).containsPattern("(?m)^volumes:\\n  cognito-data:$");
        assertThat(Files.readString(Path.of("docker", "Dockerfile")))
                .contains("&& mkdir /data && chown cognito:cognito /data");
    }

    @Test
    void theSeedSettingPointsAtTheMountedExampleSeed() throws IOException {
        assertThat(mounts()).containsEntry(environment().get("COGNITO_EMULATOR_SEED"), "./" + SEED);
        assertThat(SEED).isRegularFile();
        assertThat(compose()).contains("      context: .\n      dockerfile: docker/Dockerfile\n");
    }

    @Test
    void mailGoesToTheMailpitServiceOnItsSmtpPort() throws IOException {
        URI smtp = URI.create(environment().get("COGNITO_EMULATOR_SMTP_URL"));
        // Mailpit: "SMTP server (default 0.0.0.0:1025)", web UI on 8025 (github.com/axllent/mailpit, README).
        assertThat(smtp.getHost()).isEqualTo("mailpit");
        assertThat(smtp.getPort()).isEqualTo(1025);
        assertThat(compose()).contains("\n  mailpit:\n    image: axllent/mailpit\n").contains("- \"8025:8025\"");
    }

    @Test
    void theExampleSeedLoadsAndItsUserSignsIn() {
        String pool = "us-east-1_Example01";
        assertThat(cognito.describeUserPool(b -> b.userPoolId(pool)).userPool().name()).isEqualTo("example");
        assertThat(cognito.listGroups(b -> b.userPoolId(pool)).groups()).extracting(GroupType::groupName)
                .containsExactly("admins");
        assertThat(cognito.initiateAuth(b -> b.clientId("localdev0123456789abcdefgh")
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "alice@example.com", "PASSWORD", "Passw0rd!")))
                .authenticationResult().accessToken()).isNotBlank();
        // README, "Docker Compose": the walk's two calls, the code going to the inbox (and SMTP).
        assertThat(cognito.adminGetUser(b -> b.userPoolId(pool).username("alice@example.com")).userAttributes())
                .anySatisfy(a -> assertThat(a.name() + "=" + a.value()).isEqualTo("email_verified=true"));
        cognito.forgotPassword(b -> b.clientId("localdev0123456789abcdefgh").username("alice@example.com"));
        assertThat(emulator.inbox().list(Inbox.Filter.ALL)).singleElement()
                .satisfies(m -> assertThat(m.destination()).isEqualTo("alice@example.com"));
    }
}
