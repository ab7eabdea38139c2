package dev.cognitoemulator.hostedui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The hosted UI's pages as plain server-rendered HTML: a heading, one form, labelled fields, a message in an
 * {@code role="alert"} paragraph; no script (the forms post as they are). Every value written is escaped.
 */
public final class Html {

    private final StringBuilder body = new StringBuilder();
    private final String title;

    private Html(String title) {
        this.title = title;
    }

    static Html page(String title) {
        return new Html(title);
    }

    /** An error (Cognito's text) or a notice above the form. */
    Html message(String text, boolean error) {
        if (text != null) {
            body.append("<p ").append(error ? "role=\"alert\" class=\"error\" id=\"error\"" : "class=\"notice\""
                    + " id=\"notice\"").append('>').append(escape(text)).append("</p>\n");
        }
        return this;
    }

    Html paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A paragraph holding a value to copy (a TOTP secret). */
    Html code(String id, String label, String value) {
        body.append("<p>").append(escape(label)).append(" <code id=\"").append(id).append("\">").append(escape(value))
                .append("</code></p>\n");
        return this;
    }

    /** A form posting to {@code path} with {@code query}; its hidden fields first, the CSRF token among them. */
    Html form(String path, Map<String, String> query, String csrf, Map<String, String> hidden) {
        body.append("<form method=\"post\" action=\"").append(escape(url(path, query))).append("\">\n");
        body.append(hiddenField(HostedUi.CSRF_FIELD, csrf));
        hidden.forEach((name, value) -> {
            if (value != null) {
                body.append(hiddenField(name, value));
            }
        });
        return this;
    }

    /** A labelled input; {@code type} text, password, email, tel; {@code autocomplete} as the HTML spec names it. */
    Html field(String name, String label, String type, String autocomplete, boolean required) {
        String id = "field-" + name.replaceAll("[^A-Za-z0-9_-]", "_");
        body.append("<p><label for=\"").append(id).append("\">").append(escape(label)).append("</label><br>")
                .append("<input id=\"").append(id).append("\" name=\"").append(escape(name)).append("\" type=\"")
                .append(type).append("\" autocomplete=\"").append(autocomplete).append('"')
                .append(required ? " required" : "").append("></p>\n");
        return this;
    }

    /** A radio button of a choice ({@code name}); the first one is checked. */
    Html choice(String name, String value, String label, boolean checked) {
        String id = "choice-" + value;
        body.append("<p><input type=\"radio\" id=\"").append(id).append("\" name=\"").append(name)
                .append("\" value=\"").append(escape(value)).append('"').append(checked ? " checked" : "")
                .append("><label for=\"").append(id).append("\">").append(escape(label)).append("</label></p>\n");
        return this;
    }

    Html submit(String label) {
        body.append("<p><button type=\"submit\" name=\"submit\">").append(escape(label))
                .append("</button></p>\n</form>\n");
        return this;
    }

    Html link(String path, Map<String, String> query, String label) {
        body.append("<p><a href=\"").append(escape(url(path, query))).append("\">").append(escape(label))
                .append("</a></p>\n");
        return this;
    }

    String render(String lang) {
        return "<!DOCTYPE html>\n<html lang=\"" + escape(lang == null ? "en" : lang) + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:sans-serif;max-width:26em;margin:2em auto;padding:0 1em}"
                + "input{width:100%;padding:.4em;box-sizing:border-box}input[type=radio]{width:auto}"
                + ".error{color:#b00020}</style>\n</head>\n<body>\n<main>\n<h1>" + escape(title) + "</h1>\n"
                + body + "</main>\n</body>\n</html>\n";
    }

    static String url(String path, Map<String, String> query) {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String hiddenField(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">\n";
    }

    /** Text as HTML character data or a quoted attribute value: the five markup characters escaped. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
