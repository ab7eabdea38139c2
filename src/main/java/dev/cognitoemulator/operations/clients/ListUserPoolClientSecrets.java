package dev.cognitoemulator.operations.clients;

import dev.cognitoemulator.model.ClientSecretDescriptorType;
import dev.cognitoemulator.model.ListUserPoolClientSecretsRequest;
import dev.cognitoemulator.model.ListUserPoolClientSecretsResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.List;

/**
 * The client's secrets, oldest first: ids and creation dates, never the values, and no {@code NextToken} (there are
 * at most two: documented, API reference, ListUserPoolClientSecrets). A public client has none.
 */
public final class ListUserPoolClientSecrets
        implements Operation<ListUserPoolClientSecretsRequest, ListUserPoolClientSecretsResponse> {

    @Override
    public ListUserPoolClientSecretsResponse execute(ListUserPoolClientSecretsRequest request, Call call) {
        List<ClientSecretDescriptorType> secrets = call.read(request.userPoolId(), pool -> pool
                .requireClient(request.clientId()).secrets().stream()
                .map(s -> ClientSecretDescriptorType.builder().clientSecretId(s.id())
                        .clientSecretCreateDate(s.createDate()).build())
                .toList());
        return ListUserPoolClientSecretsResponse.builder().clientSecrets(secrets).build();
    }
}
