package dev.cognitoemulator.testing;

import dev.cognitoemulator.auth.HttpRequestView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link HttpRequestView} built by hand: method, raw path, raw query and headers (names case-insensitive,
 * repeated values joined with {@code ,} as the server's view does).
 */
public final class FakeRequest implements HttpRequestView {

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();

    private FakeRequest(String method, String rawPath, String rawQuery) {
        this.method = method;
        this.rawPath = rawPath;
        this.rawQuery = rawQuery;
    }

    public static FakeRequest of(String method, String rawPath, String rawQuery) {
        return new FakeRequest(method, rawPath, rawQuery);
    }

    public static FakeRequest post() {
        return new FakeRequest("POST", "/", "");
    }

    /** Adds one value of a header (call twice for a repeated header). */
    public FakeRequest header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        return this;
    }

    public FakeRequest withoutHeader(String name) {
        headers.remove(name.toLowerCase(Locale.ROOT));
        return this;
    }

    /** A copy with the header's values replaced by {@code value}. */
    public FakeRequest replacing(String name, String value) {
        FakeRequest copy = new FakeRequest(method, rawPath, rawQuery);
        headers.forEach((k, v) -> copy.headers.put(k, new ArrayList<>(v)));
        copy.headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(List.of(value)));
        return copy;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String rawQuery() {
        return rawQuery;
    }

    @Override
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }
}
