package org.nelm.source;

/**
 * Published synchronously inside the transaction that deletes a source, before any of its rows go, so that
 * listeners (the request module) can end the source's pending requests in the same transaction.
 *
 * @param sourceId the source's {@code id} (the value of the {@code {sourceId}} path parameter)
 */
public record SourceDeleting(String sourceId) {
}
