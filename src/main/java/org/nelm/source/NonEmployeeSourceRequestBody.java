package org.nelm.source;

import java.util.List;

/** The contract's NonEmployeeSourceRequestBody (create), also the document a source PATCH is applied to. */
record NonEmployeeSourceRequestBody(String name, String description, NonEmployeeIdnUserRequest owner,
                                    String managementWorkgroup, List<NonEmployeeIdnUserRequest> approvers,
                                    List<NonEmployeeIdnUserRequest> accountManagers) {
}
