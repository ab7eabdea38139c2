package dev.cognitoemulator.signin;

import dev.cognitoemulator.domain.AuthSession;
import dev.cognitoemulator.domain.ChallengeState;
import dev.cognitoemulator.domain.Device;
import dev.cognitoemulator.domain.MfaSettings;
import dev.cognitoemulator.domain.PoolWrite;
import dev.cognitoemulator.domain.ThreatProtection;
import dev.cognitoemulator.domain.User;
import dev.cognitoemulator.domain.UserLookup;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.UserPoolMfaType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * MFA after a first factor (a password or its SRP proof, a new password): which challenge the pool and the user
 * call for, opening it, and what every MFA answer shares (its refusals, its success). A pool with MFA {@code OFF}
 * asks for none; {@code OPTIONAL} only of users with a method on; {@code ON} of everyone: a user with no method gets
 * SMS_MFA when SMS MFA is on and the user has a phone number, else MFA_SETUP. One method is asked for, the preferred
 * one of several, or SELECT_MFA_TYPE lets the user choose (documented: SetUserMFAPreference). A remembered device
 * skips MFA (documented: SMSMfaSettingsType, "unless device tracking is turned on and the device has been trusted"):
 * its sign-in goes to DEVICE_SRP_AUTH instead ({@link PasswordOutcome}).
 */
final class SecondFactor {

    /** Wrong codes a challenge's session takes; the last one spends it (unconfirmed: AWS documents no number). */
    static final int MAX_FAILURES = 3;

    /** The challenge to open, and the methods it offers (SELECT_MFA_TYPE's, MFA_SETUP's), in Cognito's order. */
    record Need(String challenge, List<String> methods) {
    }

    private SecondFactor() {
    }

    /** The MFA challenge a sign-in of {@code user} calls for after its first factor; null for none. */
    static Need need(UserPool pool, User user) {
        String mode = pool.settings().mfaConfiguration();
        if (UserPoolMfaType.OFF.equals(mode)) {
            return null;
        }
        List<String> usable = new ArrayList<>();
        for (String method : user.mfa().enabled()) {
            if (pool.factors().allows(method) && usable(user, method)) {
                usable.add(method);
            }
        }
        if (usable.isEmpty()) {
            if (!UserPoolMfaType.ON.equals(mode)) {
                return null;
            }
            if (pool.factors().smsMfa() && usable(user, MfaSettings.SMS)) {
                return new Need(MfaSettings.SMS, List.of());
            }
            return new Need(MfaSetupChallenge.NAME,
                    MfaSettings.METHODS.stream().filter(pool.factors()::allows).toList());
        }
        if (usable.size() == 1) {
            return new Need(usable.get(0), List.of());
        }
        String preferred = user.mfa().preferred();
        if (preferred != null && usable.contains(preferred)) {
            return new Need(preferred, List.of());
        }
        return new Need(SelectMfaChallenge.NAME, usable);
    }

    /** Whether the user has what the method needs: a phone number, an e-mail address, a verified token. */
    static boolean usable(User user, String method) {
        return switch (method) {
            case MfaSettings.SMS -> user.attributes().has(UserLookup.PHONE);
            case MfaSettings.EMAIL -> user.attributes().has(UserLookup.EMAIL);
            case MfaSettings.SOFTWARE_TOKEN -> user.mfa().token() != null;
            default -> false;
        };
    }

    /**
     * Opens the challenge: its session written with {@code change} (null for none) unless the user changed since
     * {@code read} (then null: the sign-in starts over). {@code user} is who signs in, as the write leaves it.
     */
    static AuthResult open(SignIn signIn, SignIn.Read read, User user, Attempt attempt, Need need,
            Consumer<PoolWrite> change) {
        String deviceKey = attempt.parameter("DEVICE_KEY");
        return switch (need.challenge()) {
            case MfaSettings.SMS -> CodeChallenge.open(signIn, read, user, attempt, CodeChallenge.Kind.SMS_MFA,
                    deviceKey, change);
            case MfaSettings.EMAIL -> CodeChallenge.open(signIn, read, user, attempt, CodeChallenge.Kind.EMAIL_OTP,
                    deviceKey, change);
            case MfaSettings.SOFTWARE_TOKEN -> SoftwareTokenChallenge.open(signIn, read, user, attempt, deviceKey,
                    change);
            case SelectMfaChallenge.NAME -> SelectMfaChallenge.open(signIn, read, user, attempt, need.methods(),
                    deviceKey, change);
            default -> MfaSetupChallenge.open(signIn, read, user, attempt, need.methods(), deviceKey, change);
        };
    }

    /** Writes {@code change} and a new session in one go, unless the user changed since {@code read}. */
    static boolean commit(SignIn signIn, SignIn.Read read, Consumer<PoolWrite> change, AuthSession session) {
        return signIn.commit(read, pool -> {
            if (change != null) {
                change.accept(pool);
            }
            pool.putSession(session);
        });
    }

    /**
     * The MFA answered: the session spent, {@code signedIn} (the user as the answer leaves it) put in place, and
     * the tokens; null when the user changed since {@code read}.
     */
    static AuthResult passed(SignIn signIn, SignIn.Read read, User signedIn, Attempt attempt, AuthSession session,
            Device device) {
        SignIn.Read after = new SignIn.Read(read.pool(), read.client(), signedIn, read.groups());
        SignIn.Success success = signIn.success(after, attempt, device,
                List.of(ThreatProtection.password(true), ThreatProtection.mfa(true)));
        boolean committed = signIn.commit(read, device, pool -> {
            if (pool.session(session.id()) != session) {
                throw SignIn.invalidSession();
            }
            pool.removeSession(session.id());
            if (signedIn != read.user()) {
                pool.put(signedIn);
            }
            success.write(pool);
        });
        return committed ? signIn.finish(success, attempt) : null;
    }

    /**
     * A wrong code: counted in the session ({@code failed}, the state one failure on), or on the last allowed
     * one the session spent; then {@code refusal}. Nothing is written when the session went meanwhile.
     */
    static CognitoException refuse(SignIn signIn, String poolId, AuthSession session, ChallengeState failed,
            int failures, CognitoException refusal) {
        signIn.store().write(poolId, pool -> {
            if (pool.session(session.id()) == session) {
                if (failures >= MAX_FAILURES) {
                    pool.removeSession(session.id());
                } else {
                    pool.putSession(new AuthSession(session.id(), session.clientId(), session.sub(), failed,
                            session.expires()));
                }
            }
            return null;
        });
        return refusal;
    }

    /** Captured: aws-amplify/amplify-js#11069 and #3066 (raw answers to SMS_MFA; the TOTP challenge's is the same). */
    static CognitoException codeMismatch() {
        return new CognitoException(ErrorCode.CodeMismatchException, "Invalid code or auth state for the user.");
    }
}
