package org.nelm.workflow;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.nelm.platform.identity.Identity;
import org.nelm.platform.identity.IdentityDirectory;
import org.springframework.stereotype.Component;

@Component
class CamundaIdentityDirectory implements IdentityDirectory {

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl configuration;

    CamundaIdentityDirectory(IdentityService identityService, ProcessEngineConfigurationImpl configuration) {
        this.identityService = identityService;
        this.configuration = configuration;
    }

    @Override
    public Optional<Identity> identity(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(identityService.createUserQuery().userId(id).singleResult()).map(this::toIdentity);
    }

    @Override
    public boolean identityExists(String id) {
        return id != null && !id.isBlank() && identityService.createUserQuery().userId(id).count() > 0;
    }

    @Override
    public boolean groupExists(String groupId) {
        return groupId != null && !groupId.isBlank() && identityService.createGroupQuery().groupId(groupId).count() > 0;
    }

    @Override
    public List<Identity> groupMembers(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
                .map(this::toIdentity)
                .toList();
    }

    @Override
    public Set<String> groupsOf(String identityId) {
        return identityService.createGroupQuery().groupMember(identityId).list().stream()
                .map(Group::getId)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean isMember(String identityId, String groupId) {
        return identityService.createUserQuery().userId(identityId).memberOfGroup(groupId).count() > 0;
    }

    /** The engine's own hash check; IdentityService.checkPassword would count a failed attempt and lock the user. */
    @Override
    public boolean acceptsPassword(String id, String password) {
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (!(user instanceof UserEntity entity) || entity.getPassword() == null || password == null) {
            return false;
        }
        return configuration.getPasswordManager()
                .check(EncryptionUtil.saltPassword(password, entity.getSalt()), entity.getPassword());
    }

    @Override
    public void setPassword(String id, String password) {
        User user = identityService.createUserQuery().userId(id).singleResult();
        user.setPassword(password);
        identityService.saveUser(user);
    }

    @Override
    public void ensureIdentity(Identity identity, String password) {
        if (identityExists(identity.id())) {
            return;
        }
        User user = identityService.newUser(identity.id());
        user.setFirstName(identity.firstName());
        user.setLastName(identity.lastName());
        user.setEmail(identity.email());
        user.setPassword(password);
        identityService.saveUser(user);
    }

    @Override
    public void ensureGroup(String groupId, String name, String type) {
        if (groupExists(groupId)) {
            return;
        }
        Group group = identityService.newGroup(groupId);
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
    }

    @Override
    public void ensureMembership(String identityId, String groupId) {
        if (!isMember(identityId, groupId)) {
            identityService.createMembership(identityId, groupId);
        }
    }

    private Identity toIdentity(User user) {
        return new Identity(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail());
    }
}
