package dev.cognitoemulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.cognitoemulator.auth.AuthMode;
import dev.cognitoemulator.config.EmulatorConfig.Setting;
import dev.cognitoemulator.store.Durability;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every setting: one flag, one environment variable, one default; flags over environment over defaults. */
class EmulatorConfigTest {

    private static EmulatorConfig parse(Map<String, String> env, String... args) {
        return EmulatorConfig.parse(args, env);
    }

    private static EmulatorConfig parse(String... args) {
        return EmulatorConfig.parse(args, Map.of());
    }

    private static void assertRejected(String message, String... args) {
        assertThatThrownBy(() -> parse(args)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @Test
    void defaultsAreThoseOfTheIssue() {
        EmulatorConfig config = EmulatorConfig.defaults();
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(9229);
        assertThat(config.region()).isEqualTo("us-east-1");
        assertThat(config.accountId()).isEqualTo("000000000000");
        assertThat(config.authMode()).isEqualTo(AuthMode.LENIENT);
        assertThat(config.credentials()).containsExactly(entry("test", "test"));
        assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(config.logLevel()).isEqualTo("info");
        assertThat(config.corsAllowedOrigins()).containsExactly("*");
        assertThat(config.idleTimeoutMs()).isEqualTo(60_000);
        assertThat(config.requestParseTimeoutMs()).isEqualTo(10_000);
        assertThat(config.noRequestTimeoutMs()).isEqualTo(60_000);
        assertThat(config.readTimeoutMs()).isEqualTo(60_000);
        assertThat(config.maxConnections()).isEqualTo(4096);
        assertThat(parse()).isEqualTo(config);
    }

    @Test
    void environmentVariablesOverrideDefaults() {
        EmulatorConfig config = parse(Map.ofEntries(
                Map.entry("COGNITO_EMULATOR_HOST", "0.0.0.0"),
                Map.entry("COGNITO_EMULATOR_PORT", "1234"),
                Map.entry("COGNITO_EMULATOR_REGION", "eu-west-1"),
                Map.entry("COGNITO_EMULATOR_ACCOUNT_ID", "123456789012"),
                Map.entry("COGNITO_EMULATOR_AUTH_MODE", "strict"),
                Map.entry("COGNITO_EMULATOR_CREDENTIALS", "AKID1:secret1,AKID2:secret2"),
                Map.entry("COGNITO_EMULATOR_MAX_BODY_BYTES", "4096"),
                Map.entry("COGNITO_EMULATOR_LOG_LEVEL", "debug"),
                Map.entry("COGNITO_EMULATOR_ISSUER_BASE", "https://cognito-idp.eu-west-1.amazonaws.com"),
                Map.entry("COGNITO_EMULATOR_CORS_ALLOWED_ORIGINS", "http://localhost:3000"),
                Map.entry("COGNITO_EMULATOR_IDLE_TIMEOUT_MS", "1000"),
                Map.entry("COGNITO_EMULATOR_REQUEST_PARSE_TIMEOUT_MS", "2000"),
                Map.entry("COGNITO_EMULATOR_NO_REQUEST_TIMEOUT_MS", "3000"),
                Map.entry("COGNITO_EMULATOR_READ_TIMEOUT_MS", "4000"),
                Map.entry("COGNITO_EMULATOR_MAX_CONNECTIONS", "50"),
                Map.entry("COGNITO_EMULATOR_DATA_DIR", "/var/lib/cognito"),
                Map.entry("COGNITO_EMULATOR_DURABILITY", "full")));
        assertThat(config).isEqualTo(new EmulatorConfig("0.0.0.0", 1234, "eu-west-1", "123456789012", AuthMode.STRICT,
                Map.of("AKID1", "secret1", "AKID2", "secret2"), 4096, "debug",
                "https://cognito-idp.eu-west-1.amazonaws.com", List.of("http://localhost:3000"), 1000, 2000, 3000, 4000,
                50, true, 1000, "", "", OptionalInt.empty(), "", "", false, "", Map.of(), 5000, "/var/lib/cognito", Durability.FULL, ""));
    }

    @Test
    void flagsOverrideEnvironmentVariables() {
        EmulatorConfig config = parse(Map.of("COGNITO_EMULATOR_PORT", "1234", "COGNITO_EMULATOR_REGION", "eu-west-1",
                        "COGNITO_EMULATOR_AUTH_MODE", "strict"),
                "--port", "4321", "--auth-mode", "off");
        assertThat(config.port()).isEqualTo(4321);
        assertThat(config.authMode()).isEqualTo(AuthMode.OFF);
        assertThat(config.region()).isEqualTo("eu-west-1");
    }

    @Test
    void acceptsEveryFlagInBothForms() {
        EmulatorConfig spaced = parse("--host", "::1", "--port", "0", "--region", "ap-southeast-2",
                "--account-id", "111122223333", "--auth-mode", "STRICT", "--credentials", "k:s",
                "--max-body-bytes", "2048", "--log-level", "WARN", "--issuer-base", "http://localhost:9229",
                "--cors-allowed-origins", "http://a.test,https://b.test:8443", "--idle-timeout-ms", "0",
                "--request-parse-timeout-ms", "5", "--no-request-timeout-ms", "6", "--read-timeout-ms", "7",
                "--max-connections", "8", "--data-dir", "data", "--durability", "NORMAL");
        EmulatorConfig joined = parse("--host=::1", "--port=0", "--region=ap-southeast-2",
                "--account-id=111122223333", "--auth-mode=STRICT", "--credentials=k:s",
                "--max-body-bytes=2048", "--log-level=WARN", "--issuer-base=http://localhost:9229",
                "--cors-allowed-origins=http://a.test,https://b.test:8443", "--idle-timeout-ms=0",
                "--request-parse-timeout-ms=5", "--no-request-timeout-ms=6", "--read-timeout-ms=7",
                "--max-connections=8", "--data-dir=data", "--durability=NORMAL");
        assertThat(spaced).isEqualTo(joined).isEqualTo(new EmulatorConfig("::1", 0, "ap-southeast-2", "111122223333",
                AuthMode.STRICT, Map.of("k", "s"), 2048, "warn", "http://localhost:9229",
                List.of("http://a.test", "https://b.test:8443"), 0, 5, 6, 7, 8, true, 1000, "", "", OptionalInt.empty(), "", "", false, "", Map.of(), 5000,
                "data", Durability.NORMAL, ""));
    }

    @Test
    void lambdaUrlsRepeatAsFlagsAndListInTheEnvironmentAndFlagsReplaceTheEnvironment() {
        assertThat(parse("--lambda-url", "pre=http://127.0.0.1:9000/a", "--lambda-url=arn:aws:lambda:us-east-1:"
                + "123456789012:function:post=https://h.test/b?x=1").lambdaUrls()).containsExactly(
                Map.entry("pre", "http://127.0.0.1:9000/a"),
                Map.entry("arn:aws:lambda:us-east-1:123456789012:function:post", "https://h.test/b?x=1"));
        Map<String, String> env = Map.of("COGNITO_EMULATOR_LAMBDA_URL", "a=http://h/a, b=http://h/b");
        assertThat(parse(env).lambdaUrls()).containsExactly(Map.entry("a", "http://h/a"), Map.entry("b", "http://h/b"));
        assertThat(parse(env, "--lambda-url", "c=http://h/c").lambdaUrls()).containsExactly(Map.entry("c", "http://h/c"));
        assertThat(parse(env, "--lambda-url", "c=http://h/c").with(Setting.PORT, "1").lambdaUrls())
                .containsExactly(Map.entry("c", "http://h/c"));
    }

    @Test
    void lambdaSettingsAreChecked() {
        assertRejected("--lambda-url must be NAME_OR_ARN=URL with an http(s) URL, not 'pre'", "--lambda-url", "pre");
        assertRejected("--lambda-url must be NAME_OR_ARN=URL with an http(s) URL, not 'pre=ftp://h/'",
                "--lambda-url", "pre=ftp://h/");
        assertRejected("--lambda-endpoint must be an http(s) URL such as http://127.0.0.1:3001, not 'localhost:3001'",
                "--lambda-endpoint", "localhost:3001");
        assertRejected("--lambda-timeout-ms must be a whole number from 1 to 900000, not '0'",
                "--lambda-timeout-ms", "0");
        assertThat(EmulatorConfig.defaults().lambdaTimeoutMs()).isEqualTo(5000);
        assertThat(parse("--lambda-endpoint", "http://127.0.0.1:3001").lambdaEndpoint())
                .isEqualTo("http://127.0.0.1:3001");
    }

    @Test
    void credentialsKeepTheirOrder() {
        assertThat(parse("--credentials", "z:1,a:2").credentials().keySet()).containsExactly("z", "a");
    }

    @Test
    void theLastOccurrenceOfAFlagWins() {
        assertThat(parse("--port", "1000", "--port=2000").port()).isEqualTo(2000);
    }

    @Test
    void aSecretMayContainColonsAndPairsMaySurroundSpaces() {
        assertThat(parse("--credentials", " a:b:c , d:e ,").credentials())
                .containsOnly(entry("a", "b:c"), entry("d", "e"));
    }

    @Test
    void rejectsAnUnknownFlagPointingToHelp() {
        assertRejected("unknown option --bogus (see --help)", "--bogus", "1");
        assertRejected("unknown option --bogus (see --help)", "--bogus=1");
        assertRejected("unknown option port (see --help)", "port", "1");
    }

    @Test
    void rejectsAFlagWithoutItsValue() {
        assertRejected("--port needs a value", "--port");
        assertRejected("--region needs a value", "--port", "1", "--region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "-1", "65536", "", "1.5"})
    void rejectsABadPort(String port) {
        assertRejected("--port must be a whole number from 0 to 65535, not '" + port + "'", "--port", port);
    }

    @Test
    void namesTheEnvironmentVariableWhenTheBadValueCameFromIt() {
        assertThatThrownBy(() -> parse(Map.of("COGNITO_EMULATOR_PORT", "http")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("COGNITO_EMULATOR_PORT must be a whole number from 0 to 65535, not 'http'");
        assertThatThrownBy(() -> parse(Map.of("COGNITO_EMULATOR_REGION", "moon")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("COGNITO_EMULATOR_REGION must be a region such as us-east-1, not 'moon'");
    }

    @Test
    void namesTheFlagWhenAFlagOverridesABadEnvironmentValue() {
        assertRejected("--port must be a whole number from 0 to 65535, not 'x'", "--port", "x");
        assertThatThrownBy(() -> parse(Map.of("COGNITO_EMULATOR_PORT", "http"), "--port", "x"))
                .hasMessage("--port must be a whole number from 0 to 65535, not 'x'");
        assertThat(parse(Map.of("COGNITO_EMULATOR_PORT", "http"), "--port", "80").port()).isEqualTo(80);
    }

    @Test
    void rejectsABadAuthMode() {
        assertRejected("--auth-mode must be strict, lenient or off, not 'maybe'", "--auth-mode", "maybe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nocolon", ":secret", "key:"})
    void rejectsBadCredentials(String pair) {
        assertThatThrownBy(() -> parse("--credentials", "good:pair," + pair)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--credentials must be KEY:SECRET pairs separated by commas, not '")
                .hasMessageContaining(pair);
    }

    @Test
    void aCredentialsErrorDoesNotPrintTheSecretsOfValidPairs() {
        assertThatThrownBy(() -> parse("--credentials", "AKIDGOOD:very-secret,broken"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("broken").doesNotContain("very-secret"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"moon", "US-EAST-1", "us-east", "useast1", "us_east_1"})
    void rejectsABadRegion(String region) {
        assertRejected("--region must be a region such as us-east-1, not '" + region + "'", "--region", region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "eu-central-2", "us-gov-west-1", "cn-northwest-1", "ap-southeast-5"})
    void acceptsRealRegionNames(String region) {
        assertThat(parse("--region", region).region()).isEqualTo(region);
    }

    @Test
    void rejectsABadAccountId() {
        assertRejected("--account-id must be 12 digits, not '12345'", "--account-id", "12345");
    }

    @Test
    void rejectsABodyLimitBelowOneKibibyte() {
        assertRejected("--max-body-bytes must be a whole number from 1024 to 2147483647, not '1023'",
                "--max-body-bytes", "1023");
    }

    @Test
    void rejectsABadLogLevel() {
        assertRejected("--log-level must be error, warn, info, debug or trace, not 'loud'", "--log-level", "loud");
    }

    @Test
    void rejectsABadDurability() {
        assertRejected("--durability must be normal or full, not 'extra'", "--durability", "extra");
    }

    @Test
    void memoryOnlyWithNormalDurabilityByDefault() {
        assertThat(EmulatorConfig.defaults().dataDir()).isEmpty();
        assertThat(EmulatorConfig.defaults().durability()).isEqualTo(Durability.NORMAL);
    }

    @Test
    void errorMessagesAreOneLine() {
        for (String[] args : new String[][] {{"--bogus"}, {"--port", "x"}, {"--credentials", "x"}, {"--port"}}) {
            assertThatThrownBy(() -> parse(args)).isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void helpListsEveryFlagEnvironmentVariableAndDefault() {
        String help = EmulatorConfig.help();
        for (EmulatorConfig.Setting setting : EmulatorConfig.Setting.values()) {
            assertThat(help).contains(setting.flag() + " ", setting.env(), "(default: " + setting.defaultValue() + ")");
        }
        assertThat(help).contains("--help", "--host", "COGNITO_EMULATOR_HOST", "--port", "COGNITO_EMULATOR_PORT",
                "--region", "--account-id", "--auth-mode", "--credentials", "--max-body-bytes", "--log-level");
    }

    @Test
    void everyEnvironmentVariableIsTheFlagInUpperSnakeCase() {
        for (EmulatorConfig.Setting setting : EmulatorConfig.Setting.values()) {
            assertThat(setting.env()).isEqualTo("COGNITO_EMULATOR_"
                    + setting.flag().substring(2).toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    @Test
    void withChangesOneSettingOnly() {
        EmulatorConfig base = EmulatorConfig.defaults();
        for (EmulatorConfig.Setting setting : EmulatorConfig.Setting.values()) {
            assertThat(base.with(setting, setting.defaultValue())).as(setting.flag()).isEqualTo(base);
        }
        assertThat(base.with(EmulatorConfig.Setting.PORT, "0")).isEqualTo(parse("--port", "0"));
        assertThat(base.with(EmulatorConfig.Setting.AUTH_MODE, "STRICT")).isEqualTo(parse("--auth-mode", "strict"));
        assertThat(base.with(EmulatorConfig.Setting.CREDENTIALS, "a:b")).isEqualTo(parse("--credentials", "a:b"));
        assertThat(base.with(EmulatorConfig.Setting.CORS_ALLOWED_ORIGINS, "http://a.test"))
                .isEqualTo(parse("--cors-allowed-origins", "http://a.test"));
        assertThat(base.with(EmulatorConfig.Setting.MAX_CONNECTIONS, "5")).isEqualTo(parse("--max-connections", "5"));
        assertThat(base.with(EmulatorConfig.Setting.FIXED_CODE, "123456").fixedCode()).isEqualTo("123456");
        assertThatThrownBy(() -> base.with(EmulatorConfig.Setting.PORT, "x")).isInstanceOf(ConfigException.class)
                .hasMessage("--port must be a whole number from 0 to 65535, not 'x'");
    }

    @Test
    void theMessageSettingsHaveTheirDefaultsAndAreChecked() {
        EmulatorConfig config = EmulatorConfig.defaults();
        assertThat(config.controlApi()).isTrue();
        assertThat(config.inboxSize()).isEqualTo(1000);
        assertThat(config.fixedCode()).isEmpty();
        assertThat(config.smtpUrl()).isEmpty();
        assertThat(parse("--control-api", "off").controlApi()).isFalse();
        assertThat(parse("--smtp-url", "smtps://u%40x:p@mail.test:465").smtpUrl())
                .isEqualTo("smtps://u%40x:p@mail.test:465");
        assertRejected("--control-api must be on or off, not 'maybe'", "--control-api", "maybe");
        assertRejected("--fixed-code must be a code without spaces, not '1 2'", "--fixed-code", "1 2");
        assertRejected("--smtp-url must be an smtp:// or smtps:// URL such as smtp://localhost:1025, not "
                + "'http://mail'", "--smtp-url", "http://mail");
        assertRejected("--inbox-size must be a whole number from 1 to 1000000, not '0'", "--inbox-size", "0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--idle-timeout-ms", "--request-parse-timeout-ms", "--no-request-timeout-ms",
        "--read-timeout-ms"})
    void aTimeoutIsZeroOrMoreMilliseconds(String flag) {
        assertRejected(flag + " must be a whole number from 0 to 2147483647, not '-1'", flag, "-1");
        assertRejected(flag + " must be a whole number from 0 to 2147483647, not '1s'", flag, "1s");
        assertThat(parse(flag, "0")).isNotEqualTo(EmulatorConfig.defaults());
    }

    @Test
    void theConnectionCapIsAtLeastOne() {
        assertRejected("--max-connections must be a whole number from 1 to 2147483647, not '0'", "--max-connections",
                "0");
        assertThat(parse("--max-connections", "1").maxConnections()).isEqualTo(1);
    }

    @Test
    void corsOriginsAreTrimmedAndLowerCasedAsBrowsersSendThem() {
        assertThat(parse("--cors-allowed-origins", " HTTP://LocalHost:3000 , capacitor://localhost,null,")
                .corsAllowedOrigins()).containsExactly("http://localhost:3000", "capacitor://localhost", "null");
    }

    @Test
    void anEmptyCorsListAllowsNoOrigin() {
        assertThat(parse("--cors-allowed-origins", "").corsAllowedOrigins()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:3000", "http://localhost:3000/", "http://a.test/app", "https://", "*.test"})
    void rejectsACorsEntryThatIsNotAnOrigin(String entry) {
        assertRejected("--cors-allowed-origins must be * or origins such as http://localhost:3000 separated by commas, "
                + "not '" + entry + "'", "--cors-allowed-origins", "http://ok.test," + entry);
    }

    @Test
    void rejectsAStarInsideACorsList() {
        assertRejected("--cors-allowed-origins must be * alone or a list of origins without *, not '*,http://a.test'",
                "--cors-allowed-origins", "*,http://a.test");
    }

    @Test
    void credentialsCannotBeChangedAfterTheFact() {
        java.util.Map<String, String> mutable = new java.util.HashMap<>(Map.of("a", "b"));
        EmulatorConfig config = new EmulatorConfig("h", 1, "us-east-1", "000000000000", AuthMode.OFF, mutable, 1024,
                "info", "", List.of(), 0, 0, 0, 0, 1, true, 1, "", "", OptionalInt.empty(), "", "", false, "", Map.of(), 5000, "",
                Durability.NORMAL, "");
        mutable.put("c", "d");
        assertThat(config.credentials()).containsOnlyKeys("a");
        assertThatThrownBy(() -> config.credentials().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void httpsIsOffByDefaultAndTakesAPortAndAPemPair() {
        assertThat(EmulatorConfig.defaults().httpsPort()).isEmpty();
        assertThat(parse("--https-port", "9230").httpsPort()).hasValue(9230);
        assertThat(parse("--https-port=0", "--port", "0").httpsPort()).hasValue(0);
        EmulatorConfig pair = parse(Map.of("COGNITO_EMULATOR_HTTPS_PORT", "8443", "COGNITO_EMULATOR_TLS_CERT",
                "/certs/chain.pem", "COGNITO_EMULATOR_TLS_KEY", "/certs/key.pem"));
        assertThat(pair.httpsPort()).hasValue(8443);
        assertThat(pair.tlsCert()).isEqualTo("/certs/chain.pem");
        assertThat(pair.tlsKey()).isEqualTo("/certs/key.pem");
        assertThat(pair.with(EmulatorConfig.Setting.REGION, "eu-west-1").httpsPort()).hasValue(8443);
        assertThat(EmulatorConfig.defaults().with(EmulatorConfig.Setting.REGION, "eu-west-1").httpsPort()).isEmpty();
    }

    @Test
    void rejectsBadHttpsSettings() {
        assertRejected("--https-port must be a whole number from 0 to 65535, not 'tls'", "--https-port", "tls");
        assertRejected("--https-port must be a whole number from 0 to 65535, not '70000'", "--https-port", "70000");
        assertRejected("--https-port must differ from --port (both are 9229)", "--https-port", "9229");
        assertRejected("--tls-cert is given but HTTPS is off: set --https-port too", "--tls-cert", "c.pem",
                "--tls-key", "k.pem");
        assertRejected("--tls-key is given but HTTPS is off: set --https-port too", "--tls-key", "k.pem");
        assertRejected("--tls-cert needs --tls-key too", "--https-port", "9230", "--tls-cert", "c.pem");
        assertRejected("--tls-key needs --tls-cert too", "--https-port", "9230", "--tls-key", "k.pem");
        assertThatThrownBy(() -> parse(Map.of("COGNITO_EMULATOR_HTTPS_PORT", "9230", "COGNITO_EMULATOR_TLS_KEY",
                "k.pem"))).isInstanceOf(ConfigException.class)
                .hasMessage("COGNITO_EMULATOR_TLS_KEY needs --tls-cert too");
    }
}
