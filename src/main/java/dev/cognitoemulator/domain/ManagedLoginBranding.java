package dev.cognitoemulator.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One app client's managed login style: Cognito's defaults ({@code useCognitoProvidedValues}) or the caller's
 * settings document, kept exactly as given (null when none was), and its image assets.
 */
public record ManagedLoginBranding(String id, String clientId, boolean useCognitoProvidedValues, JsonNode settings,
        List<Asset> assets, Instant created, Instant modified) {

    public ManagedLoginBranding {
        assets = List.copyOf(assets);
    }

    /** An image for one category and colour mode. */
    public record Asset(String category, String colorMode, String extension, byte[] bytes, String resourceId) {

        /** A style has one asset per category and colour mode. */
        public boolean sameSlot(Asset other) {
            return category.equals(other.category) && colorMode.equals(other.colorMode);
        }
    }
}
