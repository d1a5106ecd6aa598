package org.nelm.source;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The contract's NonEmployeeSource. {@code owner} and {@code managementWorkgroup} are write-only: no source schema
 * of the contract returns them (reference section 13.20).
 */
public record NonEmployeeSource(String id, String sourceId, String name, String description,
                                List<ApproverRef> approvers, List<ApproverRef> accountManagers,
                                OffsetDateTime modified, OffsetDateTime created) {
}
