package dev.cognitoemulator.operations.quotas;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.UpdateProvisionedLimitRequest;
import dev.cognitoemulator.model.UpdateProvisionedLimitResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.quotas.Category;

/**
 * Sets the region's rate of an API category, which {@code --enforce-quotas} then applies: from the default up to the
 * most the category allows (documented: "between the default limit and your account-level maximum limit in Service
 * Quotas"; the emulator's maximum is {@link Category#maximum()}). Texts unconfirmed.
 */
public final class UpdateProvisionedLimit
        implements Operation<UpdateProvisionedLimitRequest, UpdateProvisionedLimitResponse> {

    @Override
    public UpdateProvisionedLimitResponse execute(UpdateProvisionedLimitRequest request, Call call) {
        Category category = Limits.category(request.limitDefinition());
        int requested = request.requestedLimitValue();
        if (requested < category.freeRate()) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "The requested limit " + requested
                    + " is below the default limit " + category.freeRate() + " of " + category + ".");
        }
        if (requested > category.maximum()) {
            throw new CognitoException(ErrorCode.ServiceQuotaExceededException, "The requested limit " + requested
                    + " is above the maximum limit " + category.maximum() + " of " + category + ".");
        }
        call.services().quotas().provision(call.region(), category, requested);
        return new UpdateProvisionedLimitResponse(Limits.type(request.limitDefinition(), category, call));
    }
}
