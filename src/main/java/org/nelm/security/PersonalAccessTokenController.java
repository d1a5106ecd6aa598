package org.nelm.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.nelm.platform.StoredTime;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.identity.IdentityDirectory;
import org.nelm.platform.web.NelmApi;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Personal access tokens in the shape of SailPoint's PAT API: an identity creates its own client credentials;
 * the secret is shown once. Tokens obtained with them carry the identity (userAuth).
 */
@RestController
@NelmApi(perApiFamily = false)
@RequestMapping("/personal-access-tokens")
class PersonalAccessTokenController {

    // SailPoint's default (43200 s) is the top of the range a client may ask for
    private static final int MIN_VALIDITY = 900;
    private static final int MAX_VALIDITY = 43200;
    // the column's width
    private static final int MAX_NAME_LENGTH = 255;

    record CreateBody(String name, List<String> scope, Integer accessTokenValiditySeconds,
                      OffsetDateTime expirationDate) {
    }

    record Owner(String type, String id, String name) {
    }

    record Created(String id, String secret, List<String> scope, String name, Owner owner, OffsetDateTime created,
                   Integer accessTokenValiditySeconds, OffsetDateTime expirationDate) {
    }

    record Listed(String id, String name, List<String> scope, Owner owner, OffsetDateTime created,
                  OffsetDateTime lastUsed, boolean managed, Integer accessTokenValiditySeconds,
                  OffsetDateTime expirationDate) {
    }

    private final ApiClients clients;
    private final CurrentCaller currentCaller;
    private final IdentityDirectory directory;
    private final PasswordEncoder passwordEncoder;
    private final SecurityProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PersonalAccessTokenController(ApiClients clients, CurrentCaller currentCaller, IdentityDirectory directory,
                                  PasswordEncoder passwordEncoder, SecurityProperties properties, Clock clock) {
        this.clients = clients;
        this.currentCaller = currentCaller;
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Scopes: only those the creating token has (omitted: sp:scopes:all if it has it, else its own scopes).
     * Lifetime of its access tokens: SailPoint's field, 900-43200 accepted, but never longer than
     * nelm.security.token-validity; the value stored and returned is the one granted. Expiry: the given
     * {@code expirationDate}, else nelm.security.personal-access-token-lifetime from now.
     */
    @PostMapping
    Created create(@RequestBody CreateBody body) {
        Caller caller = CurrentCaller.requireUser(currentCaller.get());
        List<String> problems = new ArrayList<>();
        String name = body.name() == null ? "" : body.name().trim();
        if (name.isEmpty()) {
            problems.add("name is required");
        } else if (name.length() > MAX_NAME_LENGTH) {
            problems.add("name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        List<String> scope = scopeOf(body, caller, problems);
        Integer asked = body.accessTokenValiditySeconds();
        if (asked != null && (asked < MIN_VALIDITY || asked > MAX_VALIDITY)) {
            problems.add("accessTokenValiditySeconds must be between " + MIN_VALIDITY + " and " + MAX_VALIDITY);
        }
        OffsetDateTime now = StoredTime.now(clock);
        if (body.expirationDate() != null && !body.expirationDate().isAfter(now)) {
            problems.add("expirationDate must be in the future");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems);
        }
        List<String> lacking = scope.stream().filter(wanted -> !Scopes.covers(caller.scopes(), wanted)).toList();
        if (!lacking.isEmpty()) {
            throw ApiException.forbidden("The access token lacks the scope " + String.join(", ", lacking)
                    + "; a personal access token gets only scopes of the token that creates it");
        }
        int longest = (int) properties.tokenValidity().toSeconds();
        int validity = asked == null ? longest : Math.min(asked, longest);
        OffsetDateTime expirationDate = body.expirationDate() != null
                ? body.expirationDate().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)
                : now.plus(properties.personalAccessTokenLifetime());
        String secret = HexFormat.of().formatHex(randomBytes());
        ApiClient client = new ApiClient(UUID.randomUUID().toString(), passwordEncoder.encode(secret),
                ApiClient.Kind.PAT, name, caller.identityId(), scope, null, validity, expirationDate, now, null,
                null);
        clients.insert(client);
        return new Created(client.clientId(), secret, client.scopes(), client.name(), owner(caller.identityId()),
                now, validity, client.expirationDate());
    }

    private static List<String> scopeOf(CreateBody body, Caller caller, List<String> problems) {
        if (body.scope() == null || body.scope().isEmpty()) {
            return caller.scopes().contains(Scopes.ALL) ? Scopes.DEFAULT_GRANT
                    : caller.scopes().stream().sorted().toList();
        }
        if (body.scope().contains(null)) {
            problems.add("scope must not contain null");
            return List.of();
        }
        body.scope().stream().filter(s -> !Scopes.KNOWN.contains(s)).forEach(s -> problems.add("Unknown scope: " + s));
        return body.scope().stream().distinct().toList();
    }

    /** Own tokens; an org admin may list another identity's with {@code owner-id}. */
    @GetMapping
    List<Listed> list(@RequestParam(name = "owner-id", required = false) String ownerId) {
        Caller caller = CurrentCaller.requireUser(currentCaller.get());
        String owner = ownerId == null ? caller.identityId() : ownerId;
        if (!owner.equals(caller.identityId()) && !caller.isOrgAdmin()) {
            throw ApiException.forbidden();
        }
        Owner ownerRef = owner(owner);
        return clients.personalTokensOf(owner).stream()
                .map(c -> new Listed(c.clientId(), c.name(), c.scopes(), ownerRef, c.created(), c.lastUsed(), false,
                        c.accessTokenValiditySeconds(), c.expirationDate()))
                .toList();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        Caller caller = CurrentCaller.requireUser(currentCaller.get());
        ApiClient client = clients.find(id).filter(c -> c.kind() == ApiClient.Kind.PAT)
                .orElseThrow(ApiException::notFound);
        if (!client.identityId().equals(caller.identityId()) && !caller.isOrgAdmin()) {
            throw ApiException.forbidden();
        }
        clients.deletePersonalToken(id);
        return ResponseEntity.noContent().build();
    }

    private Owner owner(String identityId) {
        String name = directory.identity(identityId).map(i -> i.displayName()).orElse(identityId);
        return new Owner("IDENTITY", identityId, name);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }
}
