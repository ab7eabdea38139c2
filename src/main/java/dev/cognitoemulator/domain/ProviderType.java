package dev.cognitoemulator.domain;

/** The kinds of external identity provider a pool federates with, named as on the wire. */
public enum ProviderType {
    OIDC, SAML, Google, Facebook, LoginWithAmazon, SignInWithApple;

    /** The social providers: each has exactly one provider of its own name in a pool. */
    public boolean social() {
        return this != OIDC && this != SAML;
    }

    /** The type of that wire name, or null (the model's enum check refuses others first). */
    public static ProviderType of(String name) {
        for (ProviderType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
