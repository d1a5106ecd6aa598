package org.nelm.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.nelm.platform.identity.Identity;
import org.nelm.platform.identity.IdentityDirectory;
import org.springframework.stereotype.Component;

/**
 * Identities and group members as the mails need them. They change rarely, and every intake and decision mails
 * someone: each look-up is kept for {@link #TTL}, so a changed e-mail address or membership reaches the mails
 * within that time.
 */
@Component
class People {

    static final Duration TTL = Duration.ofSeconds(60);

    private final IdentityDirectory directory;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    People(IdentityDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    Optional<Identity> identity(String id) {
        return cached("identity:" + id, () -> directory.identity(id).stream().toList()).stream().findFirst();
    }

    List<Identity> groupMembers(String groupId) {
        return cached("group:" + groupId, () -> directory.groupMembers(groupId));
    }

    static boolean hasMail(Identity identity) {
        return identity.email() != null && !identity.email().isBlank();
    }

    private List<Identity> cached(String key, Supplier<List<Identity>> lookup) {
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached == null || cached.expires().isBefore(now)) {
            cached = new Cached(List.copyOf(lookup.get()), now.plus(TTL));
            cache.put(key, cached);
        }
        return cached.people();
    }

    private record Cached(List<Identity> people, Instant expires) {
    }
}
