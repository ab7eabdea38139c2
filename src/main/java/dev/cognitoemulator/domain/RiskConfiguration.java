package dev.cognitoemulator.domain;

import dev.cognitoemulator.model.AccountTakeoverRiskConfigurationType;
import dev.cognitoemulator.model.CompromisedCredentialsRiskConfigurationType;
import dev.cognitoemulator.model.RiskExceptionConfigurationType;
import java.time.Instant;
import java.util.List;

/**
 * A pool's threat protection settings (SetRiskConfiguration), for the whole pool ({@code clientId} null) or one app
 * client, which then uses them instead of the pool's. The IP lists are kept parsed: {@link #blocks} runs on the
 * sign-in path.
 */
public record RiskConfiguration(String clientId, CompromisedCredentialsRiskConfigurationType compromisedCredentials,
        AccountTakeoverRiskConfigurationType accountTakeover, RiskExceptionConfigurationType exceptions,
        List<IpRange> blocked, List<IpRange> skipped, Instant lastModified) {

    public RiskConfiguration {
        blocked = List.copyOf(blocked);
        skipped = List.copyOf(skipped);
    }

    /** Whether the always-block list has {@code ip} (an always-allow range wins: no risk is looked at there). */
    public boolean blocks(String ip) {
        if (ip == null || blocked.isEmpty()) {
            return false;
        }
        byte[] address = IpRange.literal(ip);
        if (address == null) {
            return false;
        }
        for (IpRange range : skipped) {
            if (range.contains(address)) {
                return false;
            }
        }
        for (IpRange range : blocked) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
