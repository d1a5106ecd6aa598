package org.nelm.source;

/** The contract's NonEmployeeIdentityDtoType: who an approver reference names. */
public enum ApproverType { IDENTITY, GOVERNANCE_GROUP }
