package org.nelm.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
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

    TokenIssuer(ApiClients clients, SigningKeys keys, IdentityDirectory directory, PasswordEncoder passwordEncoder,
                SecurityProperties properties, Clock clock) {
        this.clients = clients;
        this.keys = keys;
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.clock = clock;
    }

    /** Empty when the client is unknown, its secret is wrong, or it expired (all the same to the caller). */
    Optional<IssuedToken> issue(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null) {
            return Optional.empty();
        }
        OffsetDateTime now = StoredTime.now(clock);
        return clients.find(clientId)
                .filter(client -> !client.expiredAt(now))
                .filter(client -> passwordEncoder.matches(clientSecret, client.secretHash()))
                .filter(client -> client.identityId() == null || directory.identityExists(client.identityId()))
                .map(client -> {
                    clients.markUsed(client.clientId(), now);
                    return sign(client, now.toInstant());
                });
    }

    private IssuedToken sign(ApiClient client, Instant now) {
        long validity = client.accessTokenValiditySeconds() != null
                ? client.accessTokenValiditySeconds() : properties.tokenValiditySeconds();
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
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.keyId()).build();
        String value = encoder().encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
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

    private NimbusJwtEncoder encoder() {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.keyPair().getPublic())
                .privateKey((RSAPrivateKey) keys.keyPair().getPrivate())
                .keyID(keys.keyId())
                .build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }
}
