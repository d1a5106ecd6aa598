package org.nelm.request.approval;

/** The contract's NonEmployeeRequestLite: the request id and who made it. */
public record NonEmployeeRequestLite(String id, NonEmployeeIdentityReferenceWithId requester) {
}
