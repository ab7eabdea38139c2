package dev.cognitoemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cognitoemulator.testing.ModelCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * The shared fixture of integration tests: one emulator per test class on a free port, and the real AWS SDK
 * v2 client pointed at it (credentials {@code test:test}, signature checked), every answer it receives checked
 * against the service model ({@link ModelCheck}). Each test makes its own pool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CognitoTestSupport {

    protected CognitoEmulator emulator;
    protected CognitoIdentityProviderClient cognito;

    @BeforeAll
    void startEmulator() {
        emulator = configure(CognitoEmulator.builder().port(0)).build().start();
        cognito = client("test", "test");
    }

    @AfterAll
    void stopEmulator() {
        if (cognito != null) {
            cognito.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** Override to change the emulator's settings for a test class. */
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder;
    }

    protected CognitoIdentityProviderClient client(String accessKey, String secret) {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ModelCheck()))
                .build();
    }

    /** Runs the call, expects it to fail with this AWS error code, and returns the exception for more checks. */
    protected static CognitoIdentityProviderException awsError(String code, Executable call) {
        CognitoIdentityProviderException e = catchThrowableOfType(CognitoIdentityProviderException.class,
                call::execute);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(400);
        return e;
    }

    /** The error's message, as the SDK received it. */
    protected static String message(CognitoIdentityProviderException e) {
        return e.awsErrorDetails().errorMessage();
    }
}
