package dev.cognitoemulator.operations.quotas;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.LimitDefinitionType;
import dev.cognitoemulator.model.LimitType;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.quotas.Category;

/** Provisioned limits on the wire, and what their two operations share. */
final class Limits {

    private Limits() {
    }

    /**
     * The API category a definition names: {@code LimitClass} API_CATEGORY (the model's only one) and the
     * {@code Category} attribute (documented: "specify the Category key with a value like UserAuthentication").
     * Texts unconfirmed.
     */
    static Category category(LimitDefinitionType definition) {
        String name = definition.attributes().get("Category");
        if (name == null) {
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "The limit definition must have a Category attribute.");
        }
        Category category = Category.named(name);
        if (category == null) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "Unknown API category " + name + ".");
        }
        return category;
    }

    static LimitType type(LimitDefinitionType definition, Category category, Call call) {
        return LimitType.builder().limitDefinition(definition)
                .provisionedLimitValue(call.services().quotas().limit(call.region(), category))
                .freeLimitValue(category.freeRate()).build();
    }
}
