package org.nelm.support;

import java.util.Set;
import org.nelm.security.Caller;
import org.nelm.security.RoleContext;
import org.nelm.security.Scopes;

/** Callers for tests that use the services directly, without a token. */
public final class TestCallers {

    /** The demo org admin with every scope. */
    public static final Caller ADMIN = new Caller("admin", "admin", Set.of(Scopes.ALL),
            Set.of(RoleContext.ORG_ADMIN.authority()));

    private TestCallers() {
    }
}
