package org.nelm.record;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.nelm.source.RecordCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One grouped query for a page of sources. */
@Repository
class RecordCountsBySource implements RecordCounts {

    private final JdbcClient jdbc;

    RecordCountsBySource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Integer> of(Collection<String> sourceIds) {
        Map<String, Integer> counts = new HashMap<>();
        if (sourceIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select source_id, count(*) as n from nelm_record where source_id in (:ids) group by source_id")
                .param("ids", sourceIds)
                .query(rs -> {
                    counts.put(rs.getString("source_id"), rs.getInt("n"));
                });
        return counts;
    }
}
