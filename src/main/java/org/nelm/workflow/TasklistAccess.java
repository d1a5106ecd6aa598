package org.nelm.workflow;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With engine authorization on, approvers need to open Tasklist, read its filters, and load the process's forms.
 * They see no other users and groups: Camunda lets each user read their own profile and their own groups, and
 * when a member claims a group's task, the group's members may read that member's profile, so Tasklist shows who
 * took it. Task rights come from the engine: an assignee or candidate group gets READ and TASK_WORK on the task
 * ({@code defaultUserPermissionNameForTask}), which lets them claim and complete it, but not reassign it or set
 * its variables.
 */
@Component
@Order(5)
class TasklistAccess implements ApplicationRunner {

    private final AuthorizationService authorizations;

    TasklistAccess(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void run(ApplicationArguments args) {
        grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grantEveryone(Resources.FILTER, Authorization.ANY, Permissions.READ);
        grantEveryone(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        grantEveryone(Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
    }

    /** The group's members may read the user's profile (name, e-mail), as Tasklist shows a claimed task's assignee. */
    void letGroupSeeName(String groupId, String userId) {
        boolean present = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(groupId)
                .resourceType(Resources.USER)
                .resourceId(userId)
                .count() > 0;
        if (present) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(Resources.USER);
        grant.setResourceId(userId);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
    }

    /**
     * The group no longer works the task: its candidate link goes, and so does the right the engine granted with
     * the link (the engine keeps that right when a link is deleted).
     */
    void removeGroupFromTask(DelegateTask task, String groupId) {
        task.deleteCandidateGroup(groupId);
        authorizations.createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(Resources.TASK)
                .resourceId(task.getId())
                .list()
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
    }

    private void grantEveryone(Resource resource, String resourceId, Permission permission) {
        boolean present = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                .resourceType(resource)
                .resourceId(resourceId)
                .hasPermission(permission)
                .count() > 0;
        if (present) {
            return;
        }
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        grant.setUserId(Authorization.ANY);
        authorizations.saveAuthorization(grant);
    }
}
