package dev.cognitoemulator.domain;

import java.time.Instant;

/**
 * One of an app client's secrets (a client has up to two at once, for rotation: documented, API reference,
 * AddUserPoolClientSecret).
 *
 * @param id {@code <client id>--<epoch milliseconds of its creation>} (documented format; the unit is unconfirmed)
 */
public record ClientSecret(String id, String value, Instant createDate) {

    /** Documented: API reference, AddUserPoolClientSecret ("up to 2 active secrets per app client"). */
    public static final int MAX_PER_CLIENT = 2;

    public static ClientSecret of(String clientId, String value, Instant createDate) {
        return new ClientSecret(clientId + "--" + createDate.toEpochMilli(), value, createDate);
    }

    @Override
    public String toString() {
        return "ClientSecret[" + id + "]";
    }
}
