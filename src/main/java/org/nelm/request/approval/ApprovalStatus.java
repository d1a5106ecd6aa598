package org.nelm.request.approval;

/**
 * The contract's ApprovalStatus, for a request and for each approval item. NOT_READY: a later level whose turn
 * has not come; CANCELLED: the request ended (rejected or withdrawn) before this item was decided.
 */
public enum ApprovalStatus { APPROVED, REJECTED, PENDING, NOT_READY, CANCELLED }
