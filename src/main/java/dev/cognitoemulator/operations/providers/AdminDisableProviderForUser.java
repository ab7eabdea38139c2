package dev.cognitoemulator.operations.providers;

import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.domain.NotFound;
import dev.cognitoemulator.domain.ProviderLink;
import dev.cognitoemulator.domain.ProviderRules;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AdminDisableProviderForUserRequest;
import dev.cognitoemulator.model.AdminDisableProviderForUserResponse;
import dev.cognitoemulator.model.ProviderUserIdentifierType;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.List;

/**
 * Removes the link of an external provider's identity to a user of the pool (AdminLinkProviderForUser's), by the
 * provider and the linked value, with the linked attribute's name or {@code Cognito_Subject}; the user's
 * {@code identities} lose it. Deactivating a local user ({@code ProviderName} {@code Cognito}) is not supported.
 */
public final class AdminDisableProviderForUser
        implements Operation<AdminDisableProviderForUserRequest, AdminDisableProviderForUserResponse> {

    static final String COGNITO_SUBJECT = "Cognito_Subject";

    @Override
    public AdminDisableProviderForUserResponse execute(AdminDisableProviderForUserRequest request, Call call) {
        ProviderUserIdentifierType identity = request.user();
        if (ProviderRules.COGNITO.equals(identity.providerName())) {
            throw new CognitoException(ErrorCode.NotImplementedException,
                    "The emulator does not deactivate local users (ProviderName Cognito).");
        }
        if (identity.providerName() == null || identity.providerAttributeValue() == null) {
            // Unconfirmed text.
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "User needs ProviderName and ProviderAttributeValue");
        }
        call.write(request.userPoolId(), pool -> {
            IdentityProvider provider = Links.requireProvider(pool, identity.providerName());
            ProviderLink link = pool.providerLink(provider.name(), identity.providerAttributeValue());
            if (link == null || !(COGNITO_SUBJECT.equals(identity.providerAttributeName())
                    || link.attributeName().equals(identity.providerAttributeName()))) {
                // Unconfirmed: AWS's answer for an identity that is not linked is not public.
                throw NotFound.user();
            }
            User user = pool.bySub(link.sub());
            List<ProviderLink> kept = pool.providerLinks(user.sub()).stream().filter(l -> l != link).toList();
            pool.removeProviderLink(link.providerName(), link.attributeValue());
            pool.put(Links.withIdentities(user, kept, call.now()));
            return null;
        });
        return new AdminDisableProviderForUserResponse();
    }
}
