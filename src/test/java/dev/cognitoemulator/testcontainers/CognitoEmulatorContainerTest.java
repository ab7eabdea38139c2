package dev.cognitoemulator.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.config.EmulatorConfig.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

/**
 * What the container is configured with, checked without a Docker daemon (none in CI): the exposed port, the
 * environment and files its withers set, and its wait strategy, run against an emulator started here in place of
 * the container.
 */
class CognitoEmulatorContainerTest {

    /** The container, with its (protected) wait strategy in reach. */
    static final class Inspected extends CognitoEmulatorContainer {
        Inspected() {
            super("cognito-emulator:test");
        }

        WaitStrategy waitStrategy() {
            return getWaitStrategy();
        }
    }

    @Test
    void exposesThePortTheImageListensOn() {
        assertThat(new Inspected().getExposedPorts()).containsExactly(9229);
    }

    @Test
    @SuppressWarnings("deprecation") // getCopyToFileContainerPathMap: the one public view of the files to copy
    void withSeedResourceCopiesTheFileAndPointsTheSeedSettingAtIt() {
        Inspected container = new Inspected();
        container.withSeedResource("dev/cognitoemulator/junit/seed.json");
        assertThat(container.getEnvMap()).containsExactlyEntriesOf(
                Map.of("COGNITO_EMULATOR_SEED", "/app/seed.json"));
        assertThat(container.getCopyToFileContainerPathMap()).hasSize(1).allSatisfy((file, path) -> {
            assertThat(path).isEqualTo("/app/seed.json");
            assertThat(file.getResolvedPath()).endsWith("dev/cognitoemulator/junit/seed.json");
        });
    }

    @Test
    void withDataDirBindsTheHostDirectoryAndSetsTheDataDirSetting(@TempDir Path dir) {
        Inspected container = new Inspected();
        container.withDataDir(dir).withSetting(Setting.FIXED_CODE, "123456");
        assertThat(container.getEnvMap()).containsOnly(Map.entry("COGNITO_EMULATOR_DATA_DIR", "/data"),
                Map.entry("COGNITO_EMULATOR_FIXED_CODE", "123456"));
        List<Bind> binds = container.getBinds();
        assertThat(binds).singleElement().satisfies(bind -> {
            assertThat(bind.getPath()).isEqualTo(dir.toAbsolutePath().toString());
            assertThat(bind.getVolume().getPath()).isEqualTo("/data");
        });
    }

    @Test
    void theWaitStrategyIsSatisfiedByTheHealthEndpointOnTheMappedPort() {
        try (CognitoEmulator emulator = CognitoEmulator.builder().port(0).build().start()) {
            WaitStrategy strategy = new Inspected().waitStrategy().withStartupTimeout(Duration.ofSeconds(20));
            strategy.waitUntilReady(new MappedTo(emulator.port()));
        }
    }

    /** A started container as the wait strategy sees it: port 9229 mapped to {@code port} on 127.0.0.1. */
    private record MappedTo(int port) implements WaitStrategyTarget {
        @Override
        public String getHost() {
            return "127.0.0.1";
        }

        @Override
        public Integer getMappedPort(int originalPort) {
            if (originalPort != CognitoEmulatorContainer.PORT) {
                throw new IllegalArgumentException("port " + originalPort + " is not exposed");
            }
            return port;
        }

        @Override
        public List<Integer> getExposedPorts() {
            return List.of(CognitoEmulatorContainer.PORT);
        }

        @Override
        public InspectContainerResponse getContainerInfo() {
            return new InspectContainerResponse(); // its name goes into the strategy's log lines
        }
    }
}
