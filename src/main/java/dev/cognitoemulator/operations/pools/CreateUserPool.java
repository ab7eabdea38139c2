package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.domain.PoolFactors;
import dev.cognitoemulator.domain.PoolSettings;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.SchemaRules;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.CreateUserPoolRequest;
import dev.cognitoemulator.model.CreateUserPoolResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.List;

/**
 * Creates a pool in the request's region: id {@code <region>_<9 alphanumerics>}, AWS's standard schema
 * plus the request's attributes, AWS's defaults for every setting not given.
 */
public final class CreateUserPool implements Operation<CreateUserPoolRequest, CreateUserPoolResponse> {

    @Override
    public CreateUserPoolResponse execute(CreateUserPoolRequest request, Call call) {
        List<String> usernameAttributes = Pools.distinct(request.usernameAttributes());
        List<String> aliasAttributes = Pools.distinct(request.aliasAttributes());
        if (!usernameAttributes.isEmpty() && !aliasAttributes.isEmpty()) {
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
        }
        List<SchemaAttribute> schema = SchemaRules.initial(Pools.definitions(request.schema()));
        PoolSettings settings = Pools.settings(request);
        Boolean caseSensitive = request.usernameConfiguration() == null ? null
                : request.usernameConfiguration().caseSensitive();
        String arnPrefix = "arn:aws:cognito-idp:" + call.region() + ":" + call.services().accountId() + ":userpool/";
        UserPool pool = call.store().createPool(call.region(), id -> new UserPool(id, request.poolName(),
                arnPrefix + id, call.now(), call.now(), schema, usernameAttributes, aliasAttributes, caseSensitive,
                settings, PoolFactors.NONE.forMfaConfiguration(settings.mfaConfiguration())));
        return new CreateUserPoolResponse(Pools.describe(pool, 0));
    }
}
