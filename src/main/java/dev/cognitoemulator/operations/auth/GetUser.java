package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.operations.users.AttributeType;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.protocol.RequestContext;
import java.util.ArrayList;
import java.util.List;

/** The signed-in user's username and attributes (developer-only ones excepted), by access token. */
public final class GetUser implements Operation<GetUser.GetUserRequest> {

    private final AccessTokens accessTokens;

    GetUser(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    public record GetUserRequest(String accessToken) {
    }

    public record GetUserResponse(String username, List<AttributeType> userAttributes) {
    }

    @Override
    public Class<GetUserRequest> requestType() {
        return GetUserRequest.class;
    }

    @Override
    public Object execute(GetUserRequest request, RequestContext context) {
        return accessTokens.read(request.accessToken(), (pool, user) -> {
            List<AttributeType> attributes = new ArrayList<>(user.attributes().size());
            user.attributes().forEach((name, value) -> {
                if (!name.startsWith(SchemaAttribute.DEVELOPER_PREFIX)) {
                    attributes.add(new AttributeType(name, value));
                }
            });
            return new GetUserResponse(user.username(), attributes);
        });
    }
}
