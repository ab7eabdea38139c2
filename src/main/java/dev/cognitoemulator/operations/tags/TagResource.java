package dev.cognitoemulator.operations.tags;

import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.TagResourceRequest;
import dev.cognitoemulator.model.TagResourceResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.HashMap;
import java.util.Map;

/**
 * Adds tags to a pool, replacing the values of keys it has; the pool's {@code UserPoolTags} (DescribeUserPool) are
 * the same tags.
 */
public final class TagResource implements Operation<TagResourceRequest, TagResourceResponse> {

    /** Documented: "A user pool can have as many as 50 tags." */
    static final int MAX_TAGS = 50;

    @Override
    public TagResourceResponse execute(TagResourceRequest request, Call call) {
        String arn = request.resourceArn();
        for (String key : request.tags().keySet()) {
            if (key.startsWith("aws:")) {
                // Documented for every AWS resource's tags (the prefix is AWS's own); the wording is unconfirmed.
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "Tag keys may not begin with aws: (" + key + ").");
            }
        }
        return call.write(PoolArns.poolId(arn), pool -> {
            UserPool current = PoolArns.require(pool, arn);
            Map<String, String> tags = new HashMap<>(current.settings().tags());
            tags.putAll(request.tags());
            if (tags.size() > MAX_TAGS) {
                // Unconfirmed wording.
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "A user pool can have at most " + MAX_TAGS + " tags; this request would give it "
                                + tags.size() + ".");
            }
            pool.replacePool(current.withTags(tags));
            return new TagResourceResponse();
        });
    }
}
