package dev.cognitoemulator.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Writes raw HTTP requests, each signed with SigV4 by the AWS SDK's own signer (key {@code test:test}, now),
 * for wrk to replay: {@code java -cp bench.jar dev.cognitoemulator.bench.SignRequests HOST:PORT POOL USERS
 * WORKLOAD FILE}. A signature stays valid for 15 minutes, so requests are signed just before each run.
 */
public final class SignRequests {

    static final String SEPARATOR = "\n----REQ----\n";
    private static final String TARGET = "AWSCognitoIdentityProviderService.";

    private SignRequests() {
    }

    public static void main(String[] args) throws IOException {
        String hostPort = args[0];
        String pool = args[1];
        int users = Math.max(1, Integer.parseInt(args[2]));
        String workload = args[3];
        List<String[]> calls = new ArrayList<>();
        int distinct = Math.min(users, 1000);
        switch (workload) {
            case "get" -> {
                for (int i = 0; i < distinct; i++) {
                    calls.add(get(pool, spread(i, users)));
                }
            }
            case "delete" -> {
                calls.add(update(pool, 1));
                calls.add(delete(pool, 1));
            }
            case "mix" -> {
                for (int i = 0; i < distinct; i++) {
                    int user = spread(i, users);
                    calls.add(get(pool, user));
                    calls.add(update(pool, user));
                    calls.add(delete(pool, user));
                }
            }
            case "listusers" -> {
                for (int i = 0; i < distinct; i++) {
                    calls.add(new String[] {"ListUsers", "{\"UserPoolId\":\"" + pool
                            + "\",\"Filter\":\"email = \\\"user-" + spread(i, users) + "@example.com\\\"\"}"});
                }
            }
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        }
        AwsV4HttpSigner signer = AwsV4HttpSigner.create();
        AwsCredentialsIdentity credentials = AwsCredentialsIdentity.create("test", "test");
        try (OutputStream out = Files.newOutputStream(Path.of(args[4]))) {
            for (String[] call : calls) {
                out.write(raw(signer, credentials, hostPort, call[0], call[1]));
                out.write(SEPARATOR.getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** Users spread over the whole pool, so large pools are read all over, not only at their start. */
    private static int spread(int i, int users) {
        return (int) ((long) i * 7919 % users);
    }

    private static String[] get(String pool, int user) {
        return new String[] {"AdminGetUser", "{\"UserPoolId\":\"" + pool + "\",\"Username\":\"user-" + user + "\"}"};
    }

    private static String[] update(String pool, int user) {
        return new String[] {"AdminUpdateUserAttributes", "{\"UserPoolId\":\"" + pool + "\",\"Username\":\"user-"
                + user + "\",\"UserAttributes\":[{\"Name\":\"nickname\",\"Value\":\"bench\"}]}"};
    }

    private static String[] delete(String pool, int user) {
        return new String[] {"AdminDeleteUserAttributes", "{\"UserPoolId\":\"" + pool + "\",\"Username\":\"user-"
                + user + "\",\"UserAttributeNames\":[\"nickname\"]}"};
    }

    private static byte[] raw(AwsV4HttpSigner signer, AwsCredentialsIdentity credentials, String hostPort,
            String operation, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("http://" + hostPort + "/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET + operation)
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials).request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
        if (signed.request().firstMatchingHeader("Host").isEmpty()) {
            head.append("Host: ").append(hostPort).append("\r\n");
        }
        signed.request().forEachHeader((name, values) -> head.append(name).append(": ")
                .append(String.join(",", values)).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(body);
        return out.toByteArray();
    }
}
