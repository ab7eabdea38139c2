#!/usr/bin/env python3
"""boto3 smoke test of a running cognito-emulator.

Usage: smoke.py ENDPOINT   (for example http://127.0.0.1:9229)

Creates a pool and a user, deletes two of the user's attributes, reads the user back and checks the
error of an unknown user. Prints OK and exits 0 when every check holds; prints the failure and exits 1
otherwise. CliSmokeTest runs it when boto3 is installed.
"""
import re
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def main(endpoint):
    cognito = boto3.client(
        "cognito-idp",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
        config=Config(retries={"max_attempts": 1}),
    )

    pool = cognito.create_user_pool(
        PoolName="boto3-smoke",
        Schema=[{"Name": "tier", "AttributeDataType": "String", "Mutable": True}],
    )["UserPool"]
    pool_id = pool["Id"]
    check(re.fullmatch(r"us-east-1_[0-9A-Za-z]{9}", pool_id), "pool id " + pool_id)

    created = cognito.admin_create_user(
        UserPoolId=pool_id,
        Username="smoke-user",
        MessageAction="SUPPRESS",
        UserAttributes=[
            {"Name": "email", "Value": "smoke@example.com"},
            {"Name": "given_name", "Value": "Smoke"},
            {"Name": "custom:tier", "Value": "gold"},
        ],
    )["User"]
    check(created["UserStatus"] == "FORCE_CHANGE_PASSWORD", "status " + created["UserStatus"])

    cognito.admin_delete_user_attributes(
        UserPoolId=pool_id, Username="smoke-user", UserAttributeNames=["given_name", "custom:tier"]
    )

    user = cognito.admin_get_user(UserPoolId=pool_id, Username="smoke-user")
    attributes = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
    check(user["Username"] == "smoke-user", "username " + user["Username"])
    check(attributes.get("email") == "smoke@example.com", "email kept: %s" % attributes)
    check("sub" in attributes, "sub kept: %s" % attributes)
    check("given_name" not in attributes and "custom:tier" not in attributes, "deleted: %s" % attributes)

    try:
        cognito.admin_get_user(UserPoolId=pool_id, Username="nobody")
        raise AssertionError("an unknown user was found")
    except ClientError as e:
        error = e.response["Error"]
        check(error["Code"] == "UserNotFoundException", "error code " + error["Code"])
        check(error["Message"] == "User does not exist.", "error message " + error["Message"])
        status = e.response["ResponseMetadata"]["HTTPStatusCode"]
        check(status == 400, "HTTP status %s" % status)

    print("OK " + pool_id)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    try:
        main(sys.argv[1])
    except Exception as e:  # report any failure as one line, for the JUnit test's message
        print("FAILED: %s: %s" % (type(e).__name__, e))
        sys.exit(1)
