package dev.cognitoemulator.bench;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The pool of the sign-up workload (bench/lua/signup.lua), made through the AWS SDK for Java v2 like any pool: it
 * auto-verifies email, so each SignUp makes a code, and has a public app client. Prints
 * {@code READY pool=... client=...}. {@code java -cp bench.jar dev.cognitoemulator.bench.SignUpPool ENDPOINT}
 */
public final class SignUpPool {

    private SignUpPool() {
    }

    public static void main(String[] args) {
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(args[0]))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String pool = cognito.createUserPool(r -> r.poolName("sign-up")
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
            String client = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("app"))
                    .userPoolClient().clientId();
            System.out.printf("READY pool=%s client=%s%n", pool, client);
        }
    }
}
