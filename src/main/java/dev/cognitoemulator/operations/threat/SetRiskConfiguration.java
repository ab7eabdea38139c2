package dev.cognitoemulator.operations.threat;

import dev.cognitoemulator.domain.IpRange;
import dev.cognitoemulator.domain.RiskConfiguration;
import dev.cognitoemulator.domain.ThreatProtection;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AccountTakeoverActionType;
import dev.cognitoemulator.model.AccountTakeoverRiskConfigurationType;
import dev.cognitoemulator.model.RiskExceptionConfigurationType;
import dev.cognitoemulator.model.SetRiskConfigurationRequest;
import dev.cognitoemulator.model.SetRiskConfigurationResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sets the pool's (no ClientId) or an app client's threat protection settings: compromised-credentials actions,
 * adaptive authentication actions and their notification e-mails, the always-block and always-allow IP ranges.
 * Only the pool id (and client id) resets them: the pool's to the defaults, the client's to inheriting the pool's
 * (documented). The pool's threat protection must be on (the Plus plan, AUDIT or ENFORCED).
 */
public final class SetRiskConfiguration
        implements Operation<SetRiskConfigurationRequest, SetRiskConfigurationResponse> {

    @Override
    public SetRiskConfigurationResponse execute(SetRiskConfigurationRequest request, Call call) {
        RiskExceptionConfigurationType exceptions = request.riskExceptionConfiguration();
        List<IpRange> blocked = ranges(exceptions == null ? null : exceptions.blockedIPRangeList());
        List<IpRange> skipped = ranges(exceptions == null ? null : exceptions.skippedIPRangeList());
        notifications(request.accountTakeoverRiskConfiguration());
        boolean reset = request.compromisedCredentialsRiskConfiguration() == null
                && request.accountTakeoverRiskConfiguration() == null && exceptions == null;
        RiskConfiguration set = reset ? null : new RiskConfiguration(request.clientId(),
                request.compromisedCredentialsRiskConfiguration(), request.accountTakeoverRiskConfiguration(),
                exceptions, blocked, skipped, call.now());
        return new SetRiskConfigurationResponse(call.write(request.userPoolId(), pool -> {
            if (request.clientId() != null) {
                pool.requireClient(request.clientId());
            }
            ThreatProtection.requireEnabled(pool.pool());
            String poolId = pool.pool().id();
            if (set == null) {
                pool.removeRiskConfiguration(request.clientId());
            } else {
                pool.putRiskConfiguration(set);
            }
            return Risks.type(poolId, request.clientId(), set);
        }));
    }

    /** Each range in CIDR notation (unconfirmed text). */
    private static List<IpRange> ranges(List<String> given) {
        List<IpRange> ranges = new ArrayList<>();
        if (given != null) {
            for (String cidr : given) {
                IpRange range = IpRange.parse(cidr);
                if (range == null) {
                    throw new CognitoException(ErrorCode.InvalidParameterException,
                            "Invalid IP range " + cidr + ": an IP range must be given in CIDR notation.");
                }
                ranges.add(range);
            }
        }
        return ranges;
    }

    /**
     * An action that notifies needs the e-mail settings to send with (documented: NotifyConfiguration, "When you
     * choose to notify users in AccountTakeoverRiskConfiguration, Amazon Cognito sends an email message"; text
     * unconfirmed).
     */
    private static void notifications(AccountTakeoverRiskConfigurationType takeover) {
        if (takeover == null || takeover.notifyConfiguration() != null || takeover.actions() == null) {
            return;
        }
        for (AccountTakeoverActionType action : Arrays.asList(takeover.actions().lowAction(),
                takeover.actions().mediumAction(), takeover.actions().highAction())) {
            if (action != null && Boolean.TRUE.equals(action.notifyUser())) {
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "NotifyConfiguration is required when an account takeover action notifies the user.");
            }
        }
    }
}
