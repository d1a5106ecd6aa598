package org.nelm.request;

/** The contract's NonEmployeeSourceLite. */
public record NonEmployeeSourceLite(String id, String sourceId, String name, String description) {
}
