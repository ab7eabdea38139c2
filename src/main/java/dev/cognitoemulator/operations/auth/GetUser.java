package dev.cognitoemulator.operations.auth;

import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.model.AttributeType;
import dev.cognitoemulator.model.GetUserRequest;
import dev.cognitoemulator.model.GetUserResponse;
import dev.cognitoemulator.operations.users.Users;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.ArrayList;
import java.util.List;

/** The signed-in user's username and attributes (developer-only ones excepted), by access token. */
public final class GetUser implements Operation<GetUserRequest, GetUserResponse> {

    @Override
    public GetUserResponse execute(GetUserRequest request, Call call) {
        return AccessTokens.read(call, request.accessToken(), (pool, user) -> {
            List<AttributeType> attributes = new ArrayList<>(user.attributes().size());
            user.attributes().forEach((name, value) -> {
                if (!name.startsWith(SchemaAttribute.DEVELOPER_PREFIX)) {
                    attributes.add(new AttributeType(name, value));
                }
            });
            return GetUserResponse.builder().username(user.username()).userAttributes(attributes)
                    .mfaOptions(Users.mfaOptions(user)).userMFASettingList(Users.mfaMethods(user))
                    .preferredMfaSetting(user.mfa().preferred()).build();
        });
    }
}
