package org.nelm.source;

import java.time.OffsetDateTime;

/** The contract's NonEmployeeSchemaAttribute. */
public record NonEmployeeSchemaAttribute(String id, boolean system, OffsetDateTime modified, OffsetDateTime created,
                                         String type, String label, String technicalName, String helpText,
                                         String placeholder, boolean required) {
}
