package org.nelm.workflow;

import org.camunda.bpm.engine.AuthorizationService;
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
 * With engine authorization on, approvers still need to open Tasklist, read its filters and see who is who.
 * Task rights themselves come from the engine: an assignee or candidate group gets them on the task.
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
        grantEveryone(Resources.USER, Authorization.ANY, Permissions.READ);
        grantEveryone(Resources.GROUP, Authorization.ANY, Permissions.READ);
        grantEveryone(Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        grantEveryone(Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
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
