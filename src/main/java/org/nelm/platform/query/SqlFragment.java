package org.nelm.platform.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of SQL with its named bind parameters, ready for {@code NamedParameterJdbcTemplate} / {@code JdbcClient}
 * ({@code jdbcClient.sql(...).params(fragment.params())}).
 */
public record SqlFragment(String sql, Map<String, Object> params) {

    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        // insertion order kept (p0, p1, ...) so that logs and tests read naturally
        params = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(params, "params")));
    }

    public static SqlFragment empty() {
        return new SqlFragment("", Map.of());
    }

    public boolean isEmpty() {
        return sql.isEmpty();
    }
}
