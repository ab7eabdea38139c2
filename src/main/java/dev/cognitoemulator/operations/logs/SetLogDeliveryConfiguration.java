package dev.cognitoemulator.operations.logs;

import dev.cognitoemulator.domain.LogDestination;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.LogConfigurationType;
import dev.cognitoemulator.model.SetLogDeliveryConfigurationRequest;
import dev.cognitoemulator.model.SetLogDeliveryConfigurationResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces the pool's log deliveries (an empty list turns them off), checked as the model documents them
 * (LogConfigurationType): {@code userNotification} at {@code ERROR} to a CloudWatch Logs group; {@code userAuthEvents}
 * at {@code INFO} to a log group, an S3 bucket or a Data Firehose stream, on the Plus plan only. Each delivery names
 * one destination, each event source once; a log group or stream must be in the emulator's account (documented for
 * log groups: "must be in the same Amazon Web Services account as your user pool"). The texts are unconfirmed. Nothing
 * is delivered: the emulator keeps the configuration and answers it.
 */
public final class SetLogDeliveryConfiguration
        implements Operation<SetLogDeliveryConfigurationRequest, SetLogDeliveryConfigurationResponse> {

    private static final String NOTIFICATIONS = "userNotification";
    private static final String AUTH_EVENTS = "userAuthEvents";
    private static final Pattern LOG_GROUP = Pattern.compile("arn:[^:]+:logs:[^:]+:([0-9]+):log-group:.+");
    private static final Pattern STREAM = Pattern.compile("arn:[^:]+:firehose:[^:]+:([0-9]+):deliverystream/.+");
    private static final Pattern BUCKET = Pattern.compile("arn:[^:]+:s3:::[^:/]+");

    @Override
    public SetLogDeliveryConfigurationResponse execute(SetLogDeliveryConfigurationRequest request, Call call) {
        List<LogDestination> destinations = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        for (LogConfigurationType c : request.logConfigurations()) {
            if (!sources.add(c.eventSource())) {
                throw invalid("Only one log configuration is allowed for the event source " + c.eventSource() + ".");
            }
            destinations.add(destination(c, call.services().accountId()));
        }
        return call.write(request.userPoolId(), pool -> {
            UserPool current = pool.pool();
            if (sources.contains(AUTH_EVENTS) && !"PLUS".equals(current.settings().userPoolTier())) {
                // Documented: user activity logs need the Plus feature plan; worded as the other tier refusals.
                throw new CognitoException(ErrorCode.FeatureUnavailableInTierException,
                        "The following features need to be disabled for the " + current.settings().userPoolTier()
                                + " pricing tier configured: User Activity Log Export");
            }
            pool.putLogDelivery(destinations);
            return new SetLogDeliveryConfigurationResponse(LogDeliveries.type(current.id(), destinations));
        });
    }

    private static LogDestination destination(LogConfigurationType c, String accountId) {
        String group = c.cloudWatchLogsConfiguration() == null ? null : c.cloudWatchLogsConfiguration().logGroupArn();
        String bucket = c.s3Configuration() == null ? null : c.s3Configuration().bucketArn();
        String stream = c.firehoseConfiguration() == null ? null : c.firehoseConfiguration().streamArn();
        int given = (group == null ? 0 : 1) + (bucket == null ? 0 : 1) + (stream == null ? 0 : 1);
        if (given != 1) {
            throw invalid("A log configuration needs exactly one of CloudWatchLogsConfiguration, S3Configuration and "
                    + "FirehoseConfiguration, with its ARN.");
        }
        String level = NOTIFICATIONS.equals(c.eventSource()) ? "ERROR" : "INFO";
        if (!level.equals(c.logLevel())) {
            throw invalid("The event source " + c.eventSource() + " logs at the level " + level + ".");
        }
        if (NOTIFICATIONS.equals(c.eventSource()) && group == null) {
            throw invalid("The event source " + NOTIFICATIONS + " is delivered to CloudWatch Logs only.");
        }
        if (group != null) {
            checkArn(group, LOG_GROUP, accountId, "CloudWatch Logs log group");
        }
        if (stream != null) {
            checkArn(stream, STREAM, accountId, "Data Firehose stream");
        }
        if (bucket != null && !BUCKET.matcher(bucket).matches()) {
            throw invalid(bucket + " is not the ARN of an S3 bucket.");
        }
        return new LogDestination(c.eventSource(), c.logLevel(), group, bucket, stream);
    }

    private static void checkArn(String arn, Pattern shape, String accountId, String what) {
        var m = shape.matcher(arn);
        if (!m.matches()) {
            throw invalid(arn + " is not the ARN of a " + what + ".");
        }
        if (!m.group(1).equals(accountId)) {
            throw invalid("The " + what + " " + arn + " must be in the user pool's account " + accountId + ".");
        }
    }

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }
}
