package org.nelm.bulk;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.web.NelmApi;
import org.nelm.security.Caller;
import org.nelm.security.CurrentCaller;
import org.nelm.security.RoleContext;
import org.nelm.source.SourcePolicies;
import org.nelm.source.SourcePolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Operations 18-20 of the reference (CSV export, bulk upload, upload status) plus the per-row results. */
@RestController
@NelmApi
@RequestMapping("/non-employee-sources/{id}")
class BulkController {

    private final CurrentCaller callers;
    private final SourcePolicies sources;
    private final BulkImports imports;
    private final BulkJobs jobs;
    private final CsvExport export;
    private final UploadSlots slots;

    BulkController(CurrentCaller callers, SourcePolicies sources, BulkImports imports, BulkJobs jobs,
                   CsvExport export, UploadSlots slots) {
        this.callers = callers;
        this.sources = sources;
        this.imports = imports;
        this.jobs = jobs;
        this.export = export;
        this.slots = slots;
    }

    @PostMapping(path = "/non-employee-bulk-upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@PathVariable String id, @RequestPart("data") MultipartFile data,
                             @RequestParam(defaultValue = "false") boolean dryRun) {
        Caller caller = callers.manager();
        caller.require(RoleContext.NESR_CREATE);
        SourcePolicy source = source(id);
        UploadSlots.Slot slot = slots.take(source.id());
        boolean handedOver = false;
        try {
            if (dryRun) {
                return ResponseEntity.ok(imports.dryRun(source, data.getSize(), data));
            }
            String uploadedBy = caller.hasIdentity() ? caller.identityId() : caller.clientId();
            BulkJob job = imports.submit(source, data.getOriginalFilename(), data.getSize(), data, uploadedBy, slot);
            // committed: the slot now belongs to the import's run, which gives it back when it ends
            handedOver = true;
            slot.releaseSource();
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(job.toContract());
        } finally {
            if (!handedOver) {
                slot.close();
            }
        }
    }

    @GetMapping("/non-employee-bulk-upload/status")
    NonEmployeeBulkUploadStatus status(@PathVariable String id) {
        SourcePolicy source = readable(id);
        return new NonEmployeeBulkUploadStatus(jobs.newest(source.id()).map(BulkJob::status).orElse(null));
    }

    @GetMapping("/non-employee-bulk-upload/{jobId}/results")
    BulkUploadResults results(@PathVariable String id, @PathVariable String jobId) {
        SourcePolicy source = readable(id);
        BulkJob job = jobs.find(jobId).filter(j -> j.sourceId().equals(source.id()))
                .orElseThrow(ApiException::notFound);
        return imports.results(job);
    }

    @GetMapping("/non-employees/download")
    void download(@PathVariable String id, HttpServletResponse response) throws IOException {
        SourcePolicy source = readable(id);
        export.write(source, response);
    }

    /** idn:nesr:read, or an account manager of this source. */
    private SourcePolicy readable(String id) {
        Caller caller = callers.reader();
        SourcePolicy source = source(id);
        if (!caller.has(RoleContext.NESR_READ) && !source.isAccountManager(caller.identityId())) {
            throw ApiException.forbidden();
        }
        return source;
    }

    private SourcePolicy source(String id) {
        return sources.find(id).orElseThrow(ApiException::notFound);
    }
}
