package dev.cognitoemulator.operations.tags;

import dev.cognitoemulator.domain.NotFound;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pool a tagging request's {@code ResourceArn} names. Only user pools can be tagged (documented: "Assigns a set
 * of tags to an Amazon Cognito user pool"); their ARN is {@code arn:aws:cognito-idp:<region>:<account>:userpool/<id>},
 * as CreateUserPool makes it.
 */
final class PoolArns {

    private static final Pattern POOL_ARN = Pattern.compile("arn:[^:]+:cognito-idp:[^:]*:[0-9]+:userpool/(.+)");

    private PoolArns() {
    }

    /**
     * The id in a pool ARN; an ARN of another service or resource type is {@code InvalidParameterException}
     * (unconfirmed wording).
     */
    static String poolId(String arn) {
        Matcher m = POOL_ARN.matcher(arn);
        if (!m.matches()) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "Invalid ARN " + arn
                    + ": only user pools (arn:aws:cognito-idp:<region>:<account>:userpool/<id>) can be tagged.");
        }
        return m.group(1);
    }

    /**
     * The pool the ARN names; a well-formed pool ARN that is not this pool's (another account or region) is
     * {@code ResourceNotFoundException}, as for an unknown pool id.
     */
    static UserPool require(PoolView view, String arn) {
        if (!view.pool().arn().equals(arn)) {
            throw NotFound.pool(view.pool().id());
        }
        return view.pool();
    }
}
