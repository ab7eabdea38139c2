package dev.cognitoemulator.operations.clients;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.ClientSecret;
import dev.cognitoemulator.domain.Ids;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AddUserPoolClientSecretRequest;
import dev.cognitoemulator.model.AddUserPoolClientSecretResponse;
import dev.cognitoemulator.model.ClientSecretDescriptorType;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a confidential client another secret (the given {@code ClientSecret} or a generated one), at most two at
 * once; every secret works wherever the client's secret is checked. The value is answered only when Cognito made it
 * (documented: API reference, ClientSecretDescriptorType).
 */
public final class AddUserPoolClientSecret
        implements Operation<AddUserPoolClientSecretRequest, AddUserPoolClientSecretResponse> {

    @Override
    public AddUserPoolClientSecretResponse execute(AddUserPoolClientSecretRequest request, Call call) {
        String value = request.clientSecret() != null ? request.clientSecret() : Ids.clientSecret(call.random());
        ClientSecret added = call.write(request.userPoolId(), pool -> {
            AppClient client = pool.requireClient(request.clientId());
            if (client.secrets().isEmpty()) {
                // Unconfirmed: documented for "an existing confidential app client"; no capture of the refusal.
                throw new CognitoException(ErrorCode.InvalidParameterException,
                        "App client " + client.clientId() + " is not configured for secret.");
            }
            if (client.secrets().size() >= ClientSecret.MAX_PER_CLIENT) {
                // Unconfirmed: no capture of AWS's text at the limit.
                throw new CognitoException(ErrorCode.LimitExceededException, "App client " + client.clientId()
                        + " already has " + ClientSecret.MAX_PER_CLIENT + " client secrets.");
            }
            ClientSecret secret = ClientSecret.of(client.clientId(), value, after(client, call.now()));
            List<ClientSecret> secrets = new ArrayList<>(client.secrets());
            secrets.add(secret);
            pool.putClient(client.withSecrets(secrets, call.now()));
            return secret;
        });
        return new AddUserPoolClientSecretResponse(ClientSecretDescriptorType.builder().clientSecretId(added.id())
                .clientSecretValue(request.clientSecret() == null ? added.value() : null)
                .clientSecretCreateDate(added.createDate()).build());
    }

    /** Ids carry the creation time: a secret made in the same millisecond as the last is dated one later. */
    private static Instant after(AppClient client, Instant now) {
        Instant last = client.secrets().get(client.secrets().size() - 1).createDate();
        return now.toEpochMilli() > last.toEpochMilli() ? now : last.plusMillis(1);
    }
}
