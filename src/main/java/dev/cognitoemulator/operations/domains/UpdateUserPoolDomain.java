package dev.cognitoemulator.operations.domains;

import dev.cognitoemulator.domain.UserPoolDomain;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.UpdateUserPoolDomainRequest;
import dev.cognitoemulator.model.UpdateUserPoolDomainResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/**
 * Changes a domain's {@code ManagedLoginVersion} and, for a custom domain, its certificate (documented: API reference,
 * UpdateUserPoolDomain: "doesn't change the name"); what the request leaves out stays as it was.
 */
public final class UpdateUserPoolDomain
        implements Operation<UpdateUserPoolDomainRequest, UpdateUserPoolDomainResponse> {

    @Override
    public UpdateUserPoolDomainResponse execute(UpdateUserPoolDomainRequest request, Call call) {
        UserPoolDomain updated = call.write(request.userPoolId(), pool -> {
            UserPoolDomain domain = Domains.require(pool, request.domain());
            UserPoolDomain changed = domain;
            if (request.managedLoginVersion() != null) {
                changed = changed.withManagedLoginVersion(UserPoolDomain.checkManagedLoginVersion(
                        request.managedLoginVersion(), pool.pool().settings().userPoolTier()), call.now());
            }
            if (request.customDomainConfig() != null) {
                if (!domain.isCustom()) {
                    // Unconfirmed: no capture of AWS's text for a certificate given to a prefix domain.
                    throw new CognitoException(ErrorCode.InvalidParameterException,
                            "CustomDomainConfig can only be updated for a custom domain.");
                }
                changed = changed.withCustom(request.customDomainConfig(), call.now());
            }
            pool.putDomain(changed);
            return changed;
        });
        return UpdateUserPoolDomainResponse.builder().managedLoginVersion(updated.managedLoginVersion())
                .cloudFrontDomain(updated.isCustom() ? updated.cloudFrontDistribution() : null).build();
    }
}
