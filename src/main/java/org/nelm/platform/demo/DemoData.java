package org.nelm.platform.demo;

import java.util.List;
import org.nelm.platform.identity.Identity;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.security.ClientCredentials;
import org.nelm.security.RoleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo identities every document and test relies on: admin (org admin, webapp admin), approver1-3,
 * manager1, requester1; governance group nelm-approvers = approver2 + approver3; one OAuth client per identity
 * (client id = name, secret = name-secret) and one application client without a user.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "nelm.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

    static final List<String> IDENTITIES = List.of("admin", "approver1", "approver2", "approver3", "manager1", "requester1");
    static final String APPROVER_GROUP = "nelm-approvers";
    static final String APPLICATION_CLIENT = "nelm-service";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentityDirectory directory;
    private final ClientCredentials clients;

    DemoData(IdentityDirectory directory, ClientCredentials clients) {
        this.directory = directory;
        this.clients = clients;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String name : IDENTITIES) {
            directory.ensureIdentity(new Identity(name, capitalize(name), "Demo", name + "@example.com"), name);
            clients.ensureIdentityClient(name, name + "-secret", name);
        }
        for (RoleContext role : RoleContext.values()) {
            directory.ensureGroup(role.groupId(), "Role context " + role.authority(), "NELM_ROLE");
        }
        directory.ensureMembership("admin", RoleContext.ORG_ADMIN.groupId());
        directory.ensureGroup(APPROVER_GROUP, "NELM approvers", "GOVERNANCE_GROUP");
        directory.ensureMembership("approver2", APPROVER_GROUP);
        directory.ensureMembership("approver3", APPROVER_GROUP);
        clients.ensureApplicationClient(APPLICATION_CLIENT, APPLICATION_CLIENT + "-secret", List.of(RoleContext.ORG_ADMIN));
        log.info("Demo identities ready: {} (password = name, API client secret = name-secret)", IDENTITIES);
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
