package org.nelm.security;

import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/signingkeys} (actuator credentials): {@code GET} lists the signing keys without key material,
 * {@code POST} rotates now, e.g. when a key may have leaked. Other nodes sign with the new key after their next
 * refresh and verify it at once.
 */
@Component
@Endpoint(id = "signingkeys")
class SigningKeysEndpoint {

    private final SigningKeys keys;

    SigningKeysEndpoint(SigningKeys keys) {
        this.keys = keys;
    }

    @ReadOperation
    List<SigningKeys.KeyInfo> keys() {
        return keys.list();
    }

    @WriteOperation
    List<SigningKeys.KeyInfo> rotate() {
        keys.rotateNow();
        return keys.list();
    }
}
