package dev.cognitoemulator.operations.threat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cognitoemulator.CognitoEmulator;
import dev.cognitoemulator.CognitoTestSupport;
import dev.cognitoemulator.domain.AuthEvent;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.store.InMemoryUserPoolStore;
import dev.cognitoemulator.store.UserPoolStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AccountTakeoverActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AccountTakeoverActionsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AccountTakeoverEventActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminListUserAuthEventsResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdvancedSecurityModeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthEventType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeResponseType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CompromisedCredentialsEventActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventFeedbackType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.FeedbackValueType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * Threat protection against the SDK: the Plus plan it needs, DescribeRiskConfiguration and SetRiskConfiguration
 * (pool and client level), the auth events sign-ins, sign-ups and password resets record (AdminListUserAuthEvents),
 * the ENFORCED always-block list, and feedback on events (admin and user).
 */
class ThreatProtectionTest extends CognitoTestSupport {

    private final UserPoolStore store = new InMemoryUserPoolStore(Randomness.secure());

    @Override
    protected CognitoEmulator.Builder configure(CognitoEmulator.Builder builder) {
        return builder.store(store);
    }

    private String plusPool(AdvancedSecurityModeType mode) {
        return newPool(b -> b.userPoolTier(UserPoolTierType.PLUS).userPoolAddOns(a -> a.advancedSecurityMode(mode)));
    }

    private void signIn(String poolId, String clientId, String username, String password, String ip) {
        cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password))
                .userContextData(c -> c.ipAddress(ip)));
    }

    private List<AuthEventType> events(String poolId, String username) {
        return cognito.adminListUserAuthEvents(b -> b.userPoolId(poolId).username(username)).authEvents();
    }

    private void blockList(String poolId, String clientId, List<String> blocked, List<String> skipped) {
        cognito.setRiskConfiguration(b -> b.userPoolId(poolId).clientId(clientId)
                .riskExceptionConfiguration(r -> r.blockedIPRangeList(blocked).skippedIPRangeList(skipped)));
    }

    @Test
    void threatProtectionNeedsThePlusPlan() {
        var e = awsError("FeatureUnavailableInTierException", () -> cognito.createUserPool(b -> b.poolName("p")
                .userPoolTier(UserPoolTierType.ESSENTIALS)
                .userPoolAddOns(a -> a.advancedSecurityMode(AdvancedSecurityModeType.AUDIT))));
        assertThat(message(e)).isEqualTo(
                "The following features need to be disabled for the ESSENTIALS pricing tier configured: "
                        + "Threat Protection");
        String poolId = plusPool(AdvancedSecurityModeType.ENFORCED);
        assertThat(cognito.describeUserPool(b -> b.userPoolId(poolId)).userPool().userPoolAddOns()
                .advancedSecurityMode()).isEqualTo(AdvancedSecurityModeType.ENFORCED);
        var off = awsError("FeatureUnavailableInTierException", () -> cognito.updateUserPool(b -> b.userPoolId(poolId)
                .userPoolTier(UserPoolTierType.LITE)
                .userPoolAddOns(a -> a.advancedSecurityMode(AdvancedSecurityModeType.ENFORCED))));
        assertThat(message(off)).endsWith("for the LITE pricing tier configured: Threat Protection");
        newPool(b -> b.userPoolAddOns(a -> a.advancedSecurityMode(AdvancedSecurityModeType.OFF)));
    }

    @Test
    void riskConfigurationIsSetForThePoolAndInheritedOrOverriddenByClients() {
        String poolId = plusPool(AdvancedSecurityModeType.AUDIT);
        String clientId = passwordClient(poolId);
        RiskConfigurationType none = cognito.describeRiskConfiguration(b -> b.userPoolId(poolId)).riskConfiguration();
        assertThat(none.userPoolId()).isEqualTo(poolId);
        assertThat(none.compromisedCredentialsRiskConfiguration()).isNull();
        assertThat(none.lastModifiedDate()).isNull();

        AccountTakeoverActionType block = AccountTakeoverActionType.builder().sendNotification(false)
                .eventAction(AccountTakeoverEventActionType.BLOCK).build();
        RiskConfigurationType set = cognito.setRiskConfiguration(b -> b.userPoolId(poolId)
                .compromisedCredentialsRiskConfiguration(c -> c.actions(a -> a.eventAction(
                        CompromisedCredentialsEventActionType.BLOCK)))
                .accountTakeoverRiskConfiguration(a -> a.actions(AccountTakeoverActionsType.builder()
                        .highAction(block).build()))
                .riskExceptionConfiguration(r -> r.blockedIPRangeList("192.0.2.0/24"))).riskConfiguration();
        assertThat(set.lastModifiedDate()).isNotNull();
        assertThat(set.accountTakeoverRiskConfiguration().actions().highAction()).isEqualTo(block);
        assertThat(cognito.describeRiskConfiguration(b -> b.userPoolId(poolId)).riskConfiguration()).isEqualTo(set);
        RiskConfigurationType inherited = cognito.describeRiskConfiguration(b -> b.userPoolId(poolId)
                .clientId(clientId)).riskConfiguration();
        assertThat(inherited.clientId()).isEqualTo(clientId);
        assertThat(inherited.riskExceptionConfiguration().blockedIPRangeList()).containsExactly("192.0.2.0/24");

        blockList(poolId, clientId, List.of("198.51.100.7"), List.of());
        assertThat(cognito.describeRiskConfiguration(b -> b.userPoolId(poolId).clientId(clientId))
                .riskConfiguration().riskExceptionConfiguration().blockedIPRangeList()).containsExactly("198.51.100.7");
        assertThat(cognito.describeRiskConfiguration(b -> b.userPoolId(poolId)).riskConfiguration()
                .riskExceptionConfiguration().blockedIPRangeList()).containsExactly("192.0.2.0/24");

        // Only the ids: the client inherits the pool's again, the pool goes back to the defaults.
        cognito.setRiskConfiguration(b -> b.userPoolId(poolId).clientId(clientId));
        assertThat(cognito.describeRiskConfiguration(b -> b.userPoolId(poolId).clientId(clientId))
                .riskConfiguration().riskExceptionConfiguration().blockedIPRangeList()).containsExactly("192.0.2.0/24");
        RiskConfigurationType reset = cognito.setRiskConfiguration(b -> b.userPoolId(poolId)).riskConfiguration();
        assertThat(reset.riskExceptionConfiguration()).isNull();
        assertThat(cognito.describeRiskConfiguration(b -> b.userPoolId(poolId)).riskConfiguration()
                .riskExceptionConfiguration()).isNull();
    }

    @Test
    void setRiskConfigurationRefusals() {
        String off = newPool();
        var e = awsError("UserPoolAddOnNotEnabledException", () -> cognito.setRiskConfiguration(b -> b
                .userPoolId(off).riskExceptionConfiguration(r -> r.blockedIPRangeList("192.0.2.0/24"))));
        assertThat(message(e)).isEqualTo("Advanced security features are not enabled for user pool " + off + ".");
        String poolId = plusPool(AdvancedSecurityModeType.AUDIT);
        var client = awsError("ResourceNotFoundException", () -> cognito.setRiskConfiguration(b -> b
                .userPoolId(poolId).clientId("nosuchclient000000000000000")));
        assertThat(message(client)).isEqualTo("User pool client nosuchclient000000000000000 does not exist.");
        awsError("ResourceNotFoundException", () -> cognito.describeRiskConfiguration(b -> b.userPoolId(poolId)
                .clientId("nosuchclient000000000000000")));
        awsError("ResourceNotFoundException", () -> cognito.describeRiskConfiguration(b -> b.userPoolId(NO_POOL)));
        for (String bad : List.of("example.com", "192.0.2.0/33", "300.1.1.1", "192.0.2.0/", "2001:db8::/129")) {
            var cidr = awsError("InvalidParameterException", () -> blockList(poolId, null, List.of(bad), List.of()));
            assertThat(message(cidr)).isEqualTo("Invalid IP range " + bad
                    + ": an IP range must be given in CIDR notation.");
        }
        AccountTakeoverActionType notify = AccountTakeoverActionType.builder().sendNotification(true)
                .eventAction(AccountTakeoverEventActionType.MFA_IF_CONFIGURED).build();
        var notifyWithout = awsError("InvalidParameterException", () -> cognito.setRiskConfiguration(b -> b
                .userPoolId(poolId).accountTakeoverRiskConfiguration(a -> a.actions(AccountTakeoverActionsType
                        .builder().lowAction(notify).build()))));
        assertThat(message(notifyWithout)).isEqualTo(
                "NotifyConfiguration is required when an account takeover action notifies the user.");
        assertThat(cognito.describeRiskConfiguration(b -> b.userPoolId(poolId)).riskConfiguration()
                .riskExceptionConfiguration()).isNull();
    }

    @Test
    void signInsSignUpsAndResetsAreRecordedNewestFirst() {
        String poolId = plusPool(AdvancedSecurityModeType.AUDIT);
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "alice", CognitoTestSupport.Attributes.attr("email", "alice@example.com"),
                CognitoTestSupport.Attributes.attr("email_verified", "true"));
        signIn(poolId, clientId, "alice", PASSWORD, "203.0.113.5");
        awsError("NotAuthorizedException", () -> signIn(poolId, clientId, "alice", "wrong-Passw0rd", "203.0.113.6"));
        cognito.forgotPassword(b -> b.clientId(clientId).username("alice"));

        List<AuthEventType> events = events(poolId, "alice");
        assertThat(events).extracting(AuthEventType::eventTypeAsString)
                .containsExactly("ForgotPassword", "SignIn", "SignIn");
        AuthEventType failed = events.get(1);
        assertThat(failed.eventResponseAsString()).isEqualTo("Fail");
        assertThat(failed.challengeResponses()).containsExactly(ChallengeResponseType.builder()
                .challengeName("Password").challengeResponse("Failure").build());
        assertThat(failed.eventContextData().ipAddress()).isEqualTo("203.0.113.6");
        AuthEventType passed = events.get(2);
        assertThat(passed.eventResponseAsString()).isEqualTo("Pass");
        assertThat(passed.eventRisk().riskDecisionAsString()).isEqualTo("NoRisk");
        assertThat(passed.eventRisk().compromisedCredentialsDetected()).isFalse();
        assertThat(passed.challengeResponses()).containsExactly(ChallengeResponseType.builder()
                .challengeName("Password").challengeResponse("Success").build());
        assertThat(passed.eventContextData().ipAddress()).isEqualTo("203.0.113.5");
        assertThat(passed.creationDate()).isNotNull();
        assertThat(passed.eventFeedback()).isNull();

        cognito.signUp(b -> b.clientId(clientId).username("bob").password(PASSWORD));
        assertThat(events(poolId, "bob")).singleElement().satisfies(e -> {
            assertThat(e.eventTypeAsString()).isEqualTo("SignUp");
            assertThat(e.eventContextData().ipAddress()).isEqualTo("127.0.0.1");
        });
        assertThat(events(poolId, "alice")).hasSize(3);
    }

    @Test
    void passwordChangesAndResentCodesAreRecorded() {
        String poolId = plusPool(AdvancedSecurityModeType.AUDIT);
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "carol");
        String token = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "carol", "PASSWORD", PASSWORD))).authenticationResult()
                .accessToken();
        cognito.changePassword(b -> b.accessToken(token).previousPassword(PASSWORD).proposedPassword("N3w-Passw0rd!"));
        assertThat(events(poolId, "carol")).extracting(AuthEventType::eventTypeAsString)
                .containsExactly("PasswordChange", "SignIn");
        assertThat(events(poolId, "carol").get(0).eventResponseAsString()).isEqualTo("Pass");

        String verifying = newPool(b -> b.userPoolTier(UserPoolTierType.PLUS)
                .userPoolAddOns(a -> a.advancedSecurityMode(AdvancedSecurityModeType.AUDIT))
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
        String verifyingClient = passwordClient(verifying);
        cognito.signUp(b -> b.clientId(verifyingClient).username("dan").password(PASSWORD)
                .userAttributes(CognitoTestSupport.Attributes.attr("email", "dan@example.com")));
        cognito.resendConfirmationCode(b -> b.clientId(verifyingClient).username("dan"));
        assertThat(events(verifying, "dan")).extracting(AuthEventType::eventTypeAsString)
                .containsExactly("ResendCode", "SignUp");
    }

    @Test
    void eventsArePagedNewestFirst() {
        String poolId = plusPool(AdvancedSecurityModeType.AUDIT);
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "carol");
        for (int i = 0; i < 5; i++) {
            adminSignIn(poolId, clientId, "carol");
        }
        List<String> all = events(poolId, "carol").stream().map(AuthEventType::eventId).toList();
        assertThat(all).hasSize(5).doesNotHaveDuplicates();
        List<String> paged = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            AdminListUserAuthEventsResponse page = cognito.adminListUserAuthEvents(b -> b.userPoolId(poolId)
                    .username("carol").maxResults(2).nextToken(next));
            assertThat(page.authEvents().size()).isLessThanOrEqualTo(2);
            page.authEvents().forEach(e -> paged.add(e.eventId()));
            token = page.nextToken();
        } while (token != null);
        assertThat(paged).isEqualTo(all);
        var forged = awsError("InvalidParameterException", () -> cognito.adminListUserAuthEvents(b -> b
                .userPoolId(poolId).username("carol").nextToken("bm90LWEtdG9rZW4")));
        assertThat(message(forged)).isNotBlank();
    }

    @Test
    void listingNeedsThreatProtectionAndAUser() {
        String off = newPool();
        confirmedUser(off, "dave");
        var e = awsError("UserPoolAddOnNotEnabledException", () -> events(off, "dave"));
        assertThat(message(e)).isEqualTo("Advanced security features are not enabled for user pool " + off + ".");
        String poolId = plusPool(AdvancedSecurityModeType.AUDIT);
        var user = awsError("UserNotFoundException", () -> events(poolId, "nobody"));
        assertThat(message(user)).isEqualTo("User does not exist.");
        awsError("ResourceNotFoundException", () -> events(NO_POOL, "dave"));
    }

    @Test
    void enforcedModeRefusesAlwaysBlockedAddressesUnlessAlwaysAllowed() {
        String poolId = plusPool(AdvancedSecurityModeType.ENFORCED);
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "erin");
        blockList(poolId, null, List.of("192.0.2.0/24", "2001:db8::/32"), List.of("192.0.2.128/25"));

        var e = awsError("NotAuthorizedException", () -> signIn(poolId, clientId, "erin", PASSWORD, "192.0.2.10"));
        assertThat(message(e)).isEqualTo("Unable to login because of security reasons.");
        awsError("NotAuthorizedException", () -> signIn(poolId, clientId, "erin", PASSWORD, "2001:db8::1"));
        signIn(poolId, clientId, "erin", PASSWORD, "192.0.2.200");
        signIn(poolId, clientId, "erin", PASSWORD, "198.51.100.1");

        List<AuthEventType> events = events(poolId, "erin");
        assertThat(events).extracting(ev -> ev.eventRisk().riskDecisionAsString())
                .containsExactly("NoRisk", "NoRisk", "Block", "Block");
        assertThat(events.get(3).eventResponseAsString()).isEqualTo("Fail");
        assertThat(events.get(3).eventContextData().ipAddress()).isEqualTo("192.0.2.10");

        // A client's own list replaces the pool's for sign-ins through it.
        blockList(poolId, clientId, List.of("198.51.100.0/24"), List.of());
        signIn(poolId, clientId, "erin", PASSWORD, "192.0.2.10");
        awsError("NotAuthorizedException", () -> signIn(poolId, clientId, "erin", PASSWORD, "198.51.100.1"));
    }

    @Test
    void auditModeBlocksNothing() {
        String poolId = plusPool(AdvancedSecurityModeType.AUDIT);
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "fay");
        blockList(poolId, null, List.of("192.0.2.0/24"), List.of());
        signIn(poolId, clientId, "fay", PASSWORD, "192.0.2.10");
        assertThat(events(poolId, "fay")).singleElement()
                .satisfies(ev -> assertThat(ev.eventRisk().riskDecisionAsString()).isEqualTo("NoRisk"));
    }

    @Test
    void adminFeedbackIsKeptOnTheEvent() {
        String poolId = plusPool(AdvancedSecurityModeType.AUDIT);
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "gus");
        adminSignIn(poolId, clientId, "gus");
        String eventId = events(poolId, "gus").get(0).eventId();

        cognito.adminUpdateAuthEventFeedback(b -> b.userPoolId(poolId).username("gus").eventId(eventId)
                .feedbackValue(FeedbackValueType.INVALID));

        EventFeedbackType feedback = events(poolId, "gus").get(0).eventFeedback();
        assertThat(feedback.feedbackValue()).isEqualTo(FeedbackValueType.INVALID);
        assertThat(feedback.provider()).isEqualTo("Admin");
        assertThat(feedback.feedbackDate()).isNotNull();
        var unknown = awsError("ResourceNotFoundException", () -> cognito.adminUpdateAuthEventFeedback(b -> b
                .userPoolId(poolId).username("gus").eventId("no-such-event").feedbackValue(FeedbackValueType.VALID)));
        assertThat(message(unknown)).isEqualTo("Auth event no-such-event does not exist.");
        awsError("UserNotFoundException", () -> cognito.adminUpdateAuthEventFeedback(b -> b.userPoolId(poolId)
                .username("nobody").eventId(eventId).feedbackValue(FeedbackValueType.VALID)));
        String off = newPool();
        confirmedUser(off, "gus");
        awsError("UserPoolAddOnNotEnabledException", () -> cognito.adminUpdateAuthEventFeedback(b -> b
                .userPoolId(off).username("gus").eventId(eventId).feedbackValue(FeedbackValueType.VALID)));
    }

    @Test
    void userFeedbackNeedsTheEventsFeedbackToken() {
        String poolId = plusPool(AdvancedSecurityModeType.AUDIT);
        String clientId = passwordClient(poolId);
        confirmedUser(poolId, "hal");
        adminSignIn(poolId, clientId, "hal");
        String eventId = events(poolId, "hal").get(0).eventId();
        String sub = cognito.adminGetUser(b -> b.userPoolId(poolId).username("hal")).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        AuthEvent stored = store.read(poolId, pool -> pool.authEvent(sub, eventId));

        var wrong = awsError("NotAuthorizedException", () -> cognito.updateAuthEventFeedback(b -> b
                .userPoolId(poolId).username("hal").eventId(eventId).feedbackToken("not-the-token")
                .feedbackValue(FeedbackValueType.VALID)));
        assertThat(message(wrong)).isEqualTo("Invalid feedback token.");
        assertThat(events(poolId, "hal").get(0).eventFeedback()).isNull();

        cognito.updateAuthEventFeedback(b -> b.userPoolId(poolId).username("hal").eventId(eventId)
                .feedbackToken(stored.feedbackToken()).feedbackValue(FeedbackValueType.VALID));
        EventFeedbackType feedback = events(poolId, "hal").get(0).eventFeedback();
        assertThat(feedback.feedbackValue()).isEqualTo(FeedbackValueType.VALID);
        assertThat(feedback.provider()).isEqualTo("User");
    }

    @Test
    void aUserKeepsAtMostAHundredEvents() {
        String poolId = plusPool(AdvancedSecurityModeType.AUDIT);
        confirmedUser(poolId, "ivy");
        String sub = cognito.adminGetUser(b -> b.userPoolId(poolId).username("ivy")).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        String clientId = passwordClient(poolId);
        for (int i = 0; i < AuthEvent.MAX_PER_USER + 3; i++) {
            adminSignIn(poolId, clientId, "ivy");
        }
        int kept = store.read(poolId, pool -> {
            int n = 0;
            for (var it = pool.authEventsAfter(sub, null); it.hasNext(); it.next()) {
                n++;
            }
            return n;
        });
        assertThat(kept).isEqualTo(AuthEvent.MAX_PER_USER);
    }
}
