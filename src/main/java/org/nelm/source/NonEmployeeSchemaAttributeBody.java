package org.nelm.source;

/** The contract's NonEmployeeSchemaAttributeBody (create a custom attribute). */
record NonEmployeeSchemaAttributeBody(String type, String label, String technicalName, String helpText,
                                      String placeholder, Boolean required) {
}
