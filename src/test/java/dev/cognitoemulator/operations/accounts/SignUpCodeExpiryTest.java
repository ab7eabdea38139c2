package dev.cognitoemulator.operations.accounts;

import static dev.cognitoemulator.CognitoTestSupport.Attributes.attr;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.TestClock;
import dev.cognitoemulator.auth.AuthMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * A sign-up code lives 24 hours (documented: DG2023 limits.md, "code security resource quotas"; AWS employee,
 * amazon-cognito-identity-js#189), timed by the emulator's clock; SigV4 checking is off, since the SDK signs with the
 * real time. Captured text: awslabs/aws-sdk-ios-samples#144, aws-amplify/amplify-flutter#1128.
 */
class SignUpCodeExpiryTest extends SignUpFixture {

    private static final String EXPIRED = "Invalid code provided, please request a code again.";

    private final TestClock clock = new TestClock();

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock).authMode(AuthMode.OFF);
    }

    @Test
    void theCodeStillWorksJustBefore24Hours() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "early", attr("email", "early@example.com"));

        clock.advance(Duration.ofHours(24).minusMinutes(1));
        confirm(clientId, "early", lastCode(poolId, "early"));

        assertThat(status(poolId, "early")).isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void after24HoursTheCodeHasExpired() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "late", attr("email", "late@example.com"));
        String code = lastCode(poolId, "late");

        clock.advance(Duration.ofHours(24));
        var e = awsError("ExpiredCodeException", () -> confirm(clientId, "late", code));

        assertThat(message(e)).isEqualTo(EXPIRED);
        assertThat(status(poolId, "late")).isEqualTo(UserStatusType.UNCONFIRMED);
    }

    @Test
    void aResentCodeHasItsOwn24Hours() {
        String poolId = newPool();
        String clientId = passwordClient(poolId);
        signUp(clientId, "again", attr("email", "again@example.com"));
        clock.advance(Duration.ofHours(23));

        cognito.resendConfirmationCode(b -> b.clientId(clientId).username("again"));
        clock.advance(Duration.ofHours(23));
        confirm(clientId, "again", lastCode(poolId, "again"));

        assertThat(status(poolId, "again")).isEqualTo(UserStatusType.CONFIRMED);
    }
}
