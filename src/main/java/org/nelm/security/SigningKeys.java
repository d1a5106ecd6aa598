package org.nelm.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys that sign and verify access tokens, kept in {@code nelm_signing_key} so that every node of a
 * cluster uses the same ones. One key is active and signs; its id is the token's {@code kid}. Once the active key
 * is older than {@code nelm.security.signing.rotate-after} (or an operator asks, see {@link SigningKeysEndpoint}),
 * the next node to sign replaces it: the old key retires, its private key is erased, and it keeps verifying for
 * {@link #retention()}, the longest a token it signed can still be valid. Parallel nodes serialize creation and
 * rotation on a lock row. Each node re-reads the keys after {@code refresh} and when a token names a key it does
 * not know, so no node keeps anything another node needs.
 */
@Component
class SigningKeys {

    /** The key that signs now. */
    record ActiveKey(String kid, RSAPublicKey publicKey, RSAPrivateKey privateKey, Instant created) {

        KeyPair keyPair() {
            return new KeyPair(publicKey, privateKey);
        }
    }

    /** What the actuator shows of a key: never key material. */
    record KeyInfo(String kid, boolean active, Instant created, Instant retired, Instant verifiesUntil,
                   boolean encrypted) {
    }

    private record StoredKey(String kid, String privateKey, String publicKey, boolean active, Instant created,
                             Instant retired) {
    }

    private record VerifyingKey(RSAKey jwk, Instant verifiesUntil) {
    }

    private record Snapshot(Instant readAt, ActiveKey active, List<VerifyingKey> verifying) {
    }

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final Duration UNKNOWN_KID_RELOAD_PAUSE = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PrivateKeyCipher cipher;
    private final Clock clock;
    private final Duration rotateAfter;
    private final Duration refresh;
    private final Duration retention;
    private volatile Snapshot snapshot;
    private volatile Instant lastUnknownKidReload = Instant.MIN;

    SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = new PrivateKeyCipher(properties.signing().secret());
        this.clock = clock;
        this.rotateAfter = properties.signing().rotateAfter();
        this.refresh = properties.signing().refresh();
        // a node may sign with a just-retired key until it re-reads the keys, and that token lives tokenValidity
        this.retention = properties.tokenValidity().plus(refresh).plus(CLOCK_SKEW);
    }

    /** The active key, created on first use and replaced when it is older than rotate-after. */
    ActiveKey active() {
        Snapshot current = current();
        if (!clock.instant().isBefore(current.active().created().plus(rotateAfter))) {
            rotate(false);
            current = reload();
        }
        return current.active();
    }

    /** How long a retired key still verifies. */
    Duration retention() {
        return retention;
    }

    /**
     * Start-up work, before the node is ready: the first key exists, plain private keys are encrypted once a
     * secret is set, and the active key opens with this node's secret (a wrong secret stops the start here).
     */
    void prepare() {
        if (cipher.sealing()) {
            int sealed = transactions.execute(status -> {
                lock();
                int count = 0;
                for (StoredKey key : stored()) {
                    if (key.privateKey() != null && !PrivateKeyCipher.isSealed(key.privateKey())) {
                        byte[] pkcs8 = cipher.open(key.kid(), key.privateKey());
                        count += jdbc.sql("update nelm_signing_key set private_pem = :sealed where id = :id")
                                .param("sealed", cipher.store(key.kid(), pkcs8)).param("id", key.kid()).update();
                    }
                }
                return count;
            });
            if (sealed > 0) {
                log.info("Encrypted {} signing key(s) with NELM_SIGNING_KEY_SECRET", sealed);
            }
        }
        active();
    }

    /** Replaces the active key now (operator's request). */
    void rotateNow() {
        rotate(true);
        reload();
    }

    List<KeyInfo> list() {
        return stored().stream()
                .map(key -> new KeyInfo(key.kid(), key.active(), key.created(), key.retired(),
                        key.retired() == null ? null : key.retired().plus(retention),
                        key.privateKey() != null && PrivateKeyCipher.isSealed(key.privateKey())))
                .toList();
    }

    /** For the JWT decoder: the keys that verify now; an unknown kid makes the node read the keys again. */
    JWKSource<SecurityContext> jwkSource() {
        return (selector, context) -> {
            List<JWK> found = selector.select(verifyingNow(current()));
            Set<String> kids = selector.getMatcher().getKeyIDs();
            if (found.isEmpty() && kids != null && !kids.isEmpty() && reloadForUnknownKid()) {
                found = selector.select(verifyingNow(snapshot));
            }
            return found;
        };
    }

    private JWKSet verifyingNow(Snapshot current) {
        Instant now = clock.instant();
        return new JWKSet(current.verifying().stream()
                .filter(key -> key.verifiesUntil() == null || now.isBefore(key.verifiesUntil()))
                .map(key -> (JWK) key.jwk())
                .toList());
    }

    private boolean reloadForUnknownKid() {
        Instant now = clock.instant();
        if (now.isBefore(lastUnknownKidReload.plus(UNKNOWN_KID_RELOAD_PAUSE))) {
            return false;
        }
        lastUnknownKidReload = now;
        reload();
        return true;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.readAt().plus(refresh)) || now.isBefore(current.readAt())) {
            current = reload();
        }
        return current;
    }

    private synchronized Snapshot reload() {
        List<StoredKey> keys = stored();
        if (keys.stream().noneMatch(StoredKey::active)) {
            rotate(false);
            keys = stored();
        }
        StoredKey active = keys.stream().filter(StoredKey::active).findFirst().orElseThrow();
        Snapshot previous = snapshot;
        RSAPrivateKey privateKey = previous != null && previous.active().kid().equals(active.kid())
                ? previous.active().privateKey()
                : privateKey(cipher.open(active.kid(), active.privateKey()));
        List<VerifyingKey> verifying = keys.stream()
                .map(key -> new VerifyingKey(
                        new RSAKey.Builder(publicKey(key.publicKey())).keyID(key.kid()).build(),
                        key.retired() == null ? null : key.retired().plus(retention)))
                .toList();
        Snapshot fresh = new Snapshot(clock.instant(),
                new ActiveKey(active.kid(), publicKey(active.publicKey()), privateKey, active.created()), verifying);
        snapshot = fresh;
        return fresh;
    }

    /**
     * Under the lock row: retires the active key and creates a new one, unless another node did so since this
     * node decided to (not forced: the active key is no longer due). Keys past their retention are deleted.
     */
    private void rotate(boolean force) {
        transactions.executeWithoutResult(status -> {
            lock();
            Instant now = clock.instant();
            Optional<StoredKey> active = stored().stream().filter(StoredKey::active).findFirst();
            if (!force && active.isPresent() && now.isBefore(active.get().created().plus(rotateAfter))) {
                return;
            }
            active.ifPresent(key -> jdbc.sql("""
                            update nelm_signing_key set active = false, retired = :now, private_pem = null
                            where id = :id""")
                    .param("now", utc(now)).param("id", key.kid()).update());
            String kid = UUID.randomUUID().toString();
            KeyPair generated = generate();
            jdbc.sql("""
                            insert into nelm_signing_key (id, private_pem, public_pem, active, created)
                            values (:id, :private, :public, true, :created)""")
                    .param("id", kid)
                    .param("private", cipher.store(kid, generated.getPrivate().getEncoded()))
                    .param("public", Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()))
                    .param("created", utc(now))
                    .update();
            int deleted = jdbc.sql("delete from nelm_signing_key where active = false and retired < :cutoff")
                    .param("cutoff", utc(now.minus(retention))).update();
            log.info("Signing key {} is active{}{}", kid,
                    active.map(key -> "; " + key.kid() + " retired and verifies until " + now.plus(retention))
                            .orElse(""),
                    deleted > 0 ? "; " + deleted + " expired key(s) deleted" : "");
        });
    }

    private void lock() {
        jdbc.sql("select name from nelm_limit_lock where name = 'signing-keys' for update").query(String.class).single();
    }

    private List<StoredKey> stored() {
        return jdbc.sql("select * from nelm_signing_key order by created, id")
                .query((rs, row) -> new StoredKey(
                        rs.getString("id"),
                        rs.getString("private_pem"),
                        rs.getString("public_pem"),
                        rs.getBoolean("active"),
                        rs.getObject("created", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("retired", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null)))
                .list();
    }

    /** As both databases keep it: whole microseconds. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static RSAPublicKey publicKey(String base64) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored signing key cannot be read", e);
        }
    }

    private static RSAPrivateKey privateKey(byte[] pkcs8) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored signing key cannot be read", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
