package dev.cognitoemulator.operations.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventSourceName;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LogConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LogDeliveryConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LogLevel;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;

/**
 * SetLogDeliveryConfiguration and GetLogDeliveryConfiguration: the deliveries are stored and answered as set, and
 * checked as the model documents them (userNotification at ERROR to CloudWatch Logs; userAuthEvents at INFO to a log
 * group, bucket or stream, on the Plus plan; one destination each, in the pool's account). Unconfirmed: the texts of
 * the refusals, and the answer for a pool without deliveries (an empty list).
 */
class LogDeliveryTest extends CognitoTestSupport {

    private static final String GROUP = "arn:aws:logs:us-east-1:000000000000:log-group:/aws/cognito/pool";
    private static final String BUCKET = "arn:aws:s3:::cognito-logs";
    private static final String STREAM = "arn:aws:firehose:us-east-1:000000000000:deliverystream/cognito";

    private static LogConfigurationType config(String source, String level,
            Consumer<LogConfigurationType.Builder> destination) {
        LogConfigurationType.Builder b = LogConfigurationType.builder().eventSource(source).logLevel(level);
        destination.accept(b);
        return b.build();
    }

    private static LogConfigurationType notifications() {
        return config("userNotification", "ERROR", b -> b.cloudWatchLogsConfiguration(c -> c.logGroupArn(GROUP)));
    }

    private LogDeliveryConfigurationType get(String poolId) {
        return cognito.getLogDeliveryConfiguration(b -> b.userPoolId(poolId)).logDeliveryConfiguration();
    }

    private LogDeliveryConfigurationType set(String poolId, LogConfigurationType... configs) {
        return cognito.setLogDeliveryConfiguration(b -> b.userPoolId(poolId).logConfigurations(configs))
                .logDeliveryConfiguration();
    }

    @Test
    void aPoolWithoutDeliveriesAnswersNone() {
        String poolId = newPool();
        LogDeliveryConfigurationType none = get(poolId);
        assertThat(none.userPoolId()).isEqualTo(poolId);
        assertThat(none.logConfigurations()).isEmpty();
    }

    @Test
    void deliveriesAreStoredAndAnsweredAsSet() {
        String poolId = newPool(b -> b.userPoolTier(UserPoolTierType.PLUS));
        LogConfigurationType events = config("userAuthEvents", "INFO", b -> b.s3Configuration(s -> s.bucketArn(BUCKET)));
        LogDeliveryConfigurationType set = set(poolId, notifications(), events);
        assertThat(set.userPoolId()).isEqualTo(poolId);
        assertThat(set.logConfigurations()).containsExactly(notifications(), events);
        assertThat(set.logConfigurations().get(0).eventSource()).isEqualTo(EventSourceName.USER_NOTIFICATION);
        assertThat(set.logConfigurations().get(1).logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(get(poolId)).isEqualTo(set);
        LogConfigurationType firehose = config("userAuthEvents", "INFO",
                b -> b.firehoseConfiguration(f -> f.streamArn(STREAM)));
        assertThat(set(poolId, firehose).logConfigurations()).containsExactly(firehose);
        assertThat(get(poolId).logConfigurations()).containsExactly(firehose);
        assertThat(set(poolId).logConfigurations()).isEmpty();
        assertThat(get(poolId).logConfigurations()).isEmpty();
    }

    @Test
    void userActivityLogsNeedThePlusPlan() {
        String poolId = newPool(b -> b.userPoolTier(UserPoolTierType.ESSENTIALS));
        set(poolId, notifications());
        LogConfigurationType events = config("userAuthEvents", "INFO",
                b -> b.cloudWatchLogsConfiguration(c -> c.logGroupArn(GROUP)));
        assertThat(message(awsError("FeatureUnavailableInTierException", () -> set(poolId, events))))
                .isEqualTo("The following features need to be disabled for the ESSENTIALS pricing tier configured: "
                        + "User Activity Log Export");
        assertThat(get(poolId).logConfigurations()).containsExactly(notifications());
    }

    @Test
    void eachDeliveryIsCheckedAsDocumented() {
        String poolId = newPool(b -> b.userPoolTier(UserPoolTierType.PLUS));
        set(poolId, notifications());
        refused(poolId, "The event source userNotification logs at the level ERROR.",
                config("userNotification", "INFO", b -> b.cloudWatchLogsConfiguration(c -> c.logGroupArn(GROUP))));
        refused(poolId, "The event source userAuthEvents logs at the level INFO.",
                config("userAuthEvents", "ERROR", b -> b.cloudWatchLogsConfiguration(c -> c.logGroupArn(GROUP))));
        refused(poolId, "The event source userNotification is delivered to CloudWatch Logs only.",
                config("userNotification", "ERROR", b -> b.s3Configuration(s -> s.bucketArn(BUCKET))));
        String exactlyOne = "A log configuration needs exactly one of CloudWatchLogsConfiguration, S3Configuration "
                + "and FirehoseConfiguration, with its ARN.";
        refused(poolId, exactlyOne, config("userAuthEvents", "INFO", b -> { }));
        refused(poolId, exactlyOne, config("userAuthEvents", "INFO", b -> b.s3Configuration(s -> s.bucketArn(BUCKET))
                .firehoseConfiguration(f -> f.streamArn(STREAM))));
        refused(poolId, "Only one log configuration is allowed for the event source userNotification.",
                notifications(), notifications());
        refused(poolId, STREAM.replace("firehose", "kinesis") + " is not the ARN of a Data Firehose stream.",
                config("userAuthEvents", "INFO",
                        b -> b.firehoseConfiguration(f -> f.streamArn(STREAM.replace("firehose", "kinesis")))));
        refused(poolId, "arn:aws:s3:::bucket/key is not the ARN of an S3 bucket.", config("userAuthEvents", "INFO",
                b -> b.s3Configuration(s -> s.bucketArn("arn:aws:s3:::bucket/key"))));
        String elsewhere = GROUP.replace("000000000000", "111111111111");
        refused(poolId, "The CloudWatch Logs log group " + elsewhere + " must be in the user pool's account "
                + "000000000000.", config("userNotification", "ERROR",
                        b -> b.cloudWatchLogsConfiguration(c -> c.logGroupArn(elsewhere))));
        refused(poolId, "arn:aws:logs:us-east-1:000000000000:stream:x is not the ARN of a CloudWatch Logs log group.",
                config("userNotification", "ERROR", b -> b.cloudWatchLogsConfiguration(
                        c -> c.logGroupArn("arn:aws:logs:us-east-1:000000000000:stream:x"))));
    }

    private void refused(String poolId, String expected, LogConfigurationType... configs) {
        assertThat(message(awsError("InvalidParameterException", () -> set(poolId, configs)))).isEqualTo(expected);
        assertThat(get(poolId).logConfigurations()).containsExactly(notifications());
    }

    @Test
    void unknownPoolsAreNotFound() {
        assertThat(message(awsError("ResourceNotFoundException", () -> get(NO_POOL))))
                .isEqualTo("User pool " + NO_POOL + " does not exist.");
        assertThat(message(awsError("ResourceNotFoundException", () -> set(NO_POOL, notifications()))))
                .isEqualTo("User pool " + NO_POOL + " does not exist.");
    }

    @Test
    void theModelAllowsTwoDeliveriesAtMost() {
        String poolId = newPool();
        assertThat(message(awsError("InvalidParameterException",
                () -> set(poolId, notifications(), notifications(), notifications())))).contains("logConfigurations");
    }
}
