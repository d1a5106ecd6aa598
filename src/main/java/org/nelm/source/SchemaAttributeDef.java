package org.nelm.source;

/** One attribute of a source's account schema, as the request/record validation needs it. */
public record SchemaAttributeDef(String id, String technicalName, String label, String type, boolean system,
                                 boolean required) {
}
