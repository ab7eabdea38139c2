package dev.cognitoemulator.hostedui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cognitoemulator.auth.HttpRequestView;
import dev.cognitoemulator.domain.AppClient;
import dev.cognitoemulator.domain.OAuthSettings;
import dev.cognitoemulator.domain.Randomness;
import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.UserPool;
import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.model.Json;
import dev.cognitoemulator.model.ServiceOperations;
import dev.cognitoemulator.oauth.AuthorizationError;
import dev.cognitoemulator.oauth.AuthorizationRequest;
import dev.cognitoemulator.oauth.AuthorizeEndpoint;
import dev.cognitoemulator.oauth.Authorizations;
import dev.cognitoemulator.oauth.FederatedSignIn;
import dev.cognitoemulator.protocol.Dispatcher;
import dev.cognitoemulator.signin.Attempt;
import dev.cognitoemulator.signin.AuthResult;
import dev.cognitoemulator.signin.MfaSetupChallenge;
import dev.cognitoemulator.signin.SecretHash;
import dev.cognitoemulator.signin.SignIn;
import dev.cognitoemulator.store.UserPoolStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosted UI's pages (documented: developer guide, "User pool endpoints and managed login reference"): the login
 * form and the steps of a sign-in after it (MFA code, MFA choice, new password, authenticator setup), sign-up and its
 * confirmation, forgot password and its confirmation, logout, and the error page. Each page reads its authorization
 * request from its query with the authorization endpoint's own checks; each form is protected by the
 * {@value #CSRF_FIELD} field and the {@value #CSRF_COOKIE} cookie, which must match (captured: the hosted UI's
 * login form posts {@code _csrf} beside an {@code XSRF-TOKEN} cookie, aws-amplify/amplify-js#6236). Sign-in goes
 * through {@link SignIn} as the API's does; sign-up and password recovery through the API's own operations
 * ({@link Dispatcher}, validation included), the client's secret hash made here as an app holding the secret would:
 * no rule is written twice, and the texts a page shows are the API's.
 */
public final class HostedUi {

    public static final String CSRF_COOKIE = "XSRF-TOKEN";
    public static final String CSRF_FIELD = "_csrf";
    /** The text of Cognito's error page (captured: aws-amplify/amplify-js#755). */
    static final String ERROR_PAGE = "An error was encountered with the requested page.";

    /**
     * A request to a page: its query and form parameters, its cookies, the client's address, whether it came over
     * HTTPS (cookies are then {@code Secure}), its request id and time.
     */
    public record Request(Map<String, String> query, Map<String, String> form, Map<String, String> cookies,
            String sourceIp, boolean secure, String requestId, Instant now) {

        String query(String name) {
            return blankToNull(query.get(name));
        }

        String form(String name) {
            return blankToNull(form.get(name));
        }

        private static String blankToNull(String value) {
            return value == null || value.isEmpty() ? null : value;
        }
    }

    /** A cookie to set; {@code maxAgeSeconds} 0 deletes it, -1 makes it last the browser session. */
    public record Cookie(String name, String value, long maxAgeSeconds) {
    }

    /** A page ({@code html}) or a redirect ({@code location}, status 302), with the cookies to set. */
    public record Answer(int status, String location, String html, List<Cookie> cookies) {

        static Answer page(int status, String html, List<Cookie> cookies) {
            return new Answer(status, null, html, cookies);
        }

        static Answer redirect(String location, List<Cookie> cookies) {
            return new Answer(302, location, null, cookies);
        }
    }

    private final UserPoolStore store;
    private final SignIn signIn;
    private final Dispatcher api;
    private final AuthorizeEndpoint authorize;
    private final Authorizations authorizations;
    private final FederatedSignIn federation;
    private final Randomness random;

    public HostedUi(UserPoolStore store, SignIn signIn, Dispatcher api, AuthorizeEndpoint authorize,
            Authorizations authorizations, FederatedSignIn federation, Randomness random) {
        this.store = store;
        this.signIn = signIn;
        this.api = api;
        this.authorize = authorize;
        this.authorizations = authorizations;
        this.federation = federation;
        this.random = random;
    }

    // --- the authorization endpoint and the error page -----------------------------------------------------------

    /** {@code GET /oauth2/authorize}: a redirect to the client (single sign-on), a provider, or the login page. */
    public Answer authorize(Request r) {
        try {
            AuthorizeEndpoint.Outcome outcome = authorize.authorize(r.query(),
                    r.cookies().get(Authorizations.SESSION_COOKIE), r.now());
            if (outcome instanceof AuthorizeEndpoint.ShowLogin login) {
                return Answer.redirect(Html.url("/login", login.request().query()), List.of());
            }
            AuthorizeEndpoint.Redirect redirect = (AuthorizeEndpoint.Redirect) outcome;
            return Answer.redirect(redirect.location(), sessionCookies(redirect.session()));
        } catch (AuthorizationError e) {
            return refused(e);
        }
    }

    /**
     * {@code GET /oauth2/idpresponse} (the provider's redirect) and {@code POST} (its {@code form_post}, as Sign in
     * with Apple answers): the federated sign-in finished, a redirect to the app with the single sign-on session, or
     * its refusal (a redirect to the app with the error, or the error page when there is no app to tell).
     */
    public Answer idpResponse(Request r) {
        Map<String, String> answer = new LinkedHashMap<>(r.query());
        r.form().forEach(answer::putIfAbsent);
        try {
            Authorizations.Completion done = federation.complete(answer, r.now());
            return Answer.redirect(done.location(), sessionCookies(done.session()));
        } catch (AuthorizationError e) {
            return refused(e);
        }
    }

    /** {@code GET /error}: Cognito's error page, the error's name under its text. */
    public Answer error(Request r) {
        Html page = Html.page("Error").message(ERROR_PAGE, true);
        if (r.query("error") != null) {
            page.paragraph("error: " + r.query("error"));
        }
        if (r.query("error_description") != null) {
            page.paragraph(r.query("error_description"));
        }
        return Answer.page(400, page.render(null), List.of());
    }

    private static Answer refused(AuthorizationError e) {
        if (e.location() != null) {
            return Answer.redirect(e.location(), List.of());
        }
        Map<String, String> q = new LinkedHashMap<>();
        q.put("error", e.error());
        if (e.clientId() != null) {
            q.put("client_id", e.clientId());
        }
        if (e.description() != null) {
            q.put("error_description", e.description());
        }
        return Answer.redirect(Html.url("/error", q), List.of());
    }

    // --- sign-in ---------------------------------------------------------------------------------------------------

    /** {@code GET /login}: the sign-in form. */
    public Answer loginPage(Request r) {
        return withRequest(r, false, (request, csrf) -> loginForm(request, r, csrf, null, null));
    }

    /** {@code POST /login}: the username and password; then the tokens' redirect, or the next step's page. */
    public Answer login(Request r) {
        return withRequest(r, true, (request, csrf) -> {
            String username = r.form("username");
            String password = r.form("password");
            if (username == null || password == null) {
                return loginForm(request, r, csrf, "Please enter your username and password.", null);
            }
            AppClient client = client(request);
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("USERNAME", username);
            parameters.put("PASSWORD", password);
            putSecretHash(parameters, client, username);
            try {
                return next(request, r, csrf, username,
                        signIn.hostedSignIn(attempt(request, r, parameters)));
            } catch (CognitoException e) {
                if (e.code() == ErrorCode.UserNotConfirmedException) {
                    return resendAndConfirm(request, r, csrf, client, username);
                }
                if (e.code() == ErrorCode.PasswordResetRequiredException) {
                    return forgotPasswordStart(request, r, csrf, client, username);
                }
                return loginForm(request, r, csrf, e.getMessage(), null);
            }
        });
    }

    /** {@code POST /mfa}: a code (SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA) or the choice of SELECT_MFA_TYPE. */
    public Answer mfa(Request r) {
        return withRequest(r, true, (request, csrf) -> step(request, r, csrf, (challenge, parameters) -> {
            switch (challenge) {
                case "SMS_MFA" -> parameters.put("SMS_MFA_CODE", required(r, "code"));
                case "EMAIL_OTP" -> parameters.put("EMAIL_OTP_CODE", required(r, "code"));
                case "SOFTWARE_TOKEN_MFA" -> parameters.put("SOFTWARE_TOKEN_MFA_CODE", required(r, "code"));
                case "SELECT_MFA_TYPE" -> parameters.put("ANSWER", required(r, "answer"));
                default -> throw new CognitoException(ErrorCode.InvalidParameterException,
                        "The hosted UI cannot answer " + challenge + " here.");
            }
            return challenge;
        }));
    }

    /** {@code POST /forceChangePassword}: NEW_PASSWORD_REQUIRED's new password and the attributes it asks for. */
    public Answer newPassword(Request r) {
        return withRequest(r, true, (request, csrf) -> step(request, r, csrf, (challenge, parameters) -> {
            parameters.put("NEW_PASSWORD", required(r, "password"));
            r.form().forEach((name, value) -> {
                if (name.startsWith(ATTRIBUTE_FIELD) && !value.isEmpty()) {
                    parameters.put("userAttributes." + name.substring(ATTRIBUTE_FIELD.length()), value);
                }
            });
            return "NEW_PASSWORD_REQUIRED";
        }));
    }

    /**
     * {@code POST /mfaSetup}: MFA_SETUP with an authenticator app: the code it shows verified
     * (VerifySoftwareToken's rules), then MFA_SETUP answered.
     */
    public Answer mfaSetup(Request r) {
        return withRequest(r, true, (request, csrf) -> step(request, r, csrf, (challenge, parameters) -> {
            String session = signIn.verifySoftwareToken(r.form("session"), required(r, "code"),
                    r.form("deviceName"), r.now());
            parameters.put(SESSION, session);
            return "MFA_SETUP";
        }));
    }

    /** What a step's form adds to the challenge's answer; answers the challenge's name. */
    private interface Answering {
        String answer(String challenge, Map<String, String> parameters);
    }

    /**
     * A step after the password: the form's session, username and challenge answered with {@link SignIn#respond},
     * as RespondToAuthChallenge would. A wrong code shows the step again with Cognito's text; a session that is
     * gone, the login form with it.
     */
    private Answer step(AuthorizationRequest request, Request r, String csrf, Answering answering) {
        String username = r.form("username");
        String challenge = r.form("challenge");
        String session = r.form(SESSION);
        if (username == null || challenge == null || session == null) {
            return loginForm(request, r, csrf, "Your sign-in session is incomplete; please sign in again.", null);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("USERNAME", username);
        putSecretHash(parameters, client(request), username);
        try {
            String answered = answering.answer(challenge, parameters);
            String sessionId = parameters.remove(SESSION);
            AuthResult result = signIn.respond(answered, sessionId == null ? session : sessionId,
                    attempt(request, r, parameters));
            return next(request, r, csrf, username, result);
        } catch (CognitoException e) {
            if (e.code() == ErrorCode.NotAuthorizedException && e.getMessage().startsWith("Invalid session")) {
                return loginForm(request, r, csrf, e.getMessage(), null);
            }
            Map<String, String> again = new LinkedHashMap<>();
            r.form().forEach((name, value) -> {
                if (STEP_FIELDS.contains(name)) {
                    again.put(name, value);
                }
            });
            return stepPage(request, r, csrf, challenge, again, e.getMessage());
        }
    }

    private static final String SESSION = "session";
    private static final String ATTRIBUTE_FIELD = "requiredAttributes.";
    /** The hidden fields a step's page carries to its next post. */
    private static final List<String> STEP_FIELDS = List.of("username", "challenge", SESSION, "secret",
            "mfaOptions", "destination", "requiredAttributesList");

    /** The outcome of a sign-in step: the redirect back to the client, or the page of the next challenge. */
    private Answer next(AuthorizationRequest request, Request r, String csrf, String username, AuthResult result) {
        if (result.authenticated() != null) {
            Authorizations.Completion done = authorizations.complete(request, result.authenticated(), r.now());
            return Answer.redirect(done.location(), sessionCookies(done.session()));
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put("username", username);
        hidden.put("challenge", result.challengeName());
        hidden.put(SESSION, result.session());
        Map<String, String> p = result.challengeParameters();
        switch (result.challengeName()) {
            case "SMS_MFA", "EMAIL_OTP" -> hidden.put("destination", p.get("CODE_DELIVERY_DESTINATION"));
            case "SELECT_MFA_TYPE" -> hidden.put("mfaOptions", p.get("MFAS_CAN_CHOOSE"));
            case "NEW_PASSWORD_REQUIRED" -> hidden.put("requiredAttributesList", p.get("requiredAttributes"));
            case "MFA_SETUP" -> {
                if (p.get("MFAS_CAN_SETUP") == null || !p.get("MFAS_CAN_SETUP").contains("SOFTWARE_TOKEN_MFA")) {
                    return loginForm(request, r, csrf, "This user must set up MFA by "
                            + p.get("MFAS_CAN_SETUP") + ", which the emulator's hosted UI does not offer: an"
                            + " authenticator app (SOFTWARE_TOKEN_MFA) is the one it sets up.", null);
                }
                MfaSetupChallenge.Associated associated = signIn.associateSoftwareToken(result.session(), r.now());
                hidden.put(SESSION, associated.session());
                hidden.put("secret", associated.secretCode());
            }
            case "SOFTWARE_TOKEN_MFA" -> { }
            default -> {
                return loginForm(request, r, csrf, "The sign-in step " + result.challengeName()
                        + " is not one the hosted UI offers; sign in through the API for it.", null);
            }
        }
        return stepPage(request, r, csrf, result.challengeName(), hidden, null);
    }

    /** The page of a challenge, with the hidden fields that carry the sign-in on. */
    private Answer stepPage(AuthorizationRequest request, Request r, String csrf, String challenge,
            Map<String, String> hidden, String error) {
        Map<String, String> query = request.query();
        Html page;
        switch (challenge) {
            case "SMS_MFA", "EMAIL_OTP", "SOFTWARE_TOKEN_MFA" -> {
                page = Html.page("Multi-factor authentication").message(error, true);
                page.paragraph(challenge.equals("SOFTWARE_TOKEN_MFA")
                        ? "Enter the code from your authenticator app."
                        : "We have sent a code to " + hidden.getOrDefault("destination", "you") + ". Enter it below.");
                page.form("/mfa", query, csrf, hidden).field("code", "Code", "text", "one-time-code", true)
                        .submit("Sign in");
            }
            case "SELECT_MFA_TYPE" -> {
                page = Html.page("Choose how to verify").message(error, true);
                page.form("/mfa", query, csrf, hidden);
                boolean first = true;
                for (String option : jsonList(hidden.get("mfaOptions"))) {
                    page.choice("answer", option, MFA_NAMES.getOrDefault(option, option), first);
                    first = false;
                }
                page.submit("Continue");
            }
            case "NEW_PASSWORD_REQUIRED" -> {
                page = Html.page("Change password").message(error, true)
                        .paragraph("Please enter a new password.");
                page.form("/forceChangePassword", query, csrf, hidden)
                        .field("password", "New password", "password", "new-password", true);
                for (String attribute : jsonList(hidden.get("requiredAttributesList"))) {
                    String name = attribute.startsWith("userAttributes.")
                            ? attribute.substring("userAttributes.".length()) : attribute;
                    page.field(ATTRIBUTE_FIELD + name, name, "text", "off", true);
                }
                page.submit("Send");
            }
            default -> {
                String secret = hidden.get("secret");
                page = Html.page("Set up an authenticator app").message(error, true)
                        .paragraph("Add this key to your authenticator app, then enter the code it shows.")
                        .code("secret", "Secret key:", secret)
                        .code("otpauth", "Or this URI:", "otpauth://totp/" + encode(hidden.get("username"))
                                + "?secret=" + secret + "&issuer=" + encode("cognito-emulator"));
                page.form("/mfaSetup", query, csrf, hidden)
                        .field("code", "Code", "text", "one-time-code", true)
                        .field("deviceName", "Device name (optional)", "text", "off", false)
                        .submit("Verify");
            }
        }
        return Answer.page(200, page.render(request.lang()), List.of());
    }

    private static final Map<String, String> MFA_NAMES = Map.of("SMS_MFA", "Text message (SMS)",
            "SOFTWARE_TOKEN_MFA", "Authenticator app", "EMAIL_OTP", "Email");

    private Answer loginForm(AuthorizationRequest request, Request r, String csrf, String error, String notice) {
        Map<String, String> query = request.query();
        Html page = Html.page("Sign in").message(error, true).message(notice, false);
        page.form("/login", query, csrf, Map.of())
                .field("username", "Username", "text", "username", true)
                .field("password", "Password", "password", "current-password", true)
                .submit("Sign in")
                .link("/forgotPassword", query, "Forgot your password?");
        if (!poolOf(request).settings().allowAdminCreateUserOnly()) {
            page.link("/signup", query, "Need an account? Sign up");
        }
        for (String provider : externalProviders(request)) {
            // The hosted UI's buttons for the client's other providers ("Continue with Google", or the provider's
            // name), each the authorization endpoint with identity_provider (documented: developer guide,
            // authorization endpoint, identity_provider "to ... bypass the login page").
            Map<String, String> withProvider = new LinkedHashMap<>(query);
            withProvider.put("identity_provider", provider);
            page.link("/oauth2/authorize", withProvider, "Continue with " + provider);
        }
        return Answer.page(200, page.render(request.lang()), List.of());
    }

    // --- sign-up and its confirmation ------------------------------------------------------------------------------

    /** {@code GET /signup}: the sign-up form: username (or the pool's username attribute), password, attributes. */
    public Answer signUpPage(Request r) {
        return withRequest(r, false, (request, csrf) -> signUpForm(request, csrf, null));
    }

    /** {@code POST /signup}: SignUp, then the confirmation page (or the login page when no code is needed). */
    public Answer signUp(Request r) {
        return withRequest(r, true, (request, csrf) -> {
            AppClient client = client(request);
            String username = r.form("username");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ClientId", client.clientId());
            body.put("Username", username == null ? "" : username);
            body.put("Password", r.form("password") == null ? "" : r.form("password"));
            List<Map<String, String>> attributes = new ArrayList<>();
            r.form().forEach((name, value) -> {
                if (name.startsWith(ATTRIBUTE_FIELD) && !value.isEmpty()) {
                    attributes.add(Map.of("Name", name.substring(ATTRIBUTE_FIELD.length()), "Value", value));
                }
            });
            body.put("UserAttributes", attributes);
            putSecretHashMember(body, client, username);
            JsonNode answer;
            try {
                answer = call("SignUp", body, r);
            } catch (CognitoException e) {
                return signUpForm(request, csrf, e.getMessage());
            }
            if (answer.path("UserConfirmed").asBoolean(false)) {
                return loginForm(request, r, csrf, null, "Your account is confirmed. Please sign in.");
            }
            return confirmForm(request, csrf, username, destination(answer), null);
        });
    }

    /** {@code GET /confirm?username=...}: the confirmation form. */
    public Answer confirmPage(Request r) {
        return withRequest(r, false, (request, csrf) -> confirmForm(request, csrf, r.query("username"), null, null));
    }

    /** {@code POST /confirm}: ConfirmSignUp with the code; then the login page. */
    public Answer confirm(Request r) {
        return withRequest(r, true, (request, csrf) -> {
            AppClient client = client(request);
            String username = r.form("username");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ClientId", client.clientId());
            body.put("Username", username == null ? "" : username);
            body.put("ConfirmationCode", r.form("code") == null ? "" : r.form("code"));
            putSecretHashMember(body, client, username);
            try {
                call("ConfirmSignUp", body, r);
            } catch (CognitoException e) {
                return confirmForm(request, csrf, username, null, e.getMessage());
            }
            return loginForm(request, r, csrf, null, "Your account is confirmed. Please sign in.");
        });
    }

    /** A user who signs in before confirming gets a new code and the confirmation page, as Cognito's UI does. */
    private Answer resendAndConfirm(AuthorizationRequest request, Request r, String csrf, AppClient client,
            String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClientId", client.clientId());
        body.put("Username", username);
        putSecretHashMember(body, client, username);
        try {
            return confirmForm(request, csrf, username, destination(call("ResendConfirmationCode", body, r)), null);
        } catch (CognitoException e) {
            return loginForm(request, r, csrf, e.getMessage(), null);
        }
    }

    private Answer signUpForm(AuthorizationRequest request, String csrf, String error) {
        UserPool pool = poolOf(request);
        Html page = Html.page("Sign up").message(error, true);
        page.form("/signup", request.query(), csrf, Map.of());
        List<String> usernameAttributes = pool.usernameAttributes();
        String usernameLabel = usernameAttributes.isEmpty() ? "Username"
                : usernameAttributes.contains("email") ? "Email" : "Phone number";
        page.field("username", usernameLabel, usernameAttributes.isEmpty() ? "text"
                : usernameAttributes.contains("email") ? "email" : "tel", "username", true);
        for (SchemaAttribute attribute : pool.schema()) {
            boolean asked = attribute.required() || (pool.settings().autoVerifiedAttributes()
                    .contains(attribute.name()));
            if (asked && !attribute.name().equals("sub") && !usernameAttributes.contains(attribute.name())
                    && !attribute.developerOnly()) {
                page.field(ATTRIBUTE_FIELD + attribute.name(), attribute.name(), attribute.name().equals("email")
                        ? "email" : attribute.name().equals("phone_number") ? "tel" : "text", "off",
                        attribute.required());
            }
        }
        page.field("password", "Password", "password", "new-password", true).submit("Sign up")
                .link("/login", request.query(), "Already have an account? Sign in");
        return Answer.page(200, page.render(request.lang()), List.of());
    }

    private Answer confirmForm(AuthorizationRequest request, String csrf, String username, String destination,
            String error) {
        Html page = Html.page("Confirm your account").message(error, true);
        if (destination != null) {
            page.paragraph("We have sent a code to " + destination + ". Enter it below to confirm your account.");
        }
        page.form("/confirm", request.query(), csrf, username == null ? Map.of() : Map.of("username", username));
        if (username == null) {
            page.field("username", "Username", "text", "username", true);
        }
        return Answer.page(200, page.field("code", "Verification code", "text", "one-time-code", true)
                .submit("Confirm account").render(request.lang()), List.of());
    }

    // --- forgot password -------------------------------------------------------------------------------------------

    /** {@code GET /forgotPassword}: the username whose password to reset. */
    public Answer forgotPasswordPage(Request r) {
        return withRequest(r, false, (request, csrf) -> forgotForm(request, csrf, null));
    }

    /** {@code POST /forgotPassword}: ForgotPassword, then the page for the code and the new password. */
    public Answer forgotPassword(Request r) {
        return withRequest(r, true, (request, csrf) -> {
            String username = r.form("username");
            if (username == null) {
                return forgotForm(request, csrf, "Please enter your username.");
            }
            return forgotPasswordStart(request, r, csrf, client(request), username);
        });
    }

    private Answer forgotPasswordStart(AuthorizationRequest request, Request r, String csrf, AppClient client,
            String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ClientId", client.clientId());
        body.put("Username", username);
        putSecretHashMember(body, client, username);
        try {
            return resetForm(request, csrf, username, destination(call("ForgotPassword", body, r)), null);
        } catch (CognitoException e) {
            return forgotForm(request, csrf, e.getMessage());
        }
    }

    /** {@code GET /confirmForgotPassword?username=...}: the code and the new password. */
    public Answer confirmForgotPasswordPage(Request r) {
        return withRequest(r, false, (request, csrf) -> resetForm(request, csrf, r.query("username"), null, null));
    }

    /** {@code POST /confirmForgotPassword}: ConfirmForgotPassword; then the login page. */
    public Answer confirmForgotPassword(Request r) {
        return withRequest(r, true, (request, csrf) -> {
            AppClient client = client(request);
            String username = r.form("username");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ClientId", client.clientId());
            body.put("Username", username == null ? "" : username);
            body.put("ConfirmationCode", r.form("code") == null ? "" : r.form("code"));
            body.put("Password", r.form("password") == null ? "" : r.form("password"));
            putSecretHashMember(body, client, username);
            try {
                call("ConfirmForgotPassword", body, r);
            } catch (CognitoException e) {
                return resetForm(request, csrf, username, null, e.getMessage());
            }
            return loginForm(request, r, csrf, null, "Your password has been reset. Please sign in.");
        });
    }

    private Answer forgotForm(AuthorizationRequest request, String csrf, String error) {
        return Answer.page(200, Html.page("Forgot your password?").message(error, true)
                .paragraph("Enter your username and we will send you a code to reset your password.")
                .form("/forgotPassword", request.query(), csrf, Map.of())
                .field("username", "Username", "text", "username", true)
                .submit("Reset my password").render(request.lang()), List.of());
    }

    private Answer resetForm(AuthorizationRequest request, String csrf, String username, String destination,
            String error) {
        Html page = Html.page("Reset your password").message(error, true);
        if (destination != null) {
            page.paragraph("We have sent a code to " + destination + ". Enter it and your new password below.");
        }
        page.form("/confirmForgotPassword", request.query(), csrf, username == null ? Map.of()
                : Map.of("username", username));
        if (username == null) {
            page.field("username", "Username", "text", "username", true);
        }
        return Answer.page(200, page.field("code", "Code", "text", "one-time-code", true)
                .field("password", "New password", "password", "new-password", true)
                .submit("Change password").render(request.lang()), List.of());
    }

    // --- logout ----------------------------------------------------------------------------------------------------

    /**
     * {@code GET /logout} (documented: developer guide, logout endpoint): the single sign-on session ends and its
     * cookie is cleared, then the browser goes to {@code logout_uri} (one of the client's LogoutURLs), or, with
     * {@code redirect_uri} and {@code response_type}, to the login page to sign in again; a client or URI that does
     * not match is the error page.
     */
    public Answer logout(Request r) {
        String clientId = r.query("client_id");
        String logoutUri = r.query("logout_uri");
        String target;
        try {
            if (logoutUri != null || r.query("redirect_uri") == null) {
                AppClient client = clientOf(clientId);
                OAuthSettings oauth = client.oauth();
                if (logoutUri == null || oauth == null || oauth.logoutUrls() == null
                        || !oauth.logoutUrls().contains(logoutUri)) {
                    // Unconfirmed: the error Cognito names for a logout URI the client does not list.
                    return refused(AuthorizationError.page("redirect_mismatch", null, clientId));
                }
                target = logoutUri;
            } else {
                target = Html.url("/login", authorize.read(r.query()).query());
            }
        } catch (AuthorizationError e) {
            return refused(e);
        }
        String session = r.cookies().get(Authorizations.SESSION_COOKIE);
        authorizations.endSession(session);
        return Answer.redirect(target, List.of(new Cookie(Authorizations.SESSION_COOKIE, "", 0)));
    }

    // --- shared ----------------------------------------------------------------------------------------------------

    /** A page's work, given its authorization request and the CSRF token its form carries. */
    private interface Work {
        Answer run(AuthorizationRequest request, String csrf);
    }

    /**
     * Reads the page's authorization request (an error page or redirect when it is wrong), checks a post's CSRF
     * token against its cookie (403 when missing or different; nothing else is read), and makes sure the browser has
     * a token for the form the page shows.
     */
    private Answer withRequest(Request r, boolean post, Work work) {
        AuthorizationRequest request;
        try {
            request = authorize.read(r.query());
        } catch (AuthorizationError e) {
            return refused(e);
        }
        String token = r.cookies().get(CSRF_COOKIE);
        if (post) {
            String given = r.form(CSRF_FIELD);
            if (token == null || given == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    given.getBytes(StandardCharsets.UTF_8))) {
                // Unconfirmed: Cognito's answer to a form without its CSRF token (its generic error page).
                return Answer.page(403, Html.page("Error").message(ERROR_PAGE, true)
                        .paragraph("The form's CSRF token is missing or does not match; reload the page.")
                        .render(request.lang()), List.of());
            }
        }
        if (!supportsCognito(request)) {
            // Captured*: the hosted UI's text for a client with no sign-in option it can show.
            return Answer.page(400, Html.page("Error").message("Login option is not available. Please try"
                    + " another one", true).render(request.lang()), List.of());
        }
        List<Cookie> cookies = new ArrayList<>();
        if (token == null) {
            token = random.token(32);
            cookies.add(new Cookie(CSRF_COOKIE, token, -1));
        }
        Answer answer = work.run(request, token);
        if (cookies.isEmpty()) {
            return answer;
        }
        cookies.addAll(answer.cookies());
        return new Answer(answer.status(), answer.location(), answer.html(), cookies);
    }

    private boolean supportsCognito(AuthorizationRequest request) {
        OAuthSettings oauth = client(request).oauth();
        return oauth != null && oauth.supportedIdentityProviders() != null
                && oauth.supportedIdentityProviders().contains(AuthorizeEndpoint.COGNITO);
    }

    /** The providers of the client's SupportedIdentityProviders that the pool has, but its own users. */
    private List<String> externalProviders(AuthorizationRequest request) {
        OAuthSettings oauth = client(request).oauth();
        if (oauth == null || oauth.supportedIdentityProviders() == null) {
            return List.of();
        }
        return store.read(request.poolId(), pool -> oauth.supportedIdentityProviders().stream()
                .filter(name -> !name.equals(AuthorizeEndpoint.COGNITO) && pool.identityProvider(name) != null)
                .toList());
    }

    private static List<Cookie> sessionCookies(Authorizations.Session session) {
        if (session == null) {
            return List.of();
        }
        return List.of(new Cookie(Authorizations.SESSION_COOKIE, session.id(),
                Authorizations.SESSION_VALIDITY.getSeconds()));
    }

    private Attempt attempt(AuthorizationRequest request, Request r, Map<String, String> parameters) {
        return new Attempt(request.poolId(), request.clientId(), false, parameters, Map.of(), r.now(), r.sourceIp(),
                true);
    }

    private AppClient client(AuthorizationRequest request) {
        return store.read(request.poolId(), pool -> pool.requireClient(request.clientId()));
    }

    private AppClient clientOf(String clientId) {
        if (clientId == null) {
            throw AuthorizationError.page("invalid_request", "The request has no client_id.", null);
        }
        try {
            String poolId = store.poolOfClient(clientId);
            return store.read(poolId, pool -> pool.requireClient(clientId));
        } catch (CognitoException e) {
            throw AuthorizationError.page("invalid_request", "No app client has the id " + clientId + ".", clientId);
        }
    }

    private UserPool poolOf(AuthorizationRequest request) {
        return store.pool(request.poolId());
    }

    /** SECRET_HASH of a sign-in step (none for a client without a secret). */
    private static void putSecretHash(Map<String, String> parameters, AppClient client, String username) {
        String hash = SecretHash.of(client, username);
        if (hash != null) {
            parameters.put("SECRET_HASH", hash);
        }
    }

    /** SecretHash of an account operation's request (none for a client without a secret, or without a name). */
    private static void putSecretHashMember(Map<String, Object> body, AppClient client, String username) {
        String hash = username == null ? null : SecretHash.of(client, username);
        if (hash != null) {
            body.put("SecretHash", hash);
        }
    }

    private static String required(Request r, String field) {
        String value = r.form(field);
        if (value == null) {
            throw new CognitoException(ErrorCode.InvalidParameterException, "Please fill in " + field + ".");
        }
        return value;
    }

    /** One of the API's operations, as an app would call it: the API's validation, rules and texts. */
    private JsonNode call(String operation, Map<String, Object> body, Request r) {
        byte[] answer = api.dispatch(ServiceOperations.TARGET_PREFIX + "." + operation, new Local(r.sourceIp()),
                Json.bytes(body), r.requestId());
        try {
            return Json.MAPPER.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String destination(JsonNode answer) {
        JsonNode details = answer.path("CodeDeliveryDetails");
        return details.isMissingNode() ? null : details.path("Destination").asText(null);
    }

    private static List<String> jsonList(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<String> values = new ArrayList<>();
            Json.MAPPER.readTree(json).forEach(node -> values.add(node.asText()));
            return values;
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The request the hosted UI makes of the API: from the browser's address, unsigned (as an app's is). */
    private record Local(String sourceIp) implements HttpRequestView {
        @Override
        public String method() {
            return "POST";
        }

        @Override
        public String rawPath() {
            return "/";
        }

        @Override
        public String rawQuery() {
            return "";
        }

        @Override
        public String header(String name) {
            return null;
        }
    }
}
