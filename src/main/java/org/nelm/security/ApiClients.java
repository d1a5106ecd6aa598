package org.nelm.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored client credentials (table nelm_api_client); secrets are kept only as BCrypt hashes. */
@Repository
class ApiClients {

    private final JdbcClient jdbc;

    ApiClients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ApiClient> find(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        return jdbc.sql("select * from nelm_api_client where client_id = :id")
                .param("id", clientId)
                .query(ApiClients::map)
                .optional();
    }

    List<ApiClient> personalTokensOf(String identityId) {
        return jdbc.sql("select * from nelm_api_client where kind = 'PAT' and identity_id = :identity order by created, client_id")
                .param("identity", identityId)
                .query(ApiClients::map)
                .list();
    }

    boolean exists(String clientId) {
        return jdbc.sql("select count(*) from nelm_api_client where client_id = :id").param("id", clientId)
                .query(Integer.class).single() > 0;
    }

    void insert(ApiClient client) {
        jdbc.sql("""
                insert into nelm_api_client (client_id, secret_hash, kind, name, identity_id, scopes, authorities,
                    access_token_validity_seconds, expiration_date, created)
                values (:clientId, :secretHash, :kind, :name, :identityId, :scopes, :authorities,
                    :validity, :expirationDate, :created)
                """)
                .param("clientId", client.clientId())
                .param("secretHash", client.secretHash())
                .param("kind", client.kind().name())
                .param("name", client.name())
                .param("identityId", client.identityId())
                .param("scopes", String.join(" ", client.scopes()))
                .param("authorities", client.authorities() == null ? null : String.join(" ", client.authorities()))
                .param("validity", client.accessTokenValiditySeconds())
                .param("expirationDate", client.expirationDate())
                .param("created", client.created())
                .update();
    }

    void markUsed(String clientId, OffsetDateTime when) {
        jdbc.sql("update nelm_api_client set last_used = :when where client_id = :id")
                .param("when", when).param("id", clientId).update();
    }

    /** Disables the enabled clients among the ids (kind CLIENT); returns the ids it disabled. */
    List<String> disable(Collection<String> clientIds, OffsetDateTime when) {
        if (clientIds.isEmpty()) {
            return List.of();
        }
        List<String> enabled = jdbc.sql("""
                        select client_id from nelm_api_client
                        where client_id in (:ids) and kind = 'CLIENT' and disabled is null order by client_id""")
                .param("ids", clientIds).query(String.class).list();
        if (!enabled.isEmpty()) {
            jdbc.sql("update nelm_api_client set disabled = :when where client_id in (:ids)")
                    .param("when", when).param("ids", enabled).update();
        }
        return enabled;
    }

    /** A disabled client works again, with this secret. */
    void enable(String clientId, String secretHash) {
        jdbc.sql("update nelm_api_client set disabled = null, secret_hash = :hash where client_id = :id")
                .param("hash", secretHash).param("id", clientId).update();
    }

    int deletePersonalTokensOf(Collection<String> identityIds) {
        if (identityIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from nelm_api_client where kind = 'PAT' and identity_id in (:ids)")
                .param("ids", identityIds).update();
    }

    boolean deletePersonalToken(String clientId) {
        return jdbc.sql("delete from nelm_api_client where client_id = :id and kind = 'PAT'")
                .param("id", clientId).update() > 0;
    }

    private static ApiClient map(ResultSet rs, int row) throws SQLException {
        return new ApiClient(
                rs.getString("client_id"),
                rs.getString("secret_hash"),
                ApiClient.Kind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("identity_id"),
                words(rs.getString("scopes")),
                rs.getString("authorities") == null ? null : words(rs.getString("authorities")),
                (Integer) rs.getObject("access_token_validity_seconds"),
                rs.getObject("expiration_date", OffsetDateTime.class),
                rs.getObject("created", OffsetDateTime.class),
                rs.getObject("last_used", OffsetDateTime.class),
                rs.getObject("disabled", OffsetDateTime.class));
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }
}
