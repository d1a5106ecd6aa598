package org.nelm.source;

import org.nelm.platform.error.ApiException;
import org.nelm.security.Caller;
import org.nelm.security.RoleContext;

/** The role-context check the source operations start with (reference sections 2 and 3). */
final class RoleContexts {

    private RoleContexts() {
    }

    static void require(Caller caller, RoleContext role) {
        if (!caller.has(role)) {
            throw ApiException.forbidden("This operation requires the role context " + role.authority());
        }
    }
}
