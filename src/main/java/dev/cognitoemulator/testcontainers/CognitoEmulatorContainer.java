package dev.cognitoemulator.testcontainers;

import dev.cognitoemulator.config.EmulatorConfig.Setting;
import java.net.URI;
import java.nio.file.Path;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The emulator's image (docker/Dockerfile) as a Testcontainers container: port {@value #PORT} exposed, started once
 * {@code GET /health} answers 200, settings given as the image's environment variables.
 *
 * <pre>{@code
 * @Container
 * static CognitoEmulatorContainer cognito = new CognitoEmulatorContainer("cognito-emulator:latest")
 *         .withSeedResource("seed.json");
 * ... CognitoIdentityProviderClient.builder().endpointOverride(cognito.endpoint()) ...
 * }</pre>
 */
public class CognitoEmulatorContainer extends GenericContainer<CognitoEmulatorContainer> {

    /** The port the image listens on. */
    public static final int PORT = 9229;
    /** What the wait strategy polls. */
    public static final String HEALTH_PATH = "/health";
    /** Where {@link #withSeed} puts the seed file in the container. */
    public static final String SEED_PATH = "/app/seed.json";
    /** Where {@link #withDataDir} mounts the data directory in the container. */
    public static final String DATA_DIR_PATH = "/data";

    public CognitoEmulatorContainer(DockerImageName image) {
        super(image);
        withExposedPorts(PORT);
        waitingFor(Wait.forHttp(HEALTH_PATH).forPort(PORT).forStatusCode(200));
    }

    /** @param image an image built from docker/Dockerfile, such as {@code cognito-emulator:latest} */
    public CognitoEmulatorContainer(String image) {
        this(DockerImageName.parse(image));
    }

    /** {@code http://host:mapped port}, for an SDK's {@code endpointOverride}; once started. */
    public URI endpoint() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(PORT));
    }

    /** Any setting of the README's table, as its environment variable, e.g. {@code (Setting.FIXED_CODE, "123456")}. */
    public CognitoEmulatorContainer withSetting(Setting setting, String value) {
        return withEnv(setting.env(), value);
    }

    /** This seed file (README, "Seed format") copied into the container and applied at start. */
    public CognitoEmulatorContainer withSeed(MountableFile seed) {
        return withCopyFileToContainer(seed, SEED_PATH).withSetting(Setting.SEED, SEED_PATH);
    }

    /** {@link #withSeed(MountableFile)} of a classpath resource. */
    public CognitoEmulatorContainer withSeedResource(String resource) {
        return withSeed(MountableFile.forClasspathResource(resource));
    }

    /**
     * Keeps the state in this host directory (README, Persistence), mounted at {@value #DATA_DIR_PATH}: a later
     * container given the same directory starts with it. The image's user (a system user, not root) must be allowed
     * to write there.
     */
    public CognitoEmulatorContainer withDataDir(Path hostDirectory) {
        return withFileSystemBind(hostDirectory.toAbsolutePath().toString(), DATA_DIR_PATH, BindMode.READ_WRITE)
                .withSetting(Setting.DATA_DIR, DATA_DIR_PATH);
    }
}
