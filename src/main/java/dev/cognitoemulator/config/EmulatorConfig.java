package dev.cognitoemulator.config;

import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.store.Durability;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every setting of the emulator, once: its flag, its environment variable, its default. Flags win over
 * the environment, the environment over defaults.
 */
public record EmulatorConfig(String host, int port, String region, String accountId, AuthMode authMode,
        Map<String, String> credentials, int maxBodyBytes, String logLevel, String issuerBase,
        List<String> corsAllowedOrigins, int idleTimeoutMs, int requestParseTimeoutMs, int noRequestTimeoutMs,
        int readTimeoutMs, int maxConnections, boolean controlApi, int inboxSize, String fixedCode, String smtpUrl,
        OptionalInt httpsPort, String tlsCert, String tlsKey, boolean enforceQuotas, String lambdaEndpoint,
        Map<String, String> lambdaUrls, int lambdaTimeoutMs, String dataDir,
        Durability durability, String seed) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ISSUER = Pattern.compile("https?://[^\\s/]+(/[^\\s]*)?");
    /** A serialized origin: scheme://host[:port], no path (capacitor://localhost and the like too), or "null". */
    private static final Pattern ORIGIN = Pattern.compile("[a-z][a-z0-9+.-]*://[^\\s/?#,]+|null");
    private static final Pattern CODE = Pattern.compile("\\S{1,2048}");
    private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s/?#]+(/[^\\s]*)?");
    private static final Pattern SMTP = Pattern.compile("smtps?://([^\\s@/]+@)?[^\\s@/:]+(:\\d{1,5})?/?");

    /** The settings as a user sees them; {@code flag()} is {@code --name}, {@code env()} COGNITO_EMULATOR_NAME. */
    public enum Setting {
        HOST("host", "127.0.0.1", "Address to listen on (0.0.0.0 for every interface)."),
        PORT("port", "9229", "Port to listen on; 0 picks a free port (the chosen one is logged)."),
        REGION("region", "us-east-1", "Region of unsigned requests (signed ones use their credential scope)."),
        ACCOUNT_ID("account-id", "000000000000", "Account id put in ARNs."),
        AUTH_MODE("auth-mode", "lenient", "SigV4 checks: strict (configured keys only), lenient "
                + "(configured keys verified, unknown keys accepted), off."),
        CREDENTIALS("credentials", "test:test", "Access keys as KEY:SECRET pairs, comma-separated."),
        MAX_BODY_BYTES("max-body-bytes", "1048576", "Largest request body accepted (413 above)."),
        LOG_LEVEL("log-level", "info", "Log level: error, warn, info, debug or trace."),
        ISSUER_BASE("issuer-base", "", "Base of the tokens' issuer (iss = BASE/<pool id>), e.g. "
                + "https://cognito-idp.us-east-1.amazonaws.com; empty: http://localhost:<the port the server "
                + "listens on>."),
        CORS_ALLOWED_ORIGINS("cors-allowed-origins", "*", "Origins of the browser pages that may call the emulator "
                + "(CORS): * for any, or origins such as http://localhost:3000 separated by commas; empty for none."),
        IDLE_TIMEOUT_MS("idle-timeout-ms", "60000", "A connection on which nothing moves for this many "
                + "milliseconds while the server waits to read from it or write to it is closed; 0 never."),
        REQUEST_PARSE_TIMEOUT_MS("request-parse-timeout-ms", "10000", "Milliseconds a client has to send a "
                + "request's line and headers once it has begun; 0 no limit."),
        NO_REQUEST_TIMEOUT_MS("no-request-timeout-ms", "60000", "A kept-alive connection that starts no new "
                + "request for this many milliseconds is closed; 0 never."),
        READ_TIMEOUT_MS("read-timeout-ms", "60000", "A connection the server waits to read from (the next "
                + "request, a body) that sends nothing for this many milliseconds is closed; 0 never (the idle "
                + "timeout still applies)."),
        MAX_CONNECTIONS("max-connections", "4096", "Connections served at once; further clients wait to be "
                + "accepted until one closes. Lowered to 128 below the process's open-files limit when that is "
                + "lower (logged)."),
        CONTROL_API("control-api", "on", "The emulator's own endpoints under /_emulator/ (the messages inbox): on, "
                + "or off (403)."),
        INBOX_SIZE("inbox-size", "1000", "Messages the inbox keeps (the oldest go first)."),
        FIXED_CODE("fixed-code", "", "Every code the emulator sends (sign-up, recovery, verification) is this one; "
                + "empty: six random digits."),
        SMTP_URL("smtp-url", "", "Also send each e-mail to this SMTP server: smtp://host:port, or "
                + "smtps://user:password@host:port; empty: none."),
        HTTPS_PORT("https-port", "", "Also serve everything over HTTPS (TLS 1.2 and 1.3) on this port, beside the "
                + "plain listener; 0 picks a free port (logged); empty: no HTTPS."),
        TLS_CERT("tls-cert", "", "PEM file of the HTTPS listener's certificate chain (the server's certificate "
                + "first); empty: a self-signed certificate for localhost and 127.0.0.1, made at start and written "
                + "to a PEM file whose path is logged."),
        TLS_KEY("tls-key", "", "PEM file of the private key of --tls-cert (PKCS#8 or PKCS#1, not encrypted); "
                + "given with --tls-cert only."),
        ENFORCE_QUOTAS("enforce-quotas", "off", "Cognito's API request rates per region and category (or the "
                + "limits UpdateProvisionedLimit sets): on answers TooManyRequestsException above them, off never."),
        LAMBDA_ENDPOINT("lambda-endpoint", "", "Call the pools' Lambda triggers through the Lambda Invoke API at this "
                + "URL (POST URL/2015-03-31/functions/<function name>/invocations, SigV4-signed for service lambda "
                + "with the first key pair of --credentials), e.g. http://127.0.0.1:3001 of sam local start-lambda; "
                + "empty: none."),
        LAMBDA_URL("lambda-url", "", "Call one function by POSTing the event to a plain URL: NAME_OR_ARN=URL; "
                + "repeat the flag for more (the environment variable takes them separated by commas). Wins over "
                + "--lambda-endpoint for that function."),
        LAMBDA_TIMEOUT_MS("lambda-timeout-ms", "5000", "Milliseconds a trigger has to answer (Cognito waits 5 s) "
                + "before the operation fails with UnexpectedLambdaException."),
        DATA_DIR("data-dir", "", "Keep the state in this directory (made when missing; SQLite, see Persistence) and "
                + "load it at start; empty: memory only, lost at exit."),
        DURABILITY("durability", "normal", "With --data-dir: normal (a write survives the process being killed) or "
                + "full (an fsync per commit: it also survives a power loss)."),
        SEED("seed", "", "JSON file of user pools (with clients, groups, users, ...) to create at start, those whose "
                + "Id does not exist yet (README, Seed format); a refused entry stops the start (exit code 2); "
                + "empty: none.");

        private final String name;
        private final String defaultValue;
        private final String description;

        Setting(String name, String defaultValue, String description) {
            this.name = name;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        public String flag() {
            return "--" + name;
        }

        public String env() {
            return "COGNITO_EMULATOR_" + name();
        }

        public String defaultValue() {
            return defaultValue;
        }

        public String description() {
            return description;
        }
    }

    public EmulatorConfig {
        corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
        // In the order given: Lambda calls are signed with the first key pair.
        credentials = Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
        lambdaUrls = Collections.unmodifiableMap(new LinkedHashMap<>(lambdaUrls));
    }

    public static EmulatorConfig defaults() {
        return parse(new String[0], Map.of());
    }

    /** Reads flags ({@code --port 9229} or {@code --port=9229}) over environment variables over defaults. */
    public static EmulatorConfig parse(String[] args, Map<String, String> env) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, String> sources = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            values.put(s, env.getOrDefault(s.env(), s.defaultValue()));
            sources.put(s, env.containsKey(s.env()) ? s.env() : s.flag());
        }
        Set<Setting> given = EnumSet.noneOf(Setting.class);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            Setting setting = bySetting(name);
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new ConfigException(name + " needs a value");
                }
                value = args[++i];
            }
            // --lambda-url repeats: each one adds a function (flags still replace the environment's value).
            boolean more = setting == Setting.LAMBDA_URL && !given.add(setting);
            values.put(setting, more ? values.get(setting) + "," + value : value);
            sources.put(setting, setting.flag());
        }
        return of(values, sources);
    }

    /** @param sources where each value came from (its flag or its environment variable), for the error message */
    private static EmulatorConfig of(Map<Setting, String> values, Map<Setting, String> sources) {
        Values v = new Values(values, sources);
        return new EmulatorConfig(
                values.get(Setting.HOST),
                v.integer(Setting.PORT, 0, 65535),
                v.matching(Setting.REGION, REGION, "a region such as us-east-1"),
                v.matching(Setting.ACCOUNT_ID, ACCOUNT, "12 digits"),
                v.authMode(),
                v.credentials(),
                v.integer(Setting.MAX_BODY_BYTES, 1024, Integer.MAX_VALUE),
                v.logLevel(),
                v.issuerBase(),
                v.corsAllowedOrigins(),
                v.integer(Setting.IDLE_TIMEOUT_MS, 0, Integer.MAX_VALUE),
                v.integer(Setting.REQUEST_PARSE_TIMEOUT_MS, 0, Integer.MAX_VALUE),
                v.integer(Setting.NO_REQUEST_TIMEOUT_MS, 0, Integer.MAX_VALUE),
                v.integer(Setting.READ_TIMEOUT_MS, 0, Integer.MAX_VALUE),
                v.integer(Setting.MAX_CONNECTIONS, 1, Integer.MAX_VALUE),
                v.onOff(Setting.CONTROL_API),
                v.integer(Setting.INBOX_SIZE, 1, 1_000_000),
                v.optional(Setting.FIXED_CODE, CODE, "a code without spaces"),
                v.optional(Setting.SMTP_URL, SMTP, "an smtp:// or smtps:// URL such as smtp://localhost:1025"),
                v.httpsPort(),
                v.tlsFile(Setting.TLS_CERT, Setting.TLS_KEY),
                v.tlsFile(Setting.TLS_KEY, Setting.TLS_CERT),
                v.onOff(Setting.ENFORCE_QUOTAS),
                v.optional(Setting.LAMBDA_ENDPOINT, HTTP_URL, "an http(s) URL such as http://127.0.0.1:3001"),
                v.lambdaUrls(),
                v.integer(Setting.LAMBDA_TIMEOUT_MS, 1, 900_000),
                values.get(Setting.DATA_DIR).trim(),
                v.durability(),
                values.get(Setting.SEED).trim());
    }

    /** The text of {@code --help}. */
    public static String help() {
        StringBuilder sb = new StringBuilder("Usage: java -jar cognito-emulator.jar [options]\n\nOptions "
                + "(each also read from its environment variable):\n");
        for (Setting s : Setting.values()) {
            sb.append(String.format("  %-22s %-32s %s (default: %s)%n", s.flag() + " VALUE", s.env(),
                    s.description(), s.defaultValue()));
        }
        sb.append(String.format("  %-22s %-32s %s%n", "--help", "", "Print this text and exit."));
        return sb.toString();
    }

    /** This configuration with one setting changed, checked as a flag would be. */
    public EmulatorConfig with(Setting setting, String value) {
        return with(Map.of(setting, value));
    }

    /** This configuration with settings changed together (a certificate and its key), checked as flags would be. */
    public EmulatorConfig with(Map<Setting, String> changes) {
        Map<Setting, String> raw = raw();
        raw.putAll(changes);
        Map<Setting, String> sources = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            sources.put(s, s.flag());
        }
        return of(raw, sources);
    }

    /** Each setting as its flag would give it. */
    private Map<Setting, String> raw() {
        Map<Setting, String> raw = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            raw.put(s, switch (s) {
                case HOST -> host;
                case PORT -> Integer.toString(port);
                case REGION -> region;
                case ACCOUNT_ID -> accountId;
                case AUTH_MODE -> authMode.name().toLowerCase(Locale.ROOT);
                case CREDENTIALS -> String.join(",", credentials.entrySet().stream()
                        .map(e -> e.getKey() + ":" + e.getValue()).toList());
                case MAX_BODY_BYTES -> Integer.toString(maxBodyBytes);
                case LOG_LEVEL -> logLevel;
                case ISSUER_BASE -> issuerBase;
                case CORS_ALLOWED_ORIGINS -> String.join(",", corsAllowedOrigins);
                case IDLE_TIMEOUT_MS -> Integer.toString(idleTimeoutMs);
                case REQUEST_PARSE_TIMEOUT_MS -> Integer.toString(requestParseTimeoutMs);
                case NO_REQUEST_TIMEOUT_MS -> Integer.toString(noRequestTimeoutMs);
                case READ_TIMEOUT_MS -> Integer.toString(readTimeoutMs);
                case MAX_CONNECTIONS -> Integer.toString(maxConnections);
                case CONTROL_API -> controlApi ? "on" : "off";
                case INBOX_SIZE -> Integer.toString(inboxSize);
                case FIXED_CODE -> fixedCode;
                case SMTP_URL -> smtpUrl;
                case HTTPS_PORT -> httpsPort.isPresent() ? Integer.toString(httpsPort.getAsInt()) : "";
                case TLS_CERT -> tlsCert;
                case TLS_KEY -> tlsKey;
                case ENFORCE_QUOTAS -> enforceQuotas ? "on" : "off";
                case LAMBDA_ENDPOINT -> lambdaEndpoint;
                case LAMBDA_URL -> String.join(",", lambdaUrls.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList());
                case LAMBDA_TIMEOUT_MS -> Integer.toString(lambdaTimeoutMs);
                case DATA_DIR -> dataDir;
                case DURABILITY -> durability.name().toLowerCase(Locale.ROOT);
                case SEED -> seed;
            });
        }
        return raw;
    }

    private static Setting bySetting(String flag) {
        for (Setting s : Setting.values()) {
            if (s.flag().equals(flag)) {
                return s;
            }
        }
        throw new ConfigException("unknown option " + flag + " (see --help)");
    }

    /** Raw values, and where each came from (the flag or the environment variable), for the error message. */
    private record Values(Map<Setting, String> raw, Map<Setting, String> sources) {

        int integer(Setting s, int min, int max) {
            String value = raw.get(s);
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw bad(s, "a whole number from " + min + " to " + max);
        }

        String matching(Setting s, Pattern pattern, String what) {
            if (!pattern.matcher(raw.get(s)).matches()) {
                throw bad(s, what);
            }
            return raw.get(s);
        }

        AuthMode authMode() {
            try {
                return AuthMode.valueOf(raw.get(Setting.AUTH_MODE).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad(Setting.AUTH_MODE, "strict, lenient or off");
            }
        }

        Map<String, String> credentials() {
            Map<String, String> pairs = new LinkedHashMap<>();
            for (String pair : raw.get(Setting.CREDENTIALS).split(",")) {
                String p = pair.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int colon = p.indexOf(':');
                if (colon <= 0 || colon == p.length() - 1) {
                    // Names the bad pair only: the secrets of the others stay off the terminal.
                    throw new ConfigException(sources.get(Setting.CREDENTIALS)
                            + " must be KEY:SECRET pairs separated by commas, not '" + p + "'");
                }
                pairs.put(p.substring(0, colon), p.substring(colon + 1));
            }
            return pairs;
        }

        /** NAME_OR_ARN=URL pairs separated by commas; a name given twice keeps the last URL. */
        Map<String, String> lambdaUrls() {
            Map<String, String> urls = new LinkedHashMap<>();
            for (String pair : raw.get(Setting.LAMBDA_URL).split(",")) {
                String p = pair.trim();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                String url = eq < 0 ? "" : p.substring(eq + 1).trim();
                if (eq <= 0 || !HTTP_URL.matcher(url).matches()) {
                    throw new ConfigException(sources.get(Setting.LAMBDA_URL) + " must be NAME_OR_ARN=URL with an "
                            + "http(s) URL, not '" + p + "'");
                }
                urls.put(p.substring(0, eq).trim(), url);
            }
            return urls;
        }

        String issuerBase() {
            String base = raw.get(Setting.ISSUER_BASE).trim();
            if (!base.isEmpty() && (!ISSUER.matcher(base).matches() || base.endsWith("/"))) {
                throw bad(Setting.ISSUER_BASE, "an http(s) URL without a trailing slash");
            }
            return base;
        }

        /** {@code *} alone, or origins (lower-cased, as browsers send them) separated by commas; empty for none. */
        List<String> corsAllowedOrigins() {
            List<String> origins = new ArrayList<>();
            for (String part : raw.get(Setting.CORS_ALLOWED_ORIGINS).split(",")) {
                String origin = part.trim().toLowerCase(Locale.ROOT);
                if (origin.isEmpty()) {
                    continue;
                }
                if (!ORIGIN.matcher(origin).matches() && !"*".equals(origin)) {
                    throw new ConfigException(sources.get(Setting.CORS_ALLOWED_ORIGINS) + " must be * or origins such "
                            + "as http://localhost:3000 separated by commas, not '" + part.trim() + "'");
                }
                origins.add(origin);
            }
            if (origins.contains("*") && origins.size() > 1) {
                throw bad(Setting.CORS_ALLOWED_ORIGINS, "* alone or a list of origins without *");
            }
            return origins;
        }

        boolean onOff(Setting s) {
            return switch (raw.get(s).trim().toLowerCase(Locale.ROOT)) {
                case "on" -> true;
                case "off" -> false;
                default -> throw bad(s, "on or off");
            };
        }

        /** Empty, or a value the pattern takes. */
        String optional(Setting s, Pattern pattern, String what) {
            String value = raw.get(s).trim();
            if (!value.isEmpty() && !pattern.matcher(value).matches()) {
                throw bad(s, what);
            }
            return value;
        }

        /** Empty: off; else a port that is not the plain listener's (0, a free one, always differs). */
        OptionalInt httpsPort() {
            if (raw.get(Setting.HTTPS_PORT).isBlank()) {
                if (!raw.get(Setting.TLS_CERT).isBlank() || !raw.get(Setting.TLS_KEY).isBlank()) {
                    String given = !raw.get(Setting.TLS_CERT).isBlank() ? sources.get(Setting.TLS_CERT)
                            : sources.get(Setting.TLS_KEY);
                    throw new ConfigException(given + " is given but HTTPS is off: set "
                            + Setting.HTTPS_PORT.flag() + " too");
                }
                return OptionalInt.empty();
            }
            int port = integer(Setting.HTTPS_PORT, 0, 65535);
            if (port != 0 && port == integer(Setting.PORT, 0, 65535)) {
                throw new ConfigException(sources.get(Setting.HTTPS_PORT) + " must differ from "
                        + sources.get(Setting.PORT) + " (both are " + port + ")");
            }
            return OptionalInt.of(port);
        }

        /** A file name given together with its partner (certificate and key), or neither. */
        String tlsFile(Setting s, Setting partner) {
            String value = raw.get(s).trim();
            if (value.isEmpty() != raw.get(partner).isBlank()) {
                throw new ConfigException(value.isEmpty()
                        ? sources.get(partner) + " needs " + sources.get(s) + " too"
                        : sources.get(s) + " needs " + sources.get(partner) + " too");
            }
            return value;
        }

        Durability durability() {
            try {
                return Durability.valueOf(raw.get(Setting.DURABILITY).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw bad(Setting.DURABILITY, "normal or full");
            }
        }

        String logLevel() {
            String level = raw.get(Setting.LOG_LEVEL).trim().toLowerCase(Locale.ROOT);
            return switch (level) {
                case "error", "warn", "info", "debug", "trace" -> level;
                default -> throw bad(Setting.LOG_LEVEL, "error, warn, info, debug or trace");
            };
        }

        private ConfigException bad(Setting s, String what) {
            return new ConfigException(sources.get(s) + " must be " + what + ", not '" + raw.get(s) + "'");
        }
    }
}
