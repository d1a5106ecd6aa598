package org.nelm.record;

import java.util.List;
import org.nelm.platform.error.ApiException;
import org.nelm.security.Caller;
import org.nelm.security.RoleContext;
import org.nelm.source.SourcePolicies;
import org.nelm.source.SourcePolicy;
import org.springframework.stereotype.Component;

/** Who may see and change which records (reference section 3, ops 1-7). */
@Component
class RecordAccess {

    /** What a caller may change on a record: everything, or only its end date. */
    enum EditScope { ALL_FIELDS, END_DATE_ONLY }

    private final SourcePolicies sources;

    RecordAccess(SourcePolicies sources) {
        this.sources = sources;
    }

    /** The sources whose records the caller may list; null = all of them. */
    List<String> listableSources(Caller caller) {
        if (caller.has(RoleContext.NESR_READ)) {
            return null;
        }
        return caller.hasIdentity() ? sources.managedBy(caller.identityId()) : List.of();
    }

    void checkRead(Caller caller, NonEmployeeRecord record) {
        if (caller.has(RoleContext.NESR_READ)) {
            return;
        }
        SourcePolicy source = sources.find(record.sourceId()).orElseThrow(ApiException::notFound);
        if (!source.isAccountManager(caller.identityId())) {
            throw ApiException.forbidden();
        }
    }

    /** idn:nesr:update changes every field; the source's owner and account managers only the end date. */
    EditScope editScope(Caller caller, NonEmployeeRecord record) {
        if (caller.has(RoleContext.NESR_UPDATE)) {
            return EditScope.ALL_FIELDS;
        }
        SourcePolicy source = sources.find(record.sourceId()).orElseThrow(ApiException::notFound);
        if (source.isOwner(caller.identityId()) || source.isAccountManager(caller.identityId())) {
            return EditScope.END_DATE_ONLY;
        }
        throw ApiException.forbidden();
    }
}
