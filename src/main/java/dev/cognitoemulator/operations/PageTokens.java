package dev.cognitoemulator.operations;

import dev.cognitoemulator.protocol.CognitoException;
import dev.cognitoemulator.protocol.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Pagination tokens: opaque to clients, the key of the last item returned (pages continue after it, so a
 * listing is stable while items are added or removed).
 */
public final class PageTokens {

    private static final String PREFIX = "v1:";

    private PageTokens() {
    }

    public static String encode(String lastKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The key to continue after; null for no token. */
    public static String decode(String token, String member) {
        if (token == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return decoded.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new CognitoException(ErrorCode.InvalidParameterException, "Invalid " + member + ".");
    }
}
