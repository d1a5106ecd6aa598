package org.nelm.source;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of sources' account schemas, in schema order: system attributes first, then custom ones as created. */
@Repository
class SchemaAttributeStore {

    private final JdbcClient jdbc;

    SchemaAttributeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertSystemAttributes(String sourceId, OffsetDateTime now) {
        for (int i = 0; i < SystemAttributes.ALL.size(); i++) {
            SystemAttributes.Definition d = SystemAttributes.ALL.get(i);
            insert(sourceId, i, true, d.type(), d.label(), d.technicalName(), null, null, true, now);
        }
    }

    NonEmployeeSchemaAttribute insertCustom(String sourceId, NonEmployeeSchemaAttribute attribute, OffsetDateTime now) {
        int position = jdbc.sql("select coalesce(max(position), -1) + 1 from nelm_schema_attribute where source_id = :id")
                .param("id", sourceId).query(Integer.class).single();
        String id = insert(sourceId, position, false, attribute.type(), attribute.label(), attribute.technicalName(),
                attribute.helpText(), attribute.placeholder(), attribute.required(), now);
        return find(sourceId, id).orElseThrow();
    }

    List<NonEmployeeSchemaAttribute> list(String sourceId) {
        return jdbc.sql("select * from nelm_schema_attribute where source_id = :id order by position")
                .param("id", sourceId).query(this::map).list();
    }

    Optional<NonEmployeeSchemaAttribute> find(String sourceId, String attributeId) {
        return jdbc.sql("select * from nelm_schema_attribute where source_id = :sourceId and id = :id")
                .param("sourceId", sourceId).param("id", attributeId).query(this::map).optional();
    }

    long countCustom(String sourceId) {
        return jdbc.sql("select count(*) from nelm_schema_attribute where source_id = :id and system = false")
                .param("id", sourceId).query(Long.class).single();
    }

    void update(String attributeId, SchemaAttributeChanges changes, OffsetDateTime now) {
        jdbc.sql("""
                        update nelm_schema_attribute set label = :label, help_text = :helpText,
                            placeholder = :placeholder, required = :required, modified = :now where id = :id
                        """)
                .param("id", attributeId)
                .param("label", changes.label())
                .param("helpText", changes.helpText())
                .param("placeholder", changes.placeholder())
                .param("required", changes.required())
                .param("now", now)
                .update();
    }

    void deleteCustom(String sourceId, String attributeId) {
        jdbc.sql("delete from nelm_schema_attribute where source_id = :sourceId and id = :id and system = false")
                .param("sourceId", sourceId).param("id", attributeId).update();
    }

    void deleteAllCustom(String sourceId) {
        jdbc.sql("delete from nelm_schema_attribute where source_id = :id and system = false")
                .param("id", sourceId).update();
    }

    private String insert(String sourceId, int position, boolean system, String type, String label,
                          String technicalName, String helpText, String placeholder, boolean required,
                          OffsetDateTime now) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        insert into nelm_schema_attribute (id, source_id, position, system, type, label, technical_name,
                            help_text, placeholder, required, created, modified)
                        values (:id, :sourceId, :position, :system, :type, :label, :technicalName,
                            :helpText, :placeholder, :required, :now, :now)
                        """)
                .param("id", id)
                .param("sourceId", sourceId)
                .param("position", position)
                .param("system", system)
                .param("type", type)
                .param("label", label)
                .param("technicalName", technicalName)
                .param("helpText", helpText)
                .param("placeholder", placeholder)
                .param("required", required)
                .param("now", now)
                .update();
        return id;
    }

    private NonEmployeeSchemaAttribute map(ResultSet rs, int row) throws SQLException {
        return new NonEmployeeSchemaAttribute(rs.getString("id"), rs.getBoolean("system"),
                rs.getObject("modified", OffsetDateTime.class), rs.getObject("created", OffsetDateTime.class),
                rs.getString("type"), rs.getString("label"), rs.getString("technical_name"),
                rs.getString("help_text"), rs.getString("placeholder"), rs.getBoolean("required"));
    }
}
