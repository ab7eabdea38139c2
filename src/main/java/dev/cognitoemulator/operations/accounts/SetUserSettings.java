package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.MFAOptionType;
import dev.cognitoemulator.model.SetUserSettingsRequest;
import dev.cognitoemulator.model.SetUserSettingsResponse;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.time.Instant;
import java.util.List;

/**
 * The legacy MFA setting of the signed-in user: "You can use it to configure only SMS MFA" (model); an option turns
 * SMS MFA on, an empty list off. AdminSetUserSettings is the same for an administrator.
 */
public final class SetUserSettings implements Operation<SetUserSettingsRequest, SetUserSettingsResponse> {

    @Override
    public SetUserSettingsResponse execute(SetUserSettingsRequest request, Call call) {
        AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            pool.put(apply(caller.user(), request.mfaOptions(), call.now()));
            return null;
        });
        return new SetUserSettingsResponse();
    }

    /**
     * Captured text for another attribute: aws-amplify/aws-sdk-ios#382; the medium's text is its counterpart
     * (unconfirmed).
     */
    static User apply(User user, List<MFAOptionType> options, Instant now) {
        for (MFAOptionType option : options) {
            if (!"phone_number".equals(option.attributeName())) {
                throw invalid("Only phone_number attribute is currently supported as a MFA option.");
            }
            if (!"SMS".equals(option.deliveryMedium())) {
                throw invalid("Only SMS delivery medium is currently supported as a MFA option.");
            }
        }
        return user.withMfa(user.mfa().withSms(!options.isEmpty()), now);
    }

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }
}
