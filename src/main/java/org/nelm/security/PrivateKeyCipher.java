package org.nelm.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a signing key's private key for the database with AES-256-GCM under a key derived (PBKDF2-HMAC-SHA256,
 * a fresh salt per key) from the secret in {@code NELM_SIGNING_KEY_SECRET}. The key id is the associated data,
 * so a sealed key copied onto another row does not open. Without a secret the key is stored as plain base64.
 */
final class PrivateKeyCipher {

    static final String SEALED = "aes-gcm:v1:";

    // OWASP's 2023 figure for PBKDF2-HMAC-SHA256; a node derives once per key it opens
    private static final int ITERATIONS = 600_000;

    private final char[] secret;
    private final SecureRandom random = new SecureRandom();

    PrivateKeyCipher(String secret) {
        this.secret = secret == null || secret.isBlank() ? null : secret.toCharArray();
    }

    boolean sealing() {
        return secret != null;
    }

    static boolean isSealed(String stored) {
        return stored.startsWith(SEALED);
    }

    /** What to store for the key: sealed when a secret is set, else plain base64. */
    String store(String kid, byte[] pkcs8) {
        if (secret == null) {
            return Base64.getEncoder().encodeToString(pkcs8);
        }
        byte[] salt = randomBytes(16);
        byte[] iv = randomBytes(12);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, salt, iv, kid, pkcs8);
        Base64.Encoder base64 = Base64.getEncoder();
        return SEALED + base64.encodeToString(salt) + ":" + base64.encodeToString(iv) + ":"
                + base64.encodeToString(sealed);
    }

    /** The PKCS#8 bytes of a stored key; fails with a sentence an operator can act on. */
    byte[] open(String kid, String stored) {
        if (!isSealed(stored)) {
            return Base64.getDecoder().decode(stored);
        }
        if (secret == null) {
            throw new IllegalStateException("Signing key " + kid + " is encrypted, but NELM_SIGNING_KEY_SECRET "
                    + "is not set: start every node with the secret the keys were encrypted with");
        }
        String[] parts = stored.substring(SEALED.length()).split(":");
        Base64.Decoder base64 = Base64.getDecoder();
        try {
            return run(Cipher.DECRYPT_MODE, base64.decode(parts[0]), base64.decode(parts[1]), kid,
                    base64.decode(parts[2]));
        } catch (WrongSecret e) {
            throw new IllegalStateException("NELM_SIGNING_KEY_SECRET does not decrypt signing key " + kid
                    + ": start every node with the secret the keys were encrypted with");
        }
    }

    private byte[] run(int mode, byte[] salt, byte[] iv, String kid, byte[] input) {
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] key = factory.generateSecret(new PBEKeySpec(secret, salt, ITERATIONS, 256)).getEncoded();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new WrongSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM or PBKDF2 is not available in this JVM", e);
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static final class WrongSecret extends RuntimeException {
    }
}
