package dev.cognitoemulator.domain;

import java.util.Iterator;
import java.util.List;

/** One pool's users as the domain rules read them; the store implements it with index look-ups. */
public interface UserDirectory {

    UserPool pool();

    /** By the pool-normalised username key ({@link UserLookup#usernameKey}). */
    User byUsernameKey(String key);

    User bySub(String sub);

    /** By an alias key ({@link UserLookup#aliasKey}). */
    User byAlias(String aliasKey);

    /** Every user whose attribute has exactly this value (indexed for email and phone_number only). */
    List<User> byAttributeValue(String attribute, String value);

    /** Users in username-key order, starting after {@code afterKey} (from the first when null). */
    Iterator<User> usersAfter(String afterKey);

    int size();
}
