package org.nelm.source;

/** The part of a custom attribute a PATCH may change (reference section 7), as the patch leaves it. */
record SchemaAttributeChanges(String label, String helpText, String placeholder, Boolean required) {
}
