package dev.cognitoemulator.operations.domains;

import dev.cognitoemulator.domain.UserPoolDomain;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.CreateUserPoolDomainRequest;
import dev.cognitoemulator.model.CreateUserPoolDomainResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Gives the pool a prefix domain, or (with {@code CustomDomainConfig}) a custom domain; a pool has at most one of
 * each (documented: developer guide, cognito-user-pools-assign-domain), and a name belongs to one pool store-wide:
 * it is claimed in the store's index before the pool's write, and released when the write fails.
 */
public final class CreateUserPoolDomain
        implements Operation<CreateUserPoolDomainRequest, CreateUserPoolDomainResponse> {

    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    @Override
    public CreateUserPoolDomainResponse execute(CreateUserPoolDomainRequest request, Call call) {
        String name = request.domain();
        Domains.check(name, request.customDomainConfig());
        String poolId = request.userPoolId();
        if (!call.store().claimDomain(name, poolId)) {
            throw taken();
        }
        // A CloudFront host like AWS's (d111111abcdef8.cloudfront.net: API reference, CreateUserPoolDomain).
        String distribution = "d" + call.random().string(LOWER_ALNUM, 13) + ".cloudfront.net";
        UserPoolDomain created;
        try {
            created = call.write(poolId, pool -> {
                int version = UserPoolDomain.checkManagedLoginVersion(request.managedLoginVersion(),
                        pool.pool().settings().userPoolTier());
                boolean custom = request.customDomainConfig() != null;
                if (pool.domains().stream().anyMatch(d -> d.isCustom() == custom)) {
                    // Unconfirmed: no capture of AWS's text for a pool's second domain of a kind.
                    throw new CognitoException(ErrorCode.InvalidParameterException, custom
                            ? "The user pool already has a custom domain configured."
                            : "The user pool already has a domain configured.");
                }
                UserPoolDomain domain = new UserPoolDomain(name, pool.pool().id(), request.customDomainConfig(),
                        version, distribution, call.now(), call.now());
                pool.putDomain(domain);
                return domain;
            });
        } catch (RuntimeException e) {
            call.store().releaseDomain(name, poolId);
            throw e;
        }
        // A prefix domain answers no CloudFrontDomain (captured: aws/aws-sdk-net#1591).
        return CreateUserPoolDomainResponse.builder().managedLoginVersion(created.managedLoginVersion())
                .cloudFrontDomain(created.isCustom() ? created.cloudFrontDistribution() : null).build();
    }

    /** Captured: aws-samples/aws-cdk-examples#402 (CloudFormation against AWS). */
    private static CognitoException taken() {
        return new CognitoException(ErrorCode.InvalidParameterException,
                "Domain already associated with another user pool.");
    }
}
