package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.VerificationCode;
import dev.cognitoemulator.model.VerifyUserAttributeRequest;
import dev.cognitoemulator.model.VerifyUserAttributeResponse;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.Map;

/**
 * The signed-in user types back an attribute's code: the attribute becomes verified, taking the value that waited
 * for verification if one did ("updates the affected attribute to its pending value", model); a code verifies only the
 * value it was sent to. A verified alias another user holds is {@code AliasExistsException}. The code works once, for
 * 24 hours, and not after {@link #MAX_FAILURES} wrong tries (VerifyUserAttribute's quota, 15 per user per hour:
 * limits.html).
 */
public final class VerifyUserAttribute implements Operation<VerifyUserAttributeRequest, VerifyUserAttributeResponse> {

    static final int MAX_FAILURES = 15;

    @Override
    public VerifyUserAttributeResponse execute(VerifyUserAttributeRequest request, Call call) {
        String attribute = request.attributeName();
        Accounts.Check check = AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            Accounts.requireVerifiable(attribute);
            User user = caller.user();
            String purpose = VerificationCode.attribute(attribute);
            VerificationCode code = pool.code(user.sub(), purpose);
            Accounts.Check outcome = Accounts.check(pool, user, purpose, request.code(), MAX_FAILURES, call);
            if (outcome == Accounts.Check.MATCHED) {
                String value = code.pendingValue() != null ? code.pendingValue() : user.attributes().get(attribute);
                if (!code.destination().equals(value)) {
                    // Sent to a value the user no longer has (an administrator changed or deleted it).
                    return Accounts.Check.EXPIRED;
                }
                User verified = user.withAttributes(user.attributes().with(Map.of(attribute, value,
                        attribute + "_verified", "true")), call.now());
                Accounts.claimAliases(pool, verified, false, call);
                pool.put(verified);
                pool.removeCode(user.sub(), purpose);
            }
            return outcome;
        });
        if (check != Accounts.Check.MATCHED) {
            throw Accounts.refusal(check);
        }
        return new VerifyUserAttributeResponse();
    }
}
