package dev.cognitoemulator.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A redirect URI with parameters added to its query (or, for the implicit grant, put in its fragment). */
final class Redirects {

    private Redirects() {
    }

    static Builder to(String uri, boolean fragment) {
        return new Builder(uri, fragment);
    }

    static final class Builder {
        private final StringBuilder sb;

        private Builder(String uri, boolean fragment) {
            sb = new StringBuilder(uri);
            sb.append(fragment ? '#' : uri.indexOf('?') >= 0 ? '&' : '?');
        }

        Builder add(String name, String value) {
            char last = sb.charAt(sb.length() - 1);
            if (last != '#' && last != '?' && last != '&') {
                sb.append('&');
            }
            sb.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            return this;
        }

        String build() {
            return sb.toString();
        }
    }
}
