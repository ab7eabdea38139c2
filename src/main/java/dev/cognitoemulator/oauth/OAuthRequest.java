package dev.cognitoemulator.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an OAuth endpoint reads of a request: its form parameters and its {@code Authorization} header.
 *
 * @param authorization the header as sent, or null
 */
public record OAuthRequest(Map<String, String> form, String authorization) {

    public OAuthRequest {
        form = Collections.unmodifiableMap(new LinkedHashMap<>(form));
    }

    /**
     * A form body ({@code application/x-www-form-urlencoded}, the only content type Cognito's token and revoke
     * endpoints take: documented, developer guide, token endpoint and revoke endpoint). A parameter sent twice is
     * refused, as RFC 6749 section 3.2 asks ({@code invalid_request}; unconfirmed for Cognito).
     */
    public static OAuthRequest form(String contentType, byte[] body, String authorization) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim()
                .equals("application/x-www-form-urlencoded")) {
            throw OAuthError.of(400, "invalid_request");
        }
        Map<String, String> form = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw OAuthError.of(400, "invalid_request");
            }
            if (form.putIfAbsent(name, value) != null) {
                throw OAuthError.of(400, "invalid_request");
            }
        }
        return new OAuthRequest(form, authorization);
    }

    /** A parameter, null when absent or empty (RFC 6749 section 3.1: empty values are treated as omitted). */
    public String parameter(String name) {
        String value = form.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
