package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.VerificationCode;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.messages.Templates;
import dev.cognitoemulator.model.CodeDeliveryDetailsType;
import dev.cognitoemulator.model.UpdateUserAttributesRequest;
import dev.cognitoemulator.model.UpdateUserAttributesResponse;
import dev.cognitoemulator.operations.auth.AccessTokens;
import dev.cognitoemulator.operations.users.Users;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in user changes their attributes, all or nothing: only those the client may write, by the schema's
 * rules; a blank value deletes the attribute (model: UpdateUserAttributesRequest). A changed email or phone number
 * the pool verifies gets a code ({@code CodeDeliveryDetailsList}); it is unverified meanwhile, or, when the pool's
 * AttributesRequireVerificationBeforeUpdate names it and it was verified, keeps its old value until the new one is
 * verified (documented: user-pool-settings-email-phone-verification.html).
 */
public final class UpdateUserAttributes
        implements Operation<UpdateUserAttributesRequest, UpdateUserAttributesResponse> {

    /** What the write decided: the codes to send, each with where it goes. */
    private record Sent(UserPool pool, User user, List<Accounts.Target> targets, List<VerificationCode> codes) {
    }

    @Override
    public UpdateUserAttributesResponse execute(UpdateUserAttributesRequest request, Call call) {
        Map<String, String> changes = Users.toMap(request.userAttributes());
        Sent sent = AccessTokens.writeCaller(call, request.accessToken(), (pool, caller) -> {
            Accounts.requireWritable(Accounts.clientOf(pool, caller), changes.keySet());
            User user = caller.user();
            UserPool settings = pool.pool();
            Attributes attributes = apply(settings, user.attributes(), changes);
            List<Accounts.Target> targets = new ArrayList<>(2);
            List<VerificationCode> codes = new ArrayList<>(2);
            List<String> changedContacts = new ArrayList<>(2);
            for (String attribute : List.of(UserLookup.EMAIL, UserLookup.PHONE)) {
                String value = changes.get(attribute);
                String previous = user.attributes().get(attribute);
                if (value == null || value.isEmpty() || value.equals(previous)) {
                    continue;
                }
                String purpose = VerificationCode.attribute(attribute);
                boolean waits = settings.settings().attributesRequireVerificationBeforeUpdate().contains(attribute)
                        && "true".equals(user.attributes().get(attribute + "_verified"));
                if (waits) {
                    attributes = attributes.with(Map.of(attribute, previous, attribute + "_verified", "true"));
                }
                if (waits || settings.settings().autoVerifiedAttributes().contains(attribute)) {
                    Accounts.Target target = Accounts.target(attribute, value);
                    targets.add(target);
                    codes.add(Accounts.newCode(call, user, purpose, target, Accounts.ATTRIBUTE_VALIDITY,
                            waits ? value : null));
                }
                changedContacts.add(purpose);
            }
            User changed = user.withAttributes(attributes, call.now());
            UserLookup.AliasConflict conflict = UserLookup.aliasConflict(pool, changed);
            if (conflict != null) {
                throw new CognitoException(ErrorCode.AliasExistsException, conflict.aliasExistsMessage());
            }
            // A code sent to the previous value no longer verifies anything; a new one replaces it.
            changedContacts.forEach(purpose -> pool.removeCode(user.sub(), purpose));
            codes.forEach(pool::putCode);
            pool.put(changed);
            return new Sent(settings, changed, targets, codes);
        });
        List<CodeDeliveryDetailsType> details = new ArrayList<>(sent.codes().size());
        for (int i = 0; i < sent.codes().size(); i++) {
            Accounts.Target target = sent.targets().get(i);
            String code = sent.codes().get(i).code();
            Accounts.send(call, sent.pool(), sent.user(), null, target, "UpdateUserAttribute", code, null,
                    Templates.verification(sent.pool().settings(), target.medium(), code, null),
                    request.clientMetadata());
            details.add(target.details());
        }
        return new UpdateUserAttributesResponse(details.isEmpty() ? null : details);
    }

    /** The schema's rules: blank values are deletions, the rest updates. */
    private static Attributes apply(UserPool pool, Attributes current, Map<String, String> changes) {
        Map<String, String> updates = new LinkedHashMap<>();
        List<String> deletions = new ArrayList<>(0);
        changes.forEach((name, value) -> {
            if (value != null && value.isEmpty()) {
                deletions.add(name);
            } else {
                updates.put(name, value);
            }
        });
        Attributes updated = AttributeRules.update(pool, current, updates);
        return deletions.isEmpty() ? updated : AttributeRules.delete(pool, updated, deletions);
    }
}
