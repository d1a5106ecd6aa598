package org.nelm.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.nelm.platform.StoredTime;
import org.nelm.platform.identity.IdentityDirectory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Service;

/** Issues access tokens for the client-credentials grant, as SailPoint's {@code /oauth/token} does. */
@Service
class TokenIssuer {

    record IssuedToken(String value, long expiresIn, List<String> scopes, String identityId, String jti) {
    }

    private final ApiClients clients;
    private final SigningKeys keys;
    private final IdentityDirectory directory;
    private final PasswordEncoder passwordEncoder;
    private final SecurityProperties properties;
    private final Clock clock;
    private final String unknownClientHash;

    TokenIssuer(ApiClients clients, SigningKeys keys, IdentityDirectory directory, PasswordEncoder passwordEncoder,
                SecurityProperties properties, Clock clock) {
        this.clients = clients;
        this.keys = keys;
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.clock = clock;
        this.unknownClientHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /**
     * Empty when the client is unknown, disabled or expired, or the secret is wrong: all the same to the caller,
     * and all after one BCrypt comparison (against a dummy hash for an unknown client), so the time the answer
     * takes does not tell whether a client id exists.
     */
    Optional<IssuedToken> issue(String clientId, String clientSecret) {
        OffsetDateTime now = StoredTime.now(clock);
        Optional<ApiClient> found = clients.find(clientId);
        boolean secretMatches = passwordEncoder.matches(clientSecret,
                found.map(ApiClient::secretHash).orElse(unknownClientHash));
        return found
                .filter(client -> secretMatches && client.usableAt(now))
                .filter(client -> client.identityId() == null || directory.identityExists(client.identityId()))
                .map(client -> {
                    clients.markUsed(client.clientId(), now);
                    return sign(client, now.toInstant());
                });
    }

    /** A personal access token's own validity, but never longer than nelm.security.token-validity. */
    private long validityOf(ApiClient client) {
        long longest = properties.tokenValidity().toSeconds();
        return client.accessTokenValiditySeconds() == null ? longest
                : Math.min(client.accessTokenValiditySeconds(), longest);
    }

    private IssuedToken sign(ApiClient client, Instant now) {
        long validity = validityOf(client);
        SigningKeys.ActiveKey key = keys.active();
        String jti = UUID.randomUUID().toString();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(TokenClaims.ISSUER)
                .subject(client.identityId() != null ? client.identityId() : client.clientId())
                .id(jti)
                .issuedAt(now)
                .expiresAt(now.plusSeconds(validity))
                .claim(TokenClaims.CLIENT_ID, client.clientId())
                .claim(TokenClaims.SCOPE, client.scopes())
                .claim(TokenClaims.AUTHORITIES, authoritiesOf(client));
        if (client.identityId() != null) {
            claims.claim(TokenClaims.IDENTITY_ID, client.identityId());
            claims.claim(TokenClaims.USER_NAME, client.identityId());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.kid()).build();
        String value = encoder(key).encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(value, validity, client.scopes(), client.identityId(), jti);
    }

    /** An identity's role contexts come from its Camunda groups; an application client's are stored with it. */
    private List<String> authoritiesOf(ApiClient client) {
        if (client.identityId() == null) {
            return client.authorities() == null ? List.of() : client.authorities();
        }
        Set<String> groups = directory.groupsOf(client.identityId());
        List<String> authorities = new ArrayList<>();
        Arrays.stream(RoleContext.values())
                .filter(role -> groups.contains(role.groupId()))
                .forEach(role -> authorities.add(role.authority()));
        return authorities;
    }

    private static NimbusJwtEncoder encoder(SigningKeys.ActiveKey key) {
        RSAKey jwk = new RSAKey.Builder(key.publicKey()).privateKey(key.privateKey()).keyID(key.kid()).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
    }
}
