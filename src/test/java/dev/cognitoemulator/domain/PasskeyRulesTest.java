package dev.cognitoemulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Passkeys' origin rule and names (unconfirmed, as the emulator chooses them: see {@link Passkeys}). */
class PasskeyRulesTest {

    @ParameterizedTest
    @CsvSource({
            "https, example.com, example.com, true",
            "https, login.example.com, example.com, true",
            "https, a.b.example.com, example.com, true",
            "https, LOGIN.Example.COM, example.com, true",
            "http, example.com, example.com, false",
            "https, notexample.com, example.com, false",
            "https, example.com.evil.test, example.com, false",
            "https, com, example.com, false",
            "http, localhost, localhost, true",
            "https, localhost, localhost, true",
            "http, app.localhost, localhost, false",
            "ftp, example.com, example.com, false",
            "android, , example.com, false",
    })
    void anOriginIsTheRelyingPartysHostOrASubdomainOverASecureScheme(String scheme, String host, String rpId,
            boolean allowed) {
        assertThat(Passkeys.originAllowed(scheme, host, rpId)).isEqualTo(allowed);
    }

    @ParameterizedTest
    @CsvSource(value = {"cross-platform, Roaming passkey", "platform, Platform passkey", "NULL, Passkey"},
            nullValues = "NULL")
    void aPasskeyIsNamedByItsAttachment(String attachment, String name) {
        assertThat(Passkeys.friendlyName(attachment)).isEqualTo(name);
    }
}
