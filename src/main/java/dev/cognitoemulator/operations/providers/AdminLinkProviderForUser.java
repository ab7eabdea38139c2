package dev.cognitoemulator.operations.providers;

import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.domain.ProviderLink;
import dev.cognitoemulator.domain.ProviderRules;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AdminLinkProviderForUserRequest;
import dev.cognitoemulator.model.AdminLinkProviderForUserResponse;
import dev.cognitoemulator.model.ProviderUserIdentifierType;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * Links an identity of an external provider (the SourceUser, who has not signed in yet) to a user of the pool (the
 * DestinationUser: a Cognito user by username, or a federated user by provider and id), at most five identities a
 * user. The link is kept for federated sign-in and shown in the user's {@code identities}.
 */
public final class AdminLinkProviderForUser
        implements Operation<AdminLinkProviderForUserRequest, AdminLinkProviderForUserResponse> {

    /** "The maximum number of federated identities linked to a user is five." (API reference) */
    static final int MAX_LINKS = 5;

    @Override
    public AdminLinkProviderForUserResponse execute(AdminLinkProviderForUserRequest request, Call call) {
        ProviderUserIdentifierType source = request.sourceUser();
        ProviderUserIdentifierType destination = request.destinationUser();
        if (ProviderRules.COGNITO.equals(source.providerName())) {
            // Captured: boto/boto3#4163.
            throw invalid("Invalid SourceUser: Cognito users with a username/password may not be passed in as a"
                    + " SourceUser, only as a DestinationUser");
        }
        if (source.providerName() == null || source.providerAttributeValue() == null
                || source.providerAttributeName() == null) {
            // Unconfirmed text.
            throw invalid("SourceUser needs ProviderName, ProviderAttributeName and ProviderAttributeValue");
        }
        if (destination.providerName() == null || destination.providerAttributeValue() == null) {
            // Unconfirmed text.
            throw invalid("DestinationUser needs ProviderName and ProviderAttributeValue");
        }
        call.write(request.userPoolId(), pool -> {
            IdentityProvider provider = Links.requireProvider(pool, source.providerName());
            // The ProviderAttributeName of the DestinationUser is ignored (API reference).
            User user = pool.requireUser(ProviderRules.COGNITO.equals(destination.providerName())
                    ? destination.providerAttributeValue()
                    : destination.providerName() + "_" + destination.providerAttributeValue());
            if (UserLookup.findOrNull(pool, provider.name() + "_" + source.providerAttributeValue()) != null) {
                // Captured: aws/aws-sdk-net#1000 (the code unconfirmed).
                throw invalid("Merging is not currently supported, provide a SourceUser that has not been signed up"
                        + " in order to link");
            }
            ProviderLink existing = pool.providerLink(provider.name(), source.providerAttributeValue());
            if (existing != null) {
                if (existing.sub().equals(user.sub())) {
                    return null;
                }
                // Unconfirmed: AWS's text is not public.
                throw new CognitoException(ErrorCode.AliasExistsException,
                        "The SourceUser is already linked to another user.");
            }
            List<ProviderLink> links = new ArrayList<>(pool.providerLinks(user.sub()));
            if (links.size() >= MAX_LINKS) {
                // Unconfirmed text; the limit is documented.
                throw new CognitoException(ErrorCode.LimitExceededException,
                        "A user can be linked to at most " + MAX_LINKS + " identities.");
            }
            ProviderLink link = new ProviderLink(provider.name(), provider.type(), source.providerAttributeName(),
                    source.providerAttributeValue(), user.sub(), call.now());
            links.add(link);
            pool.putProviderLink(link);
            pool.put(Links.withIdentities(user, links, call.now()));
            return null;
        });
        return new AdminLinkProviderForUserResponse();
    }

    private static CognitoException invalid(String message) {
        return new CognitoException(ErrorCode.InvalidParameterException, message);
    }
}
