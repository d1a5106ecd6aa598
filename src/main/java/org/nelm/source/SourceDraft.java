package org.nelm.source;

import java.util.List;
import java.util.Locale;

/** A validated source as create or a patch leaves it: every reference exists, every limit holds. */
record SourceDraft(String name, String description, String ownerId, String managementWorkgroup,
                   List<ApproverRef> approvers, List<String> accountManagerIds) {

    /** Names are unique regardless of case. */
    String nameKey() {
        return keyOf(name);
    }

    static String keyOf(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
