package org.nelm.source;

import java.util.List;

/**
 * The 8 mandatory attributes every source gets (reference L3/L4), in the order of the template CSV's columns.
 * They are {@code system} and {@code required}; the API refuses to change or delete them.
 */
final class SystemAttributes {

    record Definition(String technicalName, String label, String type) {
    }

    static final List<Definition> ALL = List.of(
            new Definition("accountName", "Account Name", "TEXT"),
            new Definition("firstName", "First Name", "TEXT"),
            new Definition("lastName", "Last Name", "TEXT"),
            new Definition("phone", "Phone", "TEXT"),
            new Definition("email", "Email", "TEXT"),
            new Definition("manager", "Manager", "IDENTITY"),
            new Definition("startDate", "Start Date", "DATE"),
            new Definition("endDate", "End Date", "DATE"));

    private SystemAttributes() {
    }
}
