#!/usr/bin/env python3
"""The self-service account walk through boto3, against a running cognito-emulator.

Usage: accounts_walk.py ENDPOINT   (for example http://127.0.0.1:9229)

Makes its own pool (AutoVerifiedAttributes email) and app client (ALLOW_USER_PASSWORD_AUTH, refresh), then: sign
up, read the code from the emulator's inbox (GET /_emulator/messages), resend it, confirm, sign in with
USER_PASSWORD_AUTH, forgot password, confirm the new one, change it, change the email and verify it, delete an
attribute, the legacy SMS MFA setting (user and admin), refresh (and GetTokensFromRefreshToken where botocore knows
it), delete the user; AdminConfirmSignUp for a second user. Prints "ok <step>: <what was checked>" per step and
"WALK OK <steps> steps" at the end, exit code 0; on the first failed check prints the traceback to stderr and exits
with 1. AccountsWalkTest runs it when boto3 is installed (and requires it in CI).
"""
import json
import re
import sys
import traceback
import urllib.parse
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

USERNAME = "walker"
EMAIL = "walker@example.com"
NEW_EMAIL = "walker.new@mail.example.org"
PHONE = "+15555550100"
PASSWORDS = ["Walk-Passw0rd-1", "Walk-Passw0rd-2", "Walk-Passw0rd-3"]
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

steps = 0


def ok(step, what):
    global steps
    steps += 1
    print("ok %s: %s" % (step, what), flush=True)


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def equal(actual, expected, what):
    check(actual == expected, "%s: expected %r, got %r" % (what, expected, actual))


def refused(call, code, message=None):
    """Runs the call, which must fail with this Cognito error code (and message, when given)."""
    try:
        result = call()
    except ClientError as e:
        error = e.response["Error"]
        equal(error["Code"], code, "error code (%s)" % error.get("Message"))
        if message is not None:
            equal(error["Message"], message, "error message")
        equal(e.response["ResponseMetadata"]["HTTPStatusCode"], 400, "HTTP status")
        return error
    raise AssertionError("expected %s, got %r" % (code, result))


def masked(address):
    local, domain = address.split("@")
    return "%s***@%s***" % (local[0], domain[0])


def email_delivery(address):
    return {"AttributeName": "email", "DeliveryMedium": "EMAIL", "Destination": masked(address)}


class Walk:
    def __init__(self, endpoint):
        self.endpoint = endpoint.rstrip("/")
        self.cognito = boto3.client(
            "cognito-idp",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id="test",
            aws_secret_access_key="test",
            config=Config(retries={"max_attempts": 1}),
        )

    def inbox(self, method="GET", **query):
        url = self.endpoint + "/_emulator/messages?" + urllib.parse.urlencode(query)
        with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=10) as response:
            equal(response.status, 200, method + " /_emulator/messages")
            return json.loads(response.read())

    def last_code(self, username, kind, destination):
        """The user's newest message: of this kind, to this address, with a six-digit code in its text."""
        messages = self.inbox(userPoolId=self.pool, username=username)["messages"]
        check(messages, "the inbox has a message for " + username)
        m = messages[-1]
        equal(m["kind"], kind, "the newest message's kind (%s)" % m)
        equal((m["userPoolId"], m["username"], m["deliveryMedium"], m["destination"]),
              (self.pool, username, "EMAIL", destination), "the message's pool, user, medium and address")
        check(re.fullmatch(r"\d{6}", m["code"]), "a six-digit code: %r" % m["code"])
        check(m["code"] in m["message"], "the text carries the code: %r" % m["message"])
        return m["code"]

    def sign_in(self, password, username=USERNAME):
        result = self.cognito.initiate_auth(ClientId=self.client, AuthFlow="USER_PASSWORD_AUTH",
                                            AuthParameters={"USERNAME": username, "PASSWORD": password})
        check("ChallengeName" not in result, "no challenge: %s" % result.get("ChallengeName"))
        return result["AuthenticationResult"]

    def attributes(self, access_token):
        user = self.cognito.get_user(AccessToken=access_token)
        equal(user["Username"], USERNAME, "GetUser's username")
        return {a["Name"]: a["Value"] for a in user["UserAttributes"]}

    def run(self):
        c = self.cognito
        self.pool = c.create_user_pool(PoolName="boto3-walk", AutoVerifiedAttributes=["email"])["UserPool"]["Id"]
        self.client = c.create_user_pool_client(
            UserPoolId=self.pool, ClientName="walk",
            ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        )["UserPoolClient"]["ClientId"]
        ok("pool", "%s with client %s" % (self.pool, self.client))

        signed_up = c.sign_up(ClientId=self.client, Username=USERNAME, Password=PASSWORDS[0], UserAttributes=[
            {"Name": "email", "Value": EMAIL}, {"Name": "name", "Value": "Walker"},
            {"Name": "phone_number", "Value": PHONE}])
        equal(signed_up["UserConfirmed"], False, "UserConfirmed")
        check(re.fullmatch(UUID, signed_up["UserSub"]), "UserSub " + signed_up["UserSub"])
        equal(signed_up["CodeDeliveryDetails"], email_delivery(EMAIL), "CodeDeliveryDetails")
        first = self.last_code(USERNAME, "SignUp", EMAIL)
        ok("sign_up", "UNCONFIRMED, the code in the inbox")

        refused(lambda: self.sign_in(PASSWORDS[0]), "UserNotConfirmedException", "User is not confirmed.")
        ok("initiate_auth before confirmation", "UserNotConfirmedException")

        resent = c.resend_confirmation_code(ClientId=self.client, Username=USERNAME)
        equal(resent["CodeDeliveryDetails"], email_delivery(EMAIL), "CodeDeliveryDetails")
        code = self.last_code(USERNAME, "ResendCode", EMAIL)
        wrong = first if first != code else "%06d" % ((int(code) + 1) % 1000000)
        refused(lambda: c.confirm_sign_up(ClientId=self.client, Username=USERNAME, ConfirmationCode=wrong),
                "CodeMismatchException", "Invalid verification code provided, please try again.")
        ok("resend_confirmation_code", "a new code; the replaced one is CodeMismatchException")

        c.confirm_sign_up(ClientId=self.client, Username=USERNAME, ConfirmationCode=code)
        user = c.admin_get_user(UserPoolId=self.pool, Username=USERNAME)
        equal(user["UserStatus"], "CONFIRMED", "UserStatus")
        attributes = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
        equal(attributes.get("email_verified"), "true", "email_verified")
        equal(attributes.get("sub"), signed_up["UserSub"], "sub")
        ok("confirm_sign_up", "CONFIRMED, email verified")

        tokens = self.sign_in(PASSWORDS[0])
        equal(self.attributes(tokens["AccessToken"]).get("email"), EMAIL, "email")
        ok("initiate_auth USER_PASSWORD_AUTH", "tokens; GetUser answers")

        forgot = c.forgot_password(ClientId=self.client, Username=USERNAME)
        equal(forgot["CodeDeliveryDetails"], email_delivery(EMAIL), "CodeDeliveryDetails")
        reset = self.last_code(USERNAME, "ForgotPassword", EMAIL)
        refused(lambda: c.confirm_forgot_password(ClientId=self.client, Username=USERNAME, ConfirmationCode=reset,
                                                  Password="short"), "InvalidPasswordException")
        c.confirm_forgot_password(ClientId=self.client, Username=USERNAME, ConfirmationCode=reset,
                                  Password=PASSWORDS[1])
        refused(lambda: self.sign_in(PASSWORDS[0]), "NotAuthorizedException", "Incorrect username or password.")
        tokens = self.sign_in(PASSWORDS[1])
        ok("forgot_password + confirm_forgot_password", "the new password signs in, the old one not")

        refused(lambda: c.change_password(PreviousPassword=PASSWORDS[0], ProposedPassword=PASSWORDS[2],
                                          AccessToken=tokens["AccessToken"]), "NotAuthorizedException")
        c.change_password(PreviousPassword=PASSWORDS[1], ProposedPassword=PASSWORDS[2],
                          AccessToken=tokens["AccessToken"])
        refused(lambda: self.sign_in(PASSWORDS[1]), "NotAuthorizedException", "Incorrect username or password.")
        tokens = self.sign_in(PASSWORDS[2])
        ok("change_password", "only the changed password signs in")

        updated = c.update_user_attributes(AccessToken=tokens["AccessToken"],
                                           UserAttributes=[{"Name": "email", "Value": NEW_EMAIL}])
        equal(updated["CodeDeliveryDetailsList"], [email_delivery(NEW_EMAIL)], "CodeDeliveryDetailsList")
        attributes = self.attributes(tokens["AccessToken"])
        equal((attributes.get("email"), attributes.get("email_verified")), (NEW_EMAIL, "false"), "the new email")
        self.last_code(USERNAME, "UpdateUserAttribute", NEW_EMAIL)
        ok("update_user_attributes", "email changed, unverified, a code to the new address")

        sent = c.get_user_attribute_verification_code(AccessToken=tokens["AccessToken"], AttributeName="email")
        equal(sent["CodeDeliveryDetails"], email_delivery(NEW_EMAIL), "CodeDeliveryDetails")
        verify = self.last_code(USERNAME, "VerifyUserAttribute", NEW_EMAIL)
        c.verify_user_attribute(AccessToken=tokens["AccessToken"], AttributeName="email", Code=verify)
        equal(self.attributes(tokens["AccessToken"]).get("email_verified"), "true", "email_verified")
        ok("get_user_attribute_verification_code + verify_user_attribute", "email_verified true")

        c.delete_user_attributes(AccessToken=tokens["AccessToken"], UserAttributeNames=["name"])
        check("name" not in self.attributes(tokens["AccessToken"]), "name deleted")
        ok("delete_user_attributes", "name gone")

        c.set_user_settings(AccessToken=tokens["AccessToken"],
                            MFAOptions=[{"DeliveryMedium": "SMS", "AttributeName": "phone_number"}])
        user = c.admin_get_user(UserPoolId=self.pool, Username=USERNAME)
        equal(user.get("MFAOptions"), [{"DeliveryMedium": "SMS", "AttributeName": "phone_number"}], "MFAOptions")
        equal(user.get("UserMFASettingList"), ["SMS_MFA"], "UserMFASettingList")
        c.admin_set_user_settings(UserPoolId=self.pool, Username=USERNAME, MFAOptions=[])
        user = c.admin_get_user(UserPoolId=self.pool, Username=USERNAME)
        check(not user.get("MFAOptions") and not user.get("UserMFASettingList"), "SMS MFA off: %s" % user)
        ok("set_user_settings + admin_set_user_settings", "SMS MFA on, then off")

        refreshed = c.initiate_auth(ClientId=self.client, AuthFlow="REFRESH_TOKEN_AUTH",
                                    AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]})["AuthenticationResult"]
        equal(self.attributes(refreshed["AccessToken"]).get("email"), NEW_EMAIL, "email")
        if hasattr(c, "get_tokens_from_refresh_token"):
            fresh = c.get_tokens_from_refresh_token(RefreshToken=tokens["RefreshToken"], ClientId=self.client)
            equal(self.attributes(fresh["AuthenticationResult"]["AccessToken"]).get("email"), NEW_EMAIL, "email")
            ok("refresh", "REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken")
        else:
            ok("refresh", "REFRESH_TOKEN_AUTH (this botocore has no GetTokensFromRefreshToken)")

        c.delete_user(AccessToken=refreshed["AccessToken"])
        refused(lambda: c.get_user(AccessToken=refreshed["AccessToken"]), "NotAuthorizedException")
        refused(lambda: self.sign_in(PASSWORDS[2]), "UserNotFoundException", "User does not exist.")
        ok("delete_user", "its token is refused, sign-in finds no user")

        # AdminConfirmSignUp confirms without verifying the email: no password reset by email then.
        c.sign_up(ClientId=self.client, Username="second", Password=PASSWORDS[0],
                  UserAttributes=[{"Name": "email", "Value": "second@example.com"}])
        c.admin_confirm_sign_up(UserPoolId=self.pool, Username="second")
        user = c.admin_get_user(UserPoolId=self.pool, Username="second")
        equal(user["UserStatus"], "CONFIRMED", "UserStatus")
        check({"Name": "email_verified", "Value": "true"} not in user["UserAttributes"], "email not verified")
        self.sign_in(PASSWORDS[0], "second")
        refused(lambda: c.forgot_password(ClientId=self.client, Username="second"), "InvalidParameterException",
                "Cannot reset password for the user as there is no registered/verified email or phone_number")
        ok("admin_confirm_sign_up", "CONFIRMED without a verified email")

        kinds = [m["kind"] for m in self.inbox(userPoolId=self.pool)["messages"]]
        equal(kinds, ["SignUp", "ResendCode", "ForgotPassword", "UpdateUserAttribute", "VerifyUserAttribute",
                      "SignUp"], "the pool's messages")
        equal(self.inbox("DELETE", userPoolId=self.pool), {"deleted": len(kinds)}, "DELETE /_emulator/messages")
        equal(self.inbox(userPoolId=self.pool), {"messages": []}, "the emptied inbox")
        c.delete_user_pool(UserPoolId=self.pool)
        ok("inbox", "every message of the walk, in order; DELETE emptied it")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    try:
        Walk(sys.argv[1]).run()
    except Exception:  # any failure: the traceback on stderr, for the JUnit test's message
        print("FAILED after %d steps:" % steps, file=sys.stderr)
        traceback.print_exc()
        sys.exit(1)
    print("WALK OK %d steps" % steps)


if __name__ == "__main__":
    main()
