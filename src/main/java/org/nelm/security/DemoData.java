package org.nelm.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.nelm.platform.identity.Identity;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.security.ClientCredentials;
import org.nelm.security.RoleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo identities every document and test relies on: admin (org admin, webapp admin), approver1-3,
 * manager1, requester1; governance group nelm-approvers = approver2 + approver3; one OAuth client per identity
 * (client id = name, secret = name-secret) and one application client without a user. Their passwords and
 * secrets are published, so they exist only with {@code nelm.demo.enabled}.
 * <p>
 * Started without demo mode, a database that still has them loses them: a demo user whose password is still
 * its name gets a random password nobody knows (the configured admin gets {@code NELM_ADMIN_PASSWORD}), the demo
 * OAuth clients are disabled, and the personal access tokens of those users are deleted. Both runs are one
 * transaction under a lock row, before the node reports ready, so no token is ever taken from half of it.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    static final List<String> IDENTITIES = List.of("admin", "approver1", "approver2", "approver3", "manager1", "requester1");
    static final String APPROVER_GROUP = "nelm-approvers";
    static final String APPLICATION_CLIENT = "nelm-service";
    static final List<String> CLIENTS = Stream.concat(IDENTITIES.stream(), Stream.of(APPLICATION_CLIENT)).toList();

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentityDirectory directory;
    private final ClientCredentials clients;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final boolean enabled;
    private final String adminId;
    private final String adminPassword;
    private final SecureRandom random = new SecureRandom();

    DemoData(IdentityDirectory directory, ClientCredentials clients, JdbcClient jdbc, TransactionTemplate transactions,
             @Value("${nelm.demo.enabled:false}") boolean enabled,
             @Value("${camunda.bpm.admin-user.id:admin}") String adminId,
             @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
        this.directory = directory;
        this.clients = clients;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.enabled = enabled;
        this.adminId = adminId;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select name from nelm_limit_lock where name = 'demo-accounts' for update")
                    .query(String.class).single();
            if (enabled) {
                create();
            } else {
                disableLeftovers();
            }
        });
    }

    /** Creates what is missing and makes disabled demo sign-ins work again; the configured admin is left alone. */
    private void create() {
        for (String name : IDENTITIES) {
            directory.ensureIdentity(new Identity(name, capitalize(name), "Demo", name + "@example.com"), name);
            if (!name.equals(adminId) && !directory.acceptsPassword(name, name)) {
                directory.setPassword(name, name);
            }
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

    private void disableLeftovers() {
        List<String> locked = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        boolean adminReset = false;
        for (String name : IDENTITIES) {
            boolean configuredAdmin = name.equals(adminId);
            if (!directory.acceptsPassword(name, name) || (configuredAdmin && adminPassword.equals(name))) {
                continue;
            }
            owners.add(name);
            if (configuredAdmin) {
                directory.setPassword(name, adminPassword);
                adminReset = true;
            } else {
                directory.setPassword(name, HexFormat.of().formatHex(randomBytes()));
                locked.add(name);
            }
        }
        List<String> disabledClients = clients.disable(CLIENTS);
        int deletedTokens = clients.deletePersonalAccessTokensOf(owners);
        if (!owners.isEmpty() || !disabledClients.isEmpty()) {
            log.warn("Demo mode is off, so this database's demo sign-ins were disabled: users {} can no longer log in "
                            + "(random password){}, OAuth clients {} are disabled, {} personal access token(s) of "
                            + "those users deleted", locked,
                    adminReset ? ", the admin's demo password was replaced by NELM_ADMIN_PASSWORD" : "",
                    disabledClients, deletedTokens);
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
