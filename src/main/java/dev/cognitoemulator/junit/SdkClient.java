package dev.cognitoemulator.junit;

import dev.cognitoemulator.CognitoEmulator;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;

/** The injected client; this class alone uses the AWS SDK, loaded only when a test asks for a client. */
final class SdkClient {

    private SdkClient() {
    }

    /**
     * Pointed at the emulator, in its region, signed with the first access key of its credentials ({@code test:test}
     * when it has none: in lenient and off modes any key passes).
     */
    static Object create(CognitoEmulator emulator, Consumer<CognitoIdentityProviderClientBuilder> customizer) {
        Map.Entry<String, String> key = emulator.config().credentials().entrySet().stream().findFirst()
                .orElse(Map.entry("test", "test"));
        CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.config().region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.getKey(), key.getValue())));
        if (customizer != null) {
            customizer.accept(builder);
        }
        return builder.build();
    }

    static void close(Object client) {
        ((CognitoIdentityProviderClient) client).close();
    }
}
