package dev.cognitoemulator.operations.quotas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.ManualClock;
import dev.cognitoemulator.config.EmulatorConfig.Setting;
import dev.cognitoemulator.testing.ModelCheck;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitClass;

/**
 * {@code --enforce-quotas}: each region's request rate per category (its default, or what UpdateProvisionedLimit set)
 * with one second's worth of requests at once, refilled by the emulator's clock; above it TooManyRequestsException.
 * The SDK client here does not retry, so each throttled call is seen.
 */
class RateQuotasTest extends CognitoTestSupport {

    private final ManualClock clock = new ManualClock();
    private CognitoIdentityProviderClient once;
    private CognitoIdentityProviderClient tokyo;

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.clock(clock).setting(Setting.ENFORCE_QUOTAS, "on");
    }

    private CognitoIdentityProviderClient noRetries(Region region) {
        return CognitoIdentityProviderClient.builder().endpointOverride(emulator.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ModelCheck())
                        .retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @BeforeAll
    void clients() {
        once = noRetries(Region.US_EAST_1);
        tokyo = noRetries(Region.AP_NORTHEAST_1);
    }

    @AfterAll
    void closeClients() {
        once.close();
        tokyo.close();
    }

    @Test
    void aCategoryAdmitsItsRateAndRefillsWithTheClock() {
        clock.advance(Duration.ofSeconds(10));
        String poolId = newPool();
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 15; i++) {
            once.describeUserPool(b -> b.userPoolId(poolId));
        }
        var e = awsError("TooManyRequestsException", () -> once.getUserPoolMfaConfig(b -> b.userPoolId(poolId)));
        assertThat(message(e)).isEqualTo("Rate exceeded");
        // Another category, and the same one in another region, are counted apart.
        once.listUserPoolClients(b -> b.userPoolId(poolId).maxResults(10));
        tokyo.listUserPools(b -> b.maxResults(10));

        clock.advance(Duration.ofMillis(200));
        for (int i = 0; i < 3; i++) {
            once.describeUserPool(b -> b.userPoolId(poolId));
        }
        awsError("TooManyRequestsException", () -> once.describeUserPool(b -> b.userPoolId(poolId)));
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 15; i++) {
            once.describeUserPool(b -> b.userPoolId(poolId));
        }
        awsError("TooManyRequestsException", () -> once.describeUserPool(b -> b.userPoolId(poolId)));
    }

    @Test
    void aProvisionedLimitIsTheRateApplied() {
        clock.advance(Duration.ofSeconds(10));
        String poolId = newPool();
        confirmedUser(poolId, "kim");
        clock.advance(Duration.ofSeconds(10));
        once.updateProvisionedLimit(b -> b.limitDefinition(d -> d.limitClass(LimitClass.API_CATEGORY)
                .attributes(Map.of("Category", "UserRead"))).requestedLimitValue(130));
        for (int i = 0; i < 130; i++) {
            once.adminGetUser(b -> b.userPoolId(poolId).username("kim"));
        }
        awsError("TooManyRequestsException", () -> once.adminGetUser(b -> b.userPoolId(poolId).username("kim")));
        // The provisioned-limit operations themselves belong to no category.
        for (int i = 0; i < 20; i++) {
            once.getProvisionedLimit(b -> b.limitDefinition(d -> d.limitClass(LimitClass.API_CATEGORY)
                    .attributes(Map.of("Category", "UserRead"))));
        }
    }
}
