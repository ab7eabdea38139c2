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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Creates a pool in the request's region: id {@code <region>_<9 alphanumerics>}, AWS's standard schema
 * plus the request's attributes, AWS's defaults for every setting not given. A {@code _custom_id_} tag picks the id
 * instead, as LocalStack's does: {@code <region>_} and letters and digits (UserPoolIdType's form, in the request's
 * region); the tag is not kept among the pool's tags.
 */
public final class CreateUserPool implements Operation<CreateUserPoolRequest, CreateUserPoolResponse> {

    /** The tag whose value is the id to give the pool (LocalStack's name). */
    public static final String CUSTOM_ID = "_custom_id_";
    /** UserPoolIdType's length and the letters and digits after its underscore. */
    private static final int MAX_ID_LENGTH = 55;
    private static final Pattern ID_TAIL = Pattern.compile("[0-9a-zA-Z]+");

    @Override
    public CreateUserPoolResponse execute(CreateUserPoolRequest given, Call call) {
        CreateUserPoolRequest request = given;
        List<String> usernameAttributes = Pools.distinct(request.usernameAttributes());
        List<String> aliasAttributes = Pools.distinct(request.aliasAttributes());
        if (!usernameAttributes.isEmpty() && !aliasAttributes.isEmpty()) {
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "Only one of the aliasAttributes or usernameAttributes can be set in a User Pool.");
        }
        List<SchemaAttribute> schema = SchemaRules.initial(Pools.definitions(request.schema()));
        Map<String, String> tags = request.userPoolTags();
        String customId = tags == null ? null : tags.get(CUSTOM_ID);
        if (customId != null) {
            checkCustomId(customId, call.region());
            Map<String, String> kept = new LinkedHashMap<>(tags);
            kept.remove(CUSTOM_ID);
            request = request.toBuilder().userPoolTags(kept.isEmpty() ? null : kept).build();
        }
        PoolSettings settings = Pools.settings(request);
        Boolean caseSensitive = request.usernameConfiguration() == null ? null
                : request.usernameConfiguration().caseSensitive();
        String arnPrefix = "arn:aws:cognito-idp:" + call.region() + ":" + call.services().accountId() + ":userpool/";
        String name = request.poolName();
        Function<String, UserPool> build = id -> new UserPool(id, name, arnPrefix + id, call.now(), call.now(),
                schema, usernameAttributes, aliasAttributes, caseSensitive, settings,
                PoolFactors.NONE.forMfaConfiguration(settings.mfaConfiguration()));
        UserPool pool = customId == null ? call.store().createPool(call.region(), build)
                : call.store().createPoolWithId(customId, () -> build.apply(customId));
        if (pool == null) {
            // Unconfirmed: LocalStack's text for a taken custom id is not known.
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "A user pool with the id " + customId + " already exists (" + CUSTOM_ID + ").");
        }
        return new CreateUserPoolResponse(Pools.describe(pool, 0));
    }

    /** Unconfirmed text (LocalStack's is not known); the form is UserPoolIdType's, in the request's region. */
    private static void checkCustomId(String id, String region) {
        if (id.length() > MAX_ID_LENGTH || !id.startsWith(region + "_")
                || !ID_TAIL.matcher(id.substring(region.length() + 1)).matches()) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "The " + CUSTOM_ID + " tag must be a "
                    + "user pool id of the region " + region + ": " + region + "_ and letters or digits, at most "
                    + MAX_ID_LENGTH + " characters in all.");
        }
    }
}
