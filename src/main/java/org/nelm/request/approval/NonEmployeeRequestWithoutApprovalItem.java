package org.nelm.request.approval;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The contract's NonEmployeeRequestWithoutApprovalItem (approval detail). Unlike everywhere else, its
 * startDate / endDate are dates ({@code 2020-03-24}): the UTC date of the stored instant.
 */
public record NonEmployeeRequestWithoutApprovalItem(String id, NonEmployeeIdentityReferenceWithId requester,
                                                    String accountName, String firstName, String lastName,
                                                    String email, String phone, String manager,
                                                    NonEmployeeSourceLiteWithSchemaAttributes nonEmployeeSource,
                                                    Map<String, String> data, ApprovalStatus approvalStatus,
                                                    String comment, OffsetDateTime completionDate,
                                                    LocalDate startDate, LocalDate endDate,
                                                    OffsetDateTime modified, OffsetDateTime created) {

    /** NonEmployeeSourceLiteWithSchemaAttributes. */
    public record NonEmployeeSourceLiteWithSchemaAttributes(String id, String sourceId, String name,
                                                            String description,
                                                            List<SchemaAttribute> schemaAttributes) {
    }

    /** NonEmployeeSchemaAttribute, with the fields the source read model carries. */
    public record SchemaAttribute(String id, boolean system, String type, String label, String technicalName,
                                  boolean required) {
    }
}
