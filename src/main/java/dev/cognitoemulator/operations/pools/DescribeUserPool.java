package dev.cognitoemulator.operations.pools;

import dev.cognitoemulator.domain.UserPoolDomain;
import dev.cognitoemulator.model.DescribeUserPoolRequest;
import dev.cognitoemulator.model.DescribeUserPoolResponse;
import dev.cognitoemulator.model.UserPoolType;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.List;

/** The pool's settings, schema, user count and domains (prefix and custom), as {@code UserPoolType}. */
public final class DescribeUserPool implements Operation<DescribeUserPoolRequest, DescribeUserPoolResponse> {

    @Override
    public DescribeUserPoolResponse execute(DescribeUserPoolRequest request, Call call) {
        return call.read(request.userPoolId(), pool -> {
            UserPoolType described = Pools.describe(pool.pool(), pool.size());
            List<UserPoolDomain> domains = pool.domains();
            return new DescribeUserPoolResponse(domains.isEmpty() ? described : described.toBuilder()
                    .domain(name(domains, false)).customDomain(name(domains, true)).build());
        });
    }

    private static String name(List<UserPoolDomain> domains, boolean custom) {
        return domains.stream().filter(d -> d.isCustom() == custom).map(UserPoolDomain::domain).findFirst()
                .orElse(null);
    }
}
