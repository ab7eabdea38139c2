package dev.cognitoemulator.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.IdentityProvider;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.messages.Message;
import dev.cognitoemulator.messages.Templates;
import dev.cognitoemulator.model.InboundFederationLambdaType;
import dev.cognitoemulator.model.LambdaConfigType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The triggers of each pool's {@code LambdaConfig}, called through {@link Lambdas}: each builds its event as the
 * Cognito developer guide documents it and applies the response fields it documents.
 */
public final class LambdaTriggers implements Triggers {

    private final Lambdas lambdas;

    public LambdaTriggers(Lambdas lambdas) {
        this.lambdas = lambdas;
    }

    /** The pool's {@code LambdaConfig}, empty when it has none. */
    static LambdaConfigType config(UserPool pool) {
        LambdaConfigType config = pool.settings().lambdaConfig();
        return config == null ? LambdaConfigType.builder().build() : config;
    }

    /**
     * PreSignUp (developer guide, "Pre sign-up Lambda trigger"): {@code userAttributes}, {@code validationData},
     * {@code clientMetadata}; the response's {@code autoConfirmUser}, {@code autoVerifyEmail}, {@code autoVerifyPhone}
     * (booleans; anything else is unrecognizable).
     */
    @Override
    public SignUpDecision preSignUp(UserPool pool, AppClient client, String source, String userName,
            Map<String, String> userAttributes, Map<String, String> validationData,
            Map<String, String> clientMetadata) {
        String function = config(pool).preSignUp();
        if (function == null) {
            return SignUpDecision.NONE;
        }
        ObjectNode event = TriggerEvent.envelope(pool, client, userName, source);
        ObjectNode request = TriggerEvent.request(event);
        TriggerEvent.putStrings(request, "userAttributes", userAttributes);
        TriggerEvent.putStrings(request, "validationData", validationData);
        TriggerEvent.putStrings(request, "clientMetadata", clientMetadata);
        ObjectNode response = (ObjectNode) event.get("response");
        response.put("autoConfirmUser", false);
        response.put("autoVerifyEmail", false);
        response.put("autoVerifyPhone", false);
        JsonNode answer = TriggerEvent.response(lambdas.invoke("PreSignUp", function, event));
        return new SignUpDecision(TriggerEvent.flag(answer, "autoConfirmUser"),
                TriggerEvent.flag(answer, "autoVerifyEmail"), TriggerEvent.flag(answer, "autoVerifyPhone"));
    }

    /**
     * UserMigration (developer guide, "Migrate user Lambda trigger"): {@code password} (sign-in only),
     * {@code validationData} and {@code clientMetadata} (both the request's ClientMetadata); the response's
     * {@code userAttributes}, {@code finalUserStatus}, {@code messageAction}, {@code desiredDeliveryMediums},
     * {@code forceAliasCreation}, each checked against the values the guide lists.
     */
    @Override
    public Migration userMigration(UserPool pool, AppClient client, String source, String userName, String password,
            Map<String, String> clientMetadata) {
        String function = config(pool).userMigration();
        if (function == null) {
            return null;
        }
        ObjectNode event = TriggerEvent.envelope(pool, client, userName, source);
        ObjectNode request = TriggerEvent.request(event);
        if (password != null) {
            request.put("password", password);
        }
        TriggerEvent.putStrings(request, "validationData", clientMetadata);
        TriggerEvent.putStrings(request, "clientMetadata", clientMetadata);
        JsonNode answer = TriggerEvent.response(lambdas.invoke("UserMigration", function, event));
        Map<String, String> attributes = TriggerEvent.strings(answer, "userAttributes");
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        String status = TriggerEvent.text(answer, "finalUserStatus");
        String action = TriggerEvent.text(answer, "messageAction");
        if ((status != null && !Set.of("CONFIRMED", "RESET_REQUIRED").contains(status))
                || (action != null && !Set.of("SUPPRESS", "RESEND").contains(action))) {
            throw Lambdas.unrecognizable();
        }
        return new Migration(attributes, status == null ? "CONFIRMED" : status, action, mediums(answer),
                TriggerEvent.flag(answer, "forceAliasCreation"));
    }

    /** {@code desiredDeliveryMediums}: null, or an array of {@code SMS} and {@code EMAIL}. */
    private static List<String> mediums(JsonNode response) {
        JsonNode node = response.path("desiredDeliveryMediums");
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw Lambdas.unrecognizable();
        }
        List<String> mediums = new ArrayList<>();
        for (JsonNode medium : node) {
            if (!medium.isTextual() || !Set.of(Message.SMS, Message.EMAIL).contains(medium.asText())) {
                throw Lambdas.unrecognizable();
            }
            mediums.add(medium.asText());
        }
        return mediums;
    }

    /**
     * InboundFederation (developer guide, "Inbound federation Lambda trigger"; {@code LambdaConfig.InboundFederation},
     * {@code LambdaVersion} {@code V1_0}): {@code providerName}, {@code providerType} and {@code attributes} with
     * {@code tokenResponse}, {@code idToken} and {@code userInfo}; the response's {@code userAttributesToMap}. The
     * guide: "Any attributes not included in the userAttributesToMap response will be dropped", and an empty object
     * keeps "all original attributes from the identity provider". Its examples return the provider's claim names
     * (the merged {@code userInfo} and {@code idToken}), so the answer stands in for the provider's claims and the
     * AttributeMapping still maps it (unconfirmed). Each of the three objects is given, empty when the provider gave
     * nothing of it (unconfirmed).
     */
    @Override
    public Map<String, String> inboundFederation(UserPool pool, AppClient client, String userName,
            IdentityProvider provider, Map<String, String> tokenResponse, Map<String, String> idToken,
            Map<String, String> userInfo) {
        InboundFederationLambdaType function = config(pool).inboundFederation();
        if (function == null || function.lambdaArn() == null) {
            return null;
        }
        ObjectNode event = TriggerEvent.envelope(pool, client, userName, INBOUND_FEDERATION_EXTERNAL_PROVIDER);
        ObjectNode request = TriggerEvent.request(event);
        request.put("providerName", provider.name());
        request.put("providerType", provider.type().name());
        ObjectNode attributes = request.putObject("attributes");
        TriggerEvent.putStrings(attributes, "tokenResponse", tokenResponse);
        TriggerEvent.putStrings(attributes, "idToken", idToken);
        TriggerEvent.putStrings(attributes, "userInfo", userInfo);
        ((ObjectNode) event.get("response")).putObject("userAttributesToMap");
        JsonNode answer = TriggerEvent.response(lambdas.invoke("InboundFederation", function.lambdaArn(), event));
        Map<String, String> mapped = TriggerEvent.strings(answer, "userAttributesToMap");
        return mapped == null || mapped.isEmpty() ? null : mapped;
    }

    /**
     * PostConfirmation (developer guide, "Post confirmation Lambda trigger"): the confirmed user's
     * {@code userAttributes}, {@code clientMetadata}; nothing of the response is used.
     */
    @Override
    public void postConfirmation(UserPool pool, AppClient client, User user, String source,
            Map<String, String> clientMetadata) {
        String function = config(pool).postConfirmation();
        if (function == null) {
            return;
        }
        ObjectNode event = TriggerEvent.envelope(pool, client, user.username(), source);
        ObjectNode request = TriggerEvent.request(event);
        TriggerEvent.putStrings(request, "userAttributes", TriggerEvent.userAttributes(user));
        TriggerEvent.putStrings(request, "clientMetadata", clientMetadata);
        lambdas.invoke("PostConfirmation", function, event);
    }

    /**
     * PreAuthentication_Authentication: {@code userAttributes}, and the request's {@code ClientMetadata} as
     * {@code validationData} (developer guide, "Pre authentication Lambda trigger"). Nothing of the response is used.
     */
    @Override
    public void preAuthentication(UserPool pool, AppClient client, User user, Map<String, String> clientMetadata) {
        String function = config(pool).preAuthentication();
        if (function == null) {
            return;
        }
        ObjectNode event = TriggerEvent.envelope(pool, client, user.username(), "PreAuthentication_Authentication");
        ObjectNode request = TriggerEvent.request(event);
        TriggerEvent.putStrings(request, "userAttributes", TriggerEvent.userAttributes(user));
        TriggerEvent.putStrings(request, "validationData", clientMetadata);
        lambdas.invoke("PreAuthentication", function, event);
    }

    /**
     * PostAuthentication_Authentication: {@code userAttributes}, {@code newDeviceUsed}, {@code clientMetadata}
     * (developer guide, "Post authentication Lambda trigger"). Nothing of the response is used.
     */
    @Override
    public void postAuthentication(UserPool pool, AppClient client, User user, Map<String, String> clientMetadata) {
        String function = config(pool).postAuthentication();
        if (function == null) {
            return;
        }
        ObjectNode event = TriggerEvent.envelope(pool, client, user.username(), "PostAuthentication_Authentication");
        ObjectNode request = TriggerEvent.request(event);
        TriggerEvent.putStrings(request, "userAttributes", TriggerEvent.userAttributes(user));
        request.put("newDeviceUsed", false);
        TriggerEvent.putStrings(request, "clientMetadata", clientMetadata);
        lambdas.invoke("PostAuthentication", function, event);
    }

    /**
     * A custom sender of the message's medium (developer guide, "Custom sender Lambda triggers"): the event's
     * {@code request} has {@code type} ({@code customEmailSenderRequestV1} / {@code customSMSSenderRequestV1}),
     * {@code code}, {@code userAttributes} and {@code clientMetadata}. Cognito encrypts the code with the pool's
     * {@code KMSKeyID}; the emulator has no KMS and puts the code in plain text. The inbox still gets the pool's text
     * (so that tests read the code where they always do). Without a sender, CustomMessage (developer guide, "Custom
     * message Lambda trigger"): {@code codeParameter}, {@code usernameParameter}, {@code linkParameter},
     * {@code userAttributes}, {@code clientMetadata}; the response's {@code smsMessage} or {@code emailMessage} and
     * {@code emailSubject} replace the pool's, filled in with the code (and the username of an invitation). A
     * returned message without the code's placeholder (or an invitation's without the username's) is not used
     * (unconfirmed: Cognito then sends its own text).
     */
    @Override
    public Templates.Text message(UserPool pool, AppClient client, User user, String kind, String medium, String code,
            String usernameParameter, Templates.Text text, Map<String, String> clientMetadata) {
        LambdaConfigType config = config(pool);
        boolean sms = Message.SMS.equals(medium);
        String sender = sms ? config.customSMSSender() == null ? null : config.customSMSSender().lambdaArn()
                : config.customEmailSender() == null ? null : config.customEmailSender().lambdaArn();
        if (sender != null) {
            ObjectNode event = TriggerEvent.envelope(pool, client, user.username(),
                    (sms ? "CustomSMSSender_" : "CustomEmailSender_") + kind);
            ObjectNode request = TriggerEvent.request(event);
            request.put("type", sms ? "customSMSSenderRequestV1" : "customEmailSenderRequestV1");
            request.put("code", code);
            TriggerEvent.putStrings(request, "clientMetadata", clientMetadata);
            TriggerEvent.putStrings(request, "userAttributes", TriggerEvent.userAttributes(user));
            lambdas.invoke(sms ? "CustomSMSSender" : "CustomEmailSender", sender, event);
            return text;
        }
        String function = config.customMessage();
        if (function == null) {
            return text;
        }
        ObjectNode event = TriggerEvent.envelope(pool, client, user.username(), "CustomMessage_" + kind);
        ObjectNode request = TriggerEvent.request(event);
        TriggerEvent.putStrings(request, "userAttributes", TriggerEvent.userAttributes(user));
        request.put("codeParameter", Templates.CODE_PARAMETER);
        request.putNull("linkParameter");
        if (usernameParameter == null) {
            request.putNull("usernameParameter");
        } else {
            request.put("usernameParameter", Templates.USERNAME_PARAMETER);
        }
        TriggerEvent.putStrings(request, "clientMetadata", clientMetadata);
        ObjectNode response = (ObjectNode) event.get("response");
        response.putNull("smsMessage");
        response.putNull("emailMessage");
        response.putNull("emailSubject");
        JsonNode answer = TriggerEvent.response(lambdas.invoke("CustomMessage", function, event));
        String body = TriggerEvent.text(answer, sms ? "smsMessage" : "emailMessage");
        boolean usable = body != null && body.contains(Templates.CODE_PARAMETER)
                && (usernameParameter == null || body.contains(Templates.USERNAME_PARAMETER));
        String returnedBody = usable ? Templates.fillReturned(body, usernameParameter, code) : text.body();
        if (sms) {
            return new Templates.Text(null, returnedBody);
        }
        String subject = TriggerEvent.text(answer, "emailSubject");
        return new Templates.Text(subject == null ? text.subject() : subject, returnedBody);
    }
}
