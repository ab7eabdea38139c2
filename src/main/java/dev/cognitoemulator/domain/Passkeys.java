package dev.cognitoemulator.domain;

import dev.cognitoemulator.model.WebAuthnConfigurationType;
import java.time.Duration;
import java.util.Locale;

/** Cognito's rules for passkeys (WebAuthn credentials), each once. */
public final class Passkeys {

    /**
     * The relying party of a pool that names none. Cognito takes the pool's domain, and without one refuses
     * ({@code WebAuthnConfigurationMissingException}, documented: API reference); the emulator has no domains, and
     * {@code localhost} is the relying party of an app served from this machine.
     */
    public static final String DEFAULT_RELYING_PARTY_ID = "localhost";

    /** A pool's {@code UserVerification} when it sets none (the aws-cli example start-web-authn-registration.rst). */
    public static final String DEFAULT_USER_VERIFICATION = "preferred";

    /**
     * How long a registration's challenge may be answered: the {@code timeout} the options carry (60000 ms in the
     * aws-cli example start-web-authn-registration.rst; that the challenge expires with it is unconfirmed). A sign-in's
     * WEB_AUTHN challenge lives as long as the client's other challenge sessions ({@code AuthSessionValidity}).
     */
    public static final Duration CHALLENGE_TIMEOUT = Duration.ofSeconds(60);

    /** The passkeys a user may have (unconfirmed: AWS's quota is not public; a ListWebAuthnCredentials page's most). */
    public static final int MAX_PER_USER = 20;

    private Passkeys() {
    }

    /**
     * Whether users of the pool may register and use passkeys: the pool offers {@code WEB_AUTHN} as a first sign-in
     * factor. (Passkeys need the Essentials or Plus plan, documented: API reference, WebAuthnConfigurationType; a
     * {@code LITE} pool cannot offer {@code WEB_AUTHN}: CreateUserPool and UpdateUserPool refuse it.)
     */
    public static boolean enabled(UserPool pool) {
        return pool.settings().allowedFirstAuthFactors().contains("WEB_AUTHN");
    }

    /** The relying party id passkeys of the pool are made for: the pool's, or {@link #DEFAULT_RELYING_PARTY_ID}. */
    public static String relyingPartyId(UserPool pool) {
        WebAuthnConfigurationType config = config(pool);
        return config == null || config.relyingPartyId() == null ? DEFAULT_RELYING_PARTY_ID : config.relyingPartyId();
    }

    /** {@code required} or {@code preferred}. */
    public static String userVerification(UserPool pool) {
        WebAuthnConfigurationType config = config(pool);
        return config == null || config.userVerification() == null ? DEFAULT_USER_VERIFICATION
                : config.userVerification();
    }

    public static boolean userVerificationRequired(UserPool pool) {
        return "required".equals(userVerification(pool));
    }

    /**
     * Whether a browser at an origin of that scheme and host may make or use passkeys of the relying party: the host
     * is the relying party id or a subdomain of it (WebAuthn's rule for the RP ID), on any port, over https, or over
     * http for {@code localhost} (the one host browsers let WebAuthn use without TLS). Unconfirmed: Cognito's own
     * list of the origins it accepts is not public.
     */
    public static boolean originAllowed(String scheme, String host, String relyingPartyId) {
        if (scheme == null || host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        String rp = relyingPartyId.toLowerCase(Locale.ROOT);
        boolean secure = scheme.equals("https") || scheme.equals("http") && h.equals("localhost");
        return secure && (h.equals(rp) || h.endsWith("." + rp));
    }

    /**
     * The name ListWebAuthnCredentials gives a passkey: "Roaming passkey" for a cross-platform authenticator (the
     * aws-cli example list-web-authn-credentials.rst); the other two are unconfirmed.
     */
    public static String friendlyName(String authenticatorAttachment) {
        if ("cross-platform".equals(authenticatorAttachment)) {
            return "Roaming passkey";
        }
        return "platform".equals(authenticatorAttachment) ? "Platform passkey" : "Passkey";
    }

    private static WebAuthnConfigurationType config(UserPool pool) {
        return pool.factors() == null ? null : pool.factors().webAuthn();
    }
}
