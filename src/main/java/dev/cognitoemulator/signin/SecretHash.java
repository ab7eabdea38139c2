package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.ClientSecret;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code SECRET_HASH} = Base64(HMAC-SHA256(client secret, username + client id)): required when the client has a
 * secret, refused when it has none (captured texts: cognito-errors.md section 8); made with any of its secrets.
 */
public final class SecretHash {

    private SecretHash() {
    }

    public static void check(AppClient client, String hash, String username) {
        if (!client.hasSecret()) {
            if (hash != null) {
                throw new CognitoException(ErrorCode.InvalidParameterException, "App client " + client.clientId()
                        + " is not configured for secret but secret hash was received");
            }
            return;
        }
        if (hash == null) {
            throw SignIn.notAuthorized("Client " + client.clientId()
                    + " is configured with secret but SECRET_HASH was not received");
        }
        if (!matches(client, hash, username)) {
            throw SignIn.notAuthorized("Unable to verify secret hash for client " + client.clientId());
        }
    }

    /**
     * The hash a caller that holds the client's secret sends (its newest secret), as the hosted UI does for its
     * own pages; null for a client without a secret, which must send none.
     */
    public static String of(AppClient client, String username) {
        if (!client.hasSecret()) {
            return null;
        }
        return Base64.getEncoder().encodeToString(hmac(client.secrets().get(client.secrets().size() - 1).value(),
                client.clientId(), username));
    }

    /** Whether the hash is made with any of the client's secrets (each one works while it exists). */
    static boolean matches(AppClient client, String hash, String username) {
        boolean matched = false;
        for (ClientSecret secret : client.secrets()) {
            matched |= matches(secret.value(), client.clientId(), hash, username);
        }
        return matched;
    }

    private static boolean matches(String secret, String clientId, String hash, String username) {
        return MessageDigest.isEqual(Base64.getEncoder().encode(hmac(secret, clientId, username)),
                hash.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(String secret, String clientId, String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal((username + clientId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
