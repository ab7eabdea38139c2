package dev.cognitoemulator.quotas;

/**
 * Cognito's API request-rate categories of user pool operations, with each one's default (free) rate in requests per
 * second and whether it can be raised (documented: developer guide, "Quotas in Amazon Cognito", category operations
 * table). The emulator lets an adjustable category be provisioned up to {@link #maximum()}: ten times its default
 * (AWS's maximum is whatever Service Quotas grants the account).
 */
public enum Category {
    UserAuthentication(120, true),
    UserCreation(50, true),
    UserFederation(25, true),
    UserAccountRecovery(30, false),
    UserRead(120, true),
    UserUpdate(25, false),
    UserResourceRead(50, true),
    UserResourceUpdate(25, false),
    UserList(30, false),
    UserPoolRead(15, false),
    UserPoolUpdate(15, false),
    UserPoolResourceRead(20, false),
    UserPoolResourceUpdate(15, false),
    UserPoolClientRead(15, false),
    UserPoolClientUpdate(15, false),
    UserToken(120, false);

    private final int freeRate;
    private final boolean adjustable;

    Category(int freeRate, boolean adjustable) {
        this.freeRate = freeRate;
        this.adjustable = adjustable;
    }

    public int freeRate() {
        return freeRate;
    }

    /** The most a provisioned limit may be: ten times the default when adjustable, else the default. */
    public int maximum() {
        return adjustable ? freeRate * 10 : freeRate;
    }

    /** The category of that name, or null. */
    public static Category named(String name) {
        for (Category c : values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
