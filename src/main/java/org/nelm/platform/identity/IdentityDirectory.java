package org.nelm.platform.identity;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Identities and governance groups. They are the workflow engine's users and groups, so that Tasklist and the
 * API see the same people; this port keeps engine types out of the business modules.
 */
public interface IdentityDirectory {

    Optional<Identity> identity(String id);

    boolean identityExists(String id);

    boolean groupExists(String groupId);

    List<Identity> groupMembers(String groupId);

    /** Ids of the groups the identity belongs to. */
    Set<String> groupsOf(String identityId);

    boolean isMember(String identityId, String groupId);

    /**
     * Whether the identity's sign-in password is this one. Unlike a login it leaves no trace: no failed attempt
     * is counted and no login delay starts.
     */
    boolean acceptsPassword(String id, String password);

    /** Replaces the identity's sign-in password (demo data). */
    void setPassword(String id, String password);

    /** Creates the identity if it does not exist yet (demo data and tests). */
    void ensureIdentity(Identity identity, String password);

    /** Creates the group if it does not exist yet; type is shown in Camunda Admin. */
    void ensureGroup(String groupId, String name, String type);

    void ensureMembership(String identityId, String groupId);
}
