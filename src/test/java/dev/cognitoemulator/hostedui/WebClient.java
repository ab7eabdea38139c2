package dev.cognitoemulator.hostedui;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part of the hosted UI in plain HTTP (JDK HttpClient): a cookie jar, redirects not followed (each one
 * asserted), the last page's form read back (its action and hidden fields, the CSRF token among them).
 */
public final class WebClient {

    public record Page(int status, Map<String, List<String>> headers, String body) {

        public String location() {
            return header("location");
        }

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public List<String> setCookies() {
            return headers.getOrDefault("set-cookie", List.of());
        }

        /** The form's action (path and query), HTML-unescaped. */
        public String formAction() {
            Matcher m = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\">").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no form in\n" + body);
            }
            return unescape(m.group(1));
        }

        public Map<String, String> hidden() {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">").matcher(body);
            while (m.find()) {
                fields.put(unescape(m.group(1)), unescape(m.group(2)));
            }
            return fields;
        }

        /** The text of the {@code role="alert"} paragraph, or null. */
        public String error() {
            Matcher m = Pattern.compile("<p role=\"alert\" class=\"error\" id=\"error\">([^<]*)</p>").matcher(body);
            return m.find() ? unescape(m.group(1)) : null;
        }

        public String notice() {
            Matcher m = Pattern.compile("<p class=\"notice\" id=\"notice\">([^<]*)</p>").matcher(body);
            return m.find() ? unescape(m.group(1)) : null;
        }

        public String code(String id) {
            Matcher m = Pattern.compile("<code id=\"" + id + "\">([^<]*)</code>").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no code " + id + " in\n" + body);
            }
            return unescape(m.group(1));
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, String> cookies = new LinkedHashMap<>();

    public WebClient(URI base) {
        this.base = base;
    }

    public Page get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(resolve(pathAndQuery)).GET());
    }

    /** Posts the last page's form: its hidden fields and {@code fields}. */
    public Page submit(Page page, String... fields) {
        Map<String, String> form = new LinkedHashMap<>(page.hidden());
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return post(page.formAction(), form);
    }

    public Page post(String pathAndQuery, Map<String, String> form) {
        return send(HttpRequest.newBuilder(resolve(pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    private URI resolve(String pathAndQuery) {
        return pathAndQuery.startsWith("http") ? URI.create(pathAndQuery) : base.resolve(pathAndQuery);
    }

    private Page send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Page page = new Page(r.statusCode(), r.headers().map(), r.body());
            for (String set : page.setCookies()) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq);
                String value = pair.substring(eq + 1);
                if (set.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return page;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** The parameters of a URL's query, or of its fragment when {@code fragment}. */
    public static Map<String, String> parameters(String url, boolean fragment) {
        int at = url.indexOf(fragment ? '#' : '?');
        Map<String, String> values = new LinkedHashMap<>();
        if (at < 0) {
            return values;
        }
        String part = url.substring(at + 1);
        if (!fragment && part.contains("#")) {
            part = part.substring(0, part.indexOf('#'));
        }
        for (String pair : part.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
