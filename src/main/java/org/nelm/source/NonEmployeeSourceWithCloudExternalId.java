package org.nelm.source;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The contract's answer to create: the source plus its legacy {@code cloudExternalId}. */
record NonEmployeeSourceWithCloudExternalId(@JsonUnwrapped NonEmployeeSource source, String cloudExternalId) {
}
