package dev.cognitoemulator.operations.accounts;

import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.AttributeRules;
import dev.cognitoemulator.domain.Attributes;
import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.Credentials;
import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.Passwords;
import dev.cognitoemulator.domain.ThreatProtection;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.domain.UserStatus;
import dev.cognitoemulator.domain.Usernames;
import dev.cognitoemulator.domain.VerificationCode;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.messages.Templates;
import dev.cognitoemulator.model.SignUpRequest;
import dev.cognitoemulator.model.SignUpResponse;
import dev.cognitoemulator.operations.users.Users;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.signin.AutoSignIn;
import dev.cognitoemulator.triggers.Triggers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user signs themself up: UNCONFIRMED, with the password (checked against the policy) and attributes (checked
 * against the schema, required ones included, and the client's WriteAttributes), under the pool's username rules.
 * When the pool verifies an attribute the user gave, a code goes to it ({@link Accounts#signUpTarget}) for
 * ConfirmSignUp. A client that allows USER_AUTH is answered a {@code Session} for ConfirmSignUp ({@link AutoSignIn}).
 * The pool's PreSignUp trigger runs first, outside the lock: it may refuse, confirm the user at once (no code then,
 * and a USER_AUTH session that signs in) or verify the email address or phone number given.
 */
public final class SignUp implements Operation<SignUpRequest, SignUpResponse> {

    @Override
    public SignUpResponse execute(SignUpRequest request, Call call) {
        String poolId = Accounts.poolOf(call, request.clientId());
        AppClient client = call.read(poolId,
                pool -> Accounts.client(pool, request.clientId(), request.secretHash(), request.username()));
        UserPool pool = call.store().pool(poolId);
        if (pool.settings().allowAdminCreateUserOnly()) {
            // Captured: cognito-errors.md section 8.
            throw new CognitoException(ErrorCode.NotAuthorizedException, "SignUp is not permitted for this user pool");
        }
        Usernames.Identity identity = Usernames.identify(pool, request.username(),
                Users.toMap(request.userAttributes()), call.random().uuid());
        Accounts.requireWritable(client, identity.values().keySet());
        Accounts.Target target = Accounts.signUpTarget(pool, Attributes.of(identity.values()));
        Credentials credentials = credentials(pool, client, request, identity, target, call);
        Accounts.requireLinkDomain(pool, target);
        Triggers.SignUpDecision decision = call.services().triggers().preSignUp(pool, client,
                Triggers.PRE_SIGN_UP_SIGN_UP, identity.username(), identity.values(),
                request.validationData() == null ? null : Users.toMap(request.validationData()),
                request.clientMetadata());
        Map<String, String> values = decision.verified(identity.values());
        Created signedUp = call.write(poolId, users -> {
            UserPool current = users.pool();
            if (users.byUsernameKey(UserLookup.usernameKey(current, identity.username())) != null) {
                // Captured: floci fixture sign-up.error.username-exists (against an UNCONFIRMED user).
                throw new CognitoException(ErrorCode.UsernameExistsException, "User already exists");
            }
            AttributeRules.forSignUp(current, identity.values());
            Map<String, String> all = new LinkedHashMap<>();
            all.put("sub", identity.sub());
            all.putAll(values);
            User created = new User(identity.username(), identity.sub(), Attributes.of(all),
                    decision.autoConfirmUser() ? UserStatus.CONFIRMED : UserStatus.UNCONFIRMED, true, call.now(),
                    call.now(), credentials, List.of(), MfaSettings.NONE);
            UserLookup.AliasConflict conflict = UserLookup.aliasConflict(users, created);
            if (conflict != null) {
                // Only a username attribute is an alias before confirmation (captured: cognito-errors.md 6).
                throw new CognitoException(ErrorCode.UsernameExistsException, conflict.message());
            }
            users.put(created);
            if (ThreatProtection.recording(current)) {
                users.putAuthEvent(ThreatProtection.event(call.random(), created, "SignUp", "Pass", false, List.of(),
                        call.sourceIp(), call.now()));
            }
            VerificationCode code = target == null || decision.autoConfirmUser() ? null : Accounts.newCode(call,
                    created, VerificationCode.SIGN_UP, target, Accounts.SIGN_UP_VALIDITY, null);
            if (code != null) {
                users.putCode(code);
            }
            AuthSession session = decision.autoConfirmUser()
                    ? AutoSignIn.confirmed(client, created, call.now(), call.random())
                    : AutoSignIn.signedUp(client, created, call.now().plus(Accounts.SIGN_UP_VALIDITY),
                            call.random());
            if (session != null) {
                users.putSession(session);
            }
            return new Created(current, created, code, session == null ? null : session.id());
        });
        SignUpResponse.Builder response = SignUpResponse.builder().userConfirmed(decision.autoConfirmUser())
                .userSub(signedUp.user().sub()).session(signedUp.session());
        if (signedUp.code() != null) {
            String code = signedUp.code().code();
            Accounts.send(call, signedUp.pool(), signedUp.user(), client, target, "SignUp", code, null,
                    Templates.verification(signedUp.pool().settings(), target.medium(), code, null),
                    request.clientMetadata());
            response.codeDeliveryDetails(target.details());
        }
        return response.build();
    }

    private record Created(UserPool pool, User user, VerificationCode code, String session) {
    }

    /**
     * The password, checked against the policy, made into credentials before the write (it costs milliseconds). A
     * sign-up may leave it out only where the pool and client allow passwordless sign-in and the code goes to the
     * one-time-password attribute (documented: signing-up-users-in-your-app.html, "Passwords at sign-up"); the text
     * for a missing one is the answer of the model's required member before passwordless sign-in (unconfirmed).
     */
    private static Credentials credentials(UserPool pool, AppClient client, SignUpRequest request,
            Usernames.Identity identity, Accounts.Target target, Call call) {
        String password = request.password();
        if (password == null) {
            if (passwordless(pool, client, target)) {
                return null;
            }
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "1 validation error detected: Value null at 'password' failed to satisfy constraint: "
                            + "Member must not be null");
        }
        Passwords.check(pool.settings().passwordPolicy(), password, Passwords.USER_PREFIX);
        return Credentials.of(pool.id(), identity.username(), password, call.random());
    }

    private static boolean passwordless(UserPool pool, AppClient client, Accounts.Target target) {
        List<String> factors = pool.settings().allowedFirstAuthFactors();
        return target != null && client.allows("ALLOW_USER_AUTH", null)
                && factors.contains(UserLookup.PHONE.equals(target.attribute()) ? "SMS_OTP" : "EMAIL_OTP");
    }
}
