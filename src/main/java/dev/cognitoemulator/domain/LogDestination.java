package dev.cognitoemulator.domain;

/**
 * One of a pool's log deliveries (SetLogDeliveryConfiguration): the events it sends ({@code userNotification} or
 * {@code userAuthEvents}), at which level ({@code ERROR}, {@code INFO}), and to the one destination given: a
 * CloudWatch Logs group, an S3 bucket or a Data Firehose stream (the other two null).
 */
public record LogDestination(String eventSource, String logLevel, String logGroupArn, String bucketArn,
        String streamArn) {
}
