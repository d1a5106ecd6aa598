package org.nelm.workflow;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.nelm.record.NonEmployeeRequestBody;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sources for process tests, written straight into the tables (process tests test the process, not the sources
 * API): a name, ordered approvers and optional custom attributes.
 */
public final class ProcessTestSources {

    public static final ApproverRef APPROVER1 = new ApproverRef(ApproverType.IDENTITY, "approver1");
    public static final ApproverRef APPROVER2 = new ApproverRef(ApproverType.IDENTITY, "approver2");
    public static final ApproverRef APPROVER3 = new ApproverRef(ApproverType.IDENTITY, "approver3");
    public static final ApproverRef GROUP = new ApproverRef(ApproverType.GOVERNANCE_GROUP, "nelm-approvers");

    private static final List<String> SYSTEM = List.of("accountName", "firstName", "lastName", "phone", "email",
            "manager", "startDate", "endDate");

    private final JdbcClient jdbc;

    public ProcessTestSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String create(String name, List<ApproverRef> approvers, String... customAttributes) {
        return createOwnedBy("admin", name, approvers, customAttributes);
    }

    public String createOwnedBy(String owner, String name, List<ApproverRef> approvers, String... customAttributes) {
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String nameKey = hasNameKey() ? ", name_key" : "";
        jdbc.sql("insert into nelm_source (id, source_id, cloud_external_id, name, description, owner_id, created, "
                        + "modified" + nameKey + ") values (:id, :sourceId, :external, :name, 'process test source', "
                        + ":owner, :now, :now" + (nameKey.isEmpty() ? "" : ", :key") + ")")
                .param("id", id).param("owner", owner).param("sourceId", UUID.randomUUID().toString())
                .param("external", UUID.randomUUID().toString().substring(0, 8))
                .param("name", name).param("now", now).param("key", name.toLowerCase(java.util.Locale.ROOT))
                .update();
        for (int i = 0; i < approvers.size(); i++) {
            jdbc.sql("insert into nelm_source_approver (source_id, position, type, approver_id) values (:s, :p, :t, :a)")
                    .param("s", id).param("p", i).param("t", approvers.get(i).type().name())
                    .param("a", approvers.get(i).id()).update();
        }
        int position = 0;
        for (String attribute : SYSTEM) {
            attribute(id, position++, true, attribute, now);
        }
        for (String attribute : customAttributes) {
            attribute(id, position++, false, attribute, now);
        }
        return id;
    }

    /** The sources module's case-insensitive name key, where its migration has run. */
    private boolean hasNameKey() {
        return jdbc.sql("""
                        select count(*) from information_schema.columns
                        where lower(table_name) = 'nelm_source' and lower(column_name) = 'name_key'
                        """)
                .query(Long.class).single() > 0;
    }

    static NonEmployeeRequestBody body(String sourceId, String accountName, Map<String, String> data) {
        return new NonEmployeeRequestBody(accountName, "William", "Smith", accountName + "@example.com", "5125555555",
                "manager1", sourceId, data, "2030-03-24T00:00:00-05:00", "2031-03-25T00:00:00-05:00");
    }

    private void attribute(String sourceId, int position, boolean system, String name, OffsetDateTime now) {
        jdbc.sql("""
                        insert into nelm_schema_attribute (id, source_id, position, system, type, label, technical_name,
                            required, created, modified)
                        values (:id, :s, :p, :system, 'TEXT', :name, :name, false, :now, :now)
                        """)
                .param("id", UUID.randomUUID().toString()).param("s", sourceId).param("p", position)
                .param("system", system).param("name", name).param("now", now).update();
    }

    /** A name no other test uses. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
