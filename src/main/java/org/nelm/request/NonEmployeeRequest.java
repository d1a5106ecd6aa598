package org.nelm.request;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.nelm.request.approval.ApprovalStatus;
import org.nelm.request.approval.NonEmployeeApprovalItemBase;

/**
 * The contract's NonEmployeeRequest. {@code id} is the request id (reference section 12 #5); {@code sourceId},
 * {@code name} and {@code description} describe the source, as in the contract's example.
 */
public record NonEmployeeRequest(String id, String sourceId, String name, String description, String accountName,
                                 String firstName, String lastName, String email, String phone, String manager,
                                 NonEmployeeSourceLite nonEmployeeSource, Map<String, String> data,
                                 List<NonEmployeeApprovalItemBase> approvalItems, ApprovalStatus approvalStatus,
                                 String comment, OffsetDateTime completionDate, OffsetDateTime startDate,
                                 OffsetDateTime endDate, OffsetDateTime modified, OffsetDateTime created) {
}
