package dev.cognitoemulator.operations.branding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoemulator.domain.ManagedLoginBranding;
import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.AssetType;
import dev.cognitoemulator.model.ManagedLoginBrandingType;
import java.util.ArrayList;
import java.util.List;

/** What the managed login branding operations share: the source rule, asset merging, look-ups and the answer. */
final class Brandings {

    private Brandings() {
    }

    /**
     * A style is Cognito's defaults or the caller's settings, never both: {@code UseCognitoProvidedValues} true with
     * Settings or Assets is refused, and so (on create) is a request with neither.
     */
    static void checkSource(Boolean useCognitoProvidedValues, JsonNode settings, List<AssetType> assets,
            boolean creating) {
        boolean defaults = Boolean.TRUE.equals(useCognitoProvidedValues);
        boolean custom = settings != null || assets != null && !assets.isEmpty();
        if (defaults && custom || creating && !defaults && settings == null) {
            // Unconfirmed wording; its "(but not both)" ending is quoted from live Cognito in floci-io/floci#2869.
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "Exactly one of UseCognitoProvidedValues or Settings must be provided (but not both).");
        }
    }

    /** The request's assets in place of the style's of the same category and colour mode; the others kept. */
    static List<ManagedLoginBranding.Asset> merge(List<ManagedLoginBranding.Asset> kept, List<AssetType> given) {
        List<ManagedLoginBranding.Asset> merged = new ArrayList<>(kept);
        if (given != null) {
            for (AssetType type : given) {
                ManagedLoginBranding.Asset asset = new ManagedLoginBranding.Asset(type.category(), type.colorMode(),
                        type.extension(), type.bytes(), type.resourceId());
                merged.removeIf(asset::sameSlot);
                merged.add(asset);
            }
        }
        return merged;
    }

    static void present(String value, String member) {
        if (value == null) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "1 validation error detected: Value null at '"
                    + member + "' failed to satisfy constraint: Member must not be null");
        }
    }

    static ManagedLoginBranding require(PoolView pool, String id) {
        ManagedLoginBranding branding = pool.managedLoginBranding(id);
        if (branding == null) {
            throw notFound();
        }
        return branding;
    }

    /** Unconfirmed wording. */
    static CognitoException notFound() {
        return new CognitoException(ErrorCode.ResourceNotFoundException, "Managed login branding does not exist.");
    }

    /**
     * The style as Cognito answers it: Settings left out when none was given, Assets always present (captured:
     * floci-io/floci#2869, measured against live Cognito).
     */
    static ManagedLoginBrandingType type(ManagedLoginBranding branding, String poolId) {
        return ManagedLoginBrandingType.builder()
                .managedLoginBrandingId(branding.id())
                .userPoolId(poolId)
                .useCognitoProvidedValues(branding.useCognitoProvidedValues())
                .settings(branding.settings())
                .assets(branding.assets().stream().map(a -> AssetType.builder().category(a.category())
                        .colorMode(a.colorMode()).extension(a.extension()).bytes(a.bytes())
                        .resourceId(a.resourceId()).build()).toList())
                .creationDate(branding.created())
                .lastModifiedDate(branding.modified())
                .build();
    }
}
