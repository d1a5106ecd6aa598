package org.nelm.source;

/** Published synchronously inside the transaction that deletes a source, before its rows are deleted. */
public record SourceDeleting(String sourceId) {
}
