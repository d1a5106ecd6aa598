package org.nelm.security;

import java.util.List;
import java.util.Set;

/** OAuth scopes of the contract's security blocks (section 2 of the reference). */
public final class Scopes {

    public static final String NELM_READ = "idn:nelm:read";
    public static final String NELM_MANAGE = "idn:nelm:manage";
    public static final String ALL = "sp:scopes:all";
    public static final String DEFAULT = "sp:scopes:default";

    public static final Set<String> KNOWN = Set.of(NELM_READ, NELM_MANAGE, ALL, DEFAULT);
    public static final List<String> DEFAULT_GRANT = List.of(ALL);

    /** Whether a token with the held scopes has the wanted one: sp:scopes:all has all, manage includes read. */
    static boolean covers(Set<String> held, String wanted) {
        return held.contains(wanted) || held.contains(ALL) || (NELM_READ.equals(wanted) && held.contains(NELM_MANAGE));
    }

    private Scopes() {
    }
}
