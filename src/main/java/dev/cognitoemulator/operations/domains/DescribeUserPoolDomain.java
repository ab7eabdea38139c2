package dev.cognitoemulator.operations.domains;

import dev.cognitoemulator.domain.UserPoolDomain;
import dev.cognitoemulator.model.CustomDomainConfigType;
import dev.cognitoemulator.model.DescribeUserPoolDomainRequest;
import dev.cognitoemulator.model.DescribeUserPoolDomainResponse;
import dev.cognitoemulator.model.DomainDescriptionType;
import dev.cognitoemulator.model.DomainStatusType;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A domain by name, whatever its pool. An unknown name is no error: the answer is an empty {@code DomainDescription}
 * (captured: hashicorp/terraform-provider-aws, cognitoidp user_pool_domain.go, which reads {@code {}} as gone).
 * A prefix domain shows an empty {@code CustomDomainConfig} (captured: aws-cli
 * examples/cognito-idp/describe-user-pool-domain.rst). No {@code S3Bucket}: the emulator has none.
 */
public final class DescribeUserPoolDomain
        implements Operation<DescribeUserPoolDomainRequest, DescribeUserPoolDomainResponse> {

    /** The example's {@code Version} ({@code 20190128175402}) reads as a UTC time; here the domain's last change. */
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    @Override
    public DescribeUserPoolDomainResponse execute(DescribeUserPoolDomainRequest request, Call call) {
        String poolId = call.store().poolOfDomain(request.domain());
        UserPoolDomain domain = poolId == null ? null : call.read(poolId, pool -> pool.domain(request.domain()));
        if (domain == null) {
            return new DescribeUserPoolDomainResponse(DomainDescriptionType.builder().build());
        }
        return new DescribeUserPoolDomainResponse(DomainDescriptionType.builder()
                .userPoolId(domain.userPoolId())
                .awsAccountId(call.services().accountId())
                .domain(domain.domain())
                .cloudFrontDistribution(domain.cloudFrontDistribution())
                .version(VERSION.format(domain.lastModifiedDate()))
                .status(DomainStatusType.ACTIVE)
                .customDomainConfig(domain.isCustom() ? domain.custom() : CustomDomainConfigType.builder().build())
                .managedLoginVersion(domain.managedLoginVersion())
                .build());
    }
}
