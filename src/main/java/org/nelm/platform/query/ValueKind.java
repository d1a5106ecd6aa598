package org.nelm.platform.query;

/**
 * The type of a filterable field; decides which literals are accepted and which Java type is bound:
 * STRING and ENUM bind {@link String} (ENUM upper-cased), BOOLEAN {@link Boolean},
 * TIMESTAMP {@link java.time.OffsetDateTime}, NUMBER {@link java.math.BigDecimal}.
 */
public enum ValueKind { STRING, ENUM, BOOLEAN, TIMESTAMP, NUMBER }
