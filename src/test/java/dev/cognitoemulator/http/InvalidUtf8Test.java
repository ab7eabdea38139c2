package dev.cognitoemulator.http;

import static dev.cognitoemulator.http.RawHttp.assertAwsError;
import static dev.cognitoemulator.http.RawHttp.assertAwsJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.testing.SdkSigner;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies that are not well-formed UTF-8, through the front door: a signed AdminCreateUser whose Username holds the
 * bytes is refused with 400 {@code SerializationException} and creates no user (the JSON parser alone would decode
 * them silently, e.g. an overlong {@code C0 AF} as {@code /}). Only 127.0.0.1 is contacted.
 */
class InvalidUtf8Test extends CognitoTestSupport {

    private static final HexFormat HEX = HexFormat.of();

    /** A signed AdminCreateUser whose Username is {@code username}, byte for byte. */
    private HttpResponse<String> adminCreateUser(String poolId, byte[] username) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"UserPoolId\":\"" + poolId + "\",\"Username\":\"").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(username);
        body.writeBytes("\",\"MessageAction\":\"SUPPRESS\"}".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();
        return RawHttp.sendSigned(SdkSigner.signRpc(emulator.endpoint(), "AdminCreateUser", bytes, "test", "test",
                "us-east-1", Instant.now()), HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private int users(String poolId) {
        return cognito.listUsers(b -> b.userPoolId(poolId)).users().size();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "61c0af62", // a C0 AF b: an overlong '/'
        "c080", // an overlong NUL
        "f4908080", // U+110000, above the last code point
        "80", // a lone continuation byte
        "61bf", // a continuation byte after ASCII
        "e282", // a three-byte sequence cut short (the euro sign without its last byte)
        "f09f98", // a four-byte sequence cut short
        "eda080", // a UTF-16 surrogate (U+D800)
        "f5808080", // a lead byte no sequence starts with
        "ff" // a byte UTF-8 never uses
    })
    void anIllFormedUsernameIsASerializationExceptionAndCreatesNoUser(String hex) {
        String poolId = cognito.createUserPool(b -> b.poolName("utf8-" + hex)).userPool().id();
        HttpResponse<String> response = adminCreateUser(poolId, HEX.parseHex(hex));
        assertThat(assertAwsError(response, 400, "SerializationException"))
                .startsWith("The request body is not well-formed UTF-8");
        assertThat(users(poolId)).isZero();
    }

    @Test
    void theSameBytesWellFormedCreateTheUser() {
        String poolId = cognito.createUserPool(b -> b.poolName("utf8-good")).userPool().id();
        // "jürgen€😀": two-, three- and four-byte sequences.
        byte[] username = "j\u00fcrgen\u20ac\ud83d\ude00".getBytes(StandardCharsets.UTF_8);
        assertAwsJson(adminCreateUser(poolId, username), 200);
        assertThat(cognito.listUsers(b -> b.userPoolId(poolId)).users()).singleElement()
                .satisfies(u -> assertThat(u.username()).isEqualTo("j\u00fcrgen\u20ac\ud83d\ude00"));
    }

    @Test
    void anOverlongSlashIsNotDecodedIntoTheSlashItImitates() {
        String poolId = cognito.createUserPool(b -> b.poolName("utf8-slash")).userPool().id();
        assertAwsError(adminCreateUser(poolId, HEX.parseHex("61c0af62")), 400, "SerializationException");
        awsError("UserNotFoundException", () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("a/b")));
        assertAwsJson(adminCreateUser(poolId, "a/b".getBytes(StandardCharsets.UTF_8)), 200);
    }
}
