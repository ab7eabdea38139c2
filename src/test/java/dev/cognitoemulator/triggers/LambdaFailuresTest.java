package dev.cognitoemulator.triggers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.config.EmulatorConfig.Setting;
import dev.cognitoemulator.testing.LambdaServer;
import dev.cognitoemulator.testing.LambdaServer.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Functions the emulator cannot call: none configured for the ARN, nothing listening, no answer within the timeout
 * (shortened here; Cognito's is 5 s). Each fails the operation with UnexpectedLambdaException.
 */
class LambdaFailuresTest extends CognitoTestSupport {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

    private final LambdaServer lambda = LambdaServer.start();
    /** Holds the slow function's answer until the emulator has given up on it. */
    private final CountDownLatch release = new CountDownLatch(1);

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        lambda.route("/slow", r -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(r.event());
        });
        return builder
                .setting(Setting.LAMBDA_URL, "slow=" + lambda.uri("/slow") + ",down=http://127.0.0.1:" + closedPort()
                        + "/")
                .setting(Setting.LAMBDA_TIMEOUT_MS, "2000");
    }

    @AfterAll
    void stopLambda() {
        release.countDown();
        lambda.close();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** AdminInitiateAuth of a confirmed user of a pool whose PreAuthentication is {@code function}: its error. */
    private String refusal(String function) {
        String poolId = newPool(b -> b.lambdaConfig(l -> l.preAuthentication(ARN + function)));
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        return message(awsError("UnexpectedLambdaException", () -> adminSignIn(poolId, clientId, "alice")));
    }

    @Test
    void aFunctionNoTransportServesIsAConfigurationFailure() {
        assertThat(refusal("nowhere")).isEqualTo("PreAuthentication invocation failed due to configuration.");
    }

    @Test
    void aFunctionSlowerThanTheTimeoutFails() {
        assertThat(refusal("slow"))
                .isEqualTo("PreAuthentication invocation failed due to error Socket timeout exception.");
        release.countDown();
    }

    @Test
    void aFunctionNothingListensForFails() {
        assertThat(refusal("down")).isEqualTo("PreAuthentication invocation failed due to error ConnectException.");
    }

    @Test
    void aPoolWithoutTriggersSignsInAsBefore() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice");
        assertThat(adminSignIn(poolId, clientId, "alice").accessToken()).isNotEmpty();
    }
}
