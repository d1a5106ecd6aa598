package org.nelm.security;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RSA key that signs access tokens. It lives in the database, so every node of a cluster signs and
 * verifies with the same key; the first node to start creates it, the others read it.
 */
@Component
class SigningKeys {

    private static final String KEY_ID = "nelm-signing-key-1";

    private final JdbcClient jdbc;
    private volatile KeyPair keyPair;

    SigningKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String keyId() {
        return KEY_ID;
    }

    KeyPair keyPair() {
        KeyPair current = keyPair;
        if (current == null) {
            synchronized (this) {
                if (keyPair == null) {
                    keyPair = loadOrCreate();
                }
                current = keyPair;
            }
        }
        return current;
    }

    private KeyPair loadOrCreate() {
        return load().orElseGet(() -> {
            KeyPair generated = generate();
            try {
                jdbc.sql("insert into nelm_signing_key (id, private_pem, public_pem, active, created) values (:id, :priv, :pub, true, :created)")
                        .param("id", KEY_ID)
                        .param("priv", Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()))
                        .param("pub", Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()))
                        .param("created", OffsetDateTime.now(ZoneOffset.UTC))
                        .update();
                return generated;
            } catch (DuplicateKeyException anotherNodeWasFaster) {
                return load().orElseThrow();
            }
        });
    }

    private java.util.Optional<KeyPair> load() {
        return jdbc.sql("select private_pem, public_pem from nelm_signing_key where id = :id")
                .param("id", KEY_ID)
                .query((rs, row) -> decode(rs.getString("private_pem"), rs.getString("public_pem")))
                .optional();
    }

    private static KeyPair decode(String privateKey, String publicKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateKey priv = (RSAPrivateKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
            RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            return new KeyPair(pub, priv);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Stored signing key cannot be read", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
