package dev.cognitoemulator.imports;

import dev.cognitoemulator.domain.SchemaAttribute;
import dev.cognitoemulator.domain.UserPool;
import java.util.ArrayList;
import java.util.List;

/** The columns of a pool's user import file, as GetCSVHeader answers them. */
public final class CsvHeader {

    public static final String USERNAME = "cognito:username";
    public static final String MFA_ENABLED = "cognito:mfa_enabled";

    /**
     * Documented (developer guide, "Creating the user import CSV file", the sample response): the standard
     * attributes an import sets, the MFA flag and the username, in this order.
     */
    private static final List<String> STANDARD = List.of("name", "given_name", "family_name", "middle_name",
            "nickname", "preferred_username", "profile", "picture", "website", "email", "email_verified", "gender",
            "birthdate", "zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at",
            MFA_ENABLED, USERNAME);

    private CsvHeader() {
    }

    /**
     * The standard columns, then the pool's custom attributes in schema order (documented: the header "also includes
     * any custom attributes you have added"; where they go is unconfirmed).
     */
    public static List<String> of(UserPool pool) {
        List<String> header = new ArrayList<>(STANDARD);
        for (SchemaAttribute a : pool.schema()) {
            if (a.custom()) {
                header.add(a.name());
            }
        }
        return header;
    }
}
