package dev.cognitoemulator.domain;

import java.time.Instant;

/**
 * An identity of an external provider linked to a user of the pool by AdminLinkProviderForUser: when the provider
 * signs in a user whose {@code attributeName} is {@code attributeValue}, the pool answers with the user of
 * {@code sub} instead of making a {@code <Provider>_<id>} user. Part of the pool's state.
 */
public record ProviderLink(String providerName, ProviderType providerType, String attributeName, String attributeValue, String sub,
        Instant created) {
}
