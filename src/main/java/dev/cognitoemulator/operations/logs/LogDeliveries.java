package dev.cognitoemulator.operations.logs;

import dev.cognitoemulator.domain.LogDestination;
import dev.cognitoemulator.model.CloudWatchLogsConfigurationType;
import dev.cognitoemulator.model.FirehoseConfigurationType;
import dev.cognitoemulator.model.LogConfigurationType;
import dev.cognitoemulator.model.LogDeliveryConfigurationType;
import dev.cognitoemulator.model.S3ConfigurationType;
import java.util.List;

/** A pool's log deliveries on the wire, as SetLogDeliveryConfiguration and GetLogDeliveryConfiguration answer them. */
final class LogDeliveries {

    private LogDeliveries() {
    }

    static LogDeliveryConfigurationType type(String poolId, List<LogDestination> destinations) {
        return new LogDeliveryConfigurationType(destinations.stream().map(LogDeliveries::type).toList(), poolId);
    }

    private static LogConfigurationType type(LogDestination d) {
        return LogConfigurationType.builder()
                .eventSource(d.eventSource())
                .logLevel(d.logLevel())
                .cloudWatchLogsConfiguration(d.logGroupArn() == null ? null
                        : new CloudWatchLogsConfigurationType(d.logGroupArn()))
                .s3Configuration(d.bucketArn() == null ? null : new S3ConfigurationType(d.bucketArn()))
                .firehoseConfiguration(d.streamArn() == null ? null : new FirehoseConfigurationType(d.streamArn()))
                .build();
    }
}
