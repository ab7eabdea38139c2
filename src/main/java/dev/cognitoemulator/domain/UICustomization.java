package dev.cognitoemulator.domain;

import java.time.Instant;

/**
 * A pool's (client id {@link #ALL}) or one app client's classic hosted UI branding: its CSS and logo image, as
 * SetUICustomization last set them.
 */
public record UICustomization(String clientId, String css, byte[] image, Instant created,
        Instant modified) {

    /** The client id of the pool-wide customization, which clients without their own fall back to. */
    public static final String ALL = "ALL";
}
