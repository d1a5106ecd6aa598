package org.nelm.source;

/** One approval level of a source: an identity (assignee) or a governance group (any member decides). */
public record ApproverRef(ApproverType type, String id) {
}
