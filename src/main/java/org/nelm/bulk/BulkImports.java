package org.nelm.bulk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.nelm.platform.StoredTime;
import org.nelm.platform.error.ApiException;
import org.nelm.record.RecordBatchWriter;
import org.nelm.record.RecordBatchWriter.Outcome;
import org.nelm.record.RecordService;
import org.nelm.source.SourcePolicies;
import org.nelm.source.SourcePolicy;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepting an import: the file is read and checked synchronously (encoding, CSV syntax, header, size, the
 * 20,000 limit), then stored as a PENDING job whose process ({@link BulkImportProcess}) starts in the same
 * transaction; its job runs the import ({@link BulkImportRun}).
 */
@Service
class BulkImports {

    private static final TypeReference<List<RowResult>> ROWS = new TypeReference<>() { };

    private final BulkJobs jobs;
    private final BulkImportProcess process;
    private final RowChecks rowChecks;
    private final RecordBatchWriter writer;
    private final RecordService records;
    private final SourcePolicies sources;
    private final BulkProperties properties;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    BulkImports(BulkJobs jobs, BulkImportProcess process, RowChecks rowChecks, RecordBatchWriter writer, RecordService records, SourcePolicies sources,
                BulkProperties properties, ObjectMapper objectMapper, Clock clock) {
        this.jobs = jobs;
        this.process = process;
        this.rowChecks = rowChecks;
        this.writer = writer;
        this.records = records;
        this.sources = sources;
        this.properties = properties;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** A stored job and its file as checked at upload (the first run on this node need not read it again). */
    record SubmittedJob(BulkJob job, CheckedFile file) {
    }

    /**
     * Stores the file as a PENDING job and starts its import, which runs once this transaction has committed; 400 for
     * a bad file, 400.1.409 while another import of the source runs. The slot (null: none) keeps the checked rows for
     * the import's run on this node.
     */
    @Transactional
    BulkJob submit(SourcePolicy source, String fileName, long size, InputStreamSource file, String uploadedBy,
                   UploadSlots.Slot slot) {
        SubmittedJob submitted = store(source, fileName, size, file);
        process.start(submitted.job().id(), uploadedBy);
        if (slot != null) {
            slot.holdFor(submitted.job().id(), submitted.file());
        }
        return submitted.job();
    }

    /** Stores the file as a PENDING job without starting its import (tests start it when they want). */
    @Transactional
    SubmittedJob store(SourcePolicy source, String fileName, long size, InputStreamSource file) {
        CheckedFile checked = checkedFile(source, size, open(file));
        sources.lock(source.id());
        refuseWhileRunning(source);
        long refused = newAccountsBeyondLimit(source, checked);
        if (refused > 0) {
            throw ApiException.limit("The import would take the source over " + RecordService.MAX_RECORDS_PER_SOURCE
                    + " non-employees: " + refused + " of its new accounts do not fit");
        }
        OffsetDateTime now = StoredTime.now(clock);
        BulkJob job = new BulkJob(UUID.randomUUID().toString(), source.id(), JobStatus.PENDING, checked.rows().size(),
                properties.batchSize(), 0, 0, 0, null, now, now);
        jobs.insert(job, fileName, size, file);
        return new SubmittedJob(job, checked);
    }

    /**
     * How many of the file's new accounts would not fit into the source. Only updates of existing accounts can make
     * a file fit that has more valid rows than the source has room for, so the row-by-row preview (a read of all the
     * source's names) runs only then.
     */
    private long newAccountsBeyondLimit(SourcePolicy source, CheckedFile checked) {
        long valid = checked.rows().stream().filter(RowPlan::valid).count();
        if (records.countBySource(source.id()) + valid <= RecordService.MAX_RECORDS_PER_SOURCE) {
            return 0;
        }
        return outcomes(source, checked, false).stream().filter(r -> r.reasons().contains(LIMIT_TEXT)).count();
    }

    /**
     * Everything an import would do, row by row, without writing anything; refused like an upload while an import
     * of the source runs, since its outcome would change under it.
     */
    @Transactional(readOnly = true)
    BulkUploadResults dryRun(SourcePolicy source, long size, InputStreamSource file) {
        refuseWhileRunning(source);
        List<RowResult> rows = outcomes(source, checkedFile(source, size, open(file)), false);
        return summary(null, source.id(), null, true, null, rows);
    }

    private void refuseWhileRunning(SourcePolicy source) {
        jobs.newest(source.id())
                .filter(job -> job.status() == JobStatus.PENDING || job.status() == JobStatus.IN_PROGRESS)
                .ifPresent(running -> {
                    throw ApiException.conflict("An import into this source is already " + running.status()
                            + " (job " + running.id() + "); upload again when it has ended");
                });
    }

    BulkUploadResults results(BulkJob job) {
        List<RowResult> rows = new ArrayList<>();
        for (String json : jobs.batchResults(job.id())) {
            rows.addAll(fromJson(json));
        }
        return summary(job.id(), job.sourceId(), job.status(), false, job.errorText(), rows);
    }

    static final String LIMIT_TEXT = "the source already holds " + RecordService.MAX_RECORDS_PER_SOURCE
            + " non-employees (limit violation)";

    /**
     * What the rows do to the source's records as they are now: written when {@code write} (one batch of a job,
     * inside its transaction), only computed otherwise (dry run, limit check at upload).
     */
    List<RowResult> outcomes(SourcePolicy source, CheckedFile file, boolean write) {
        List<RowPlan> plans = file.rows();
        List<RowPlan> valid = plans.stream().filter(RowPlan::valid).toList();
        List<Outcome> outcomes = writer.upsert(source.id(), valid.stream().map(RowPlan::nonEmployee).toList(),
                file.dataColumns(), write);
        List<RowResult> results = new ArrayList<>(plans.size());
        int next = 0;
        for (RowPlan plan : plans) {
            if (!plan.valid()) {
                results.add(new RowResult(plan.line(), plan.accountName(), RowResult.Outcome.FAILED, plan.problems()));
                continue;
            }
            results.add(switch (outcomes.get(next++)) {
                case CREATED -> new RowResult(plan.line(), plan.accountName(), RowResult.Outcome.CREATED, List.of());
                case UPDATED -> new RowResult(plan.line(), plan.accountName(), RowResult.Outcome.UPDATED, List.of());
                case LIMIT_REACHED -> new RowResult(plan.line(), plan.accountName(), RowResult.Outcome.FAILED,
                        List.of(LIMIT_TEXT));
            });
        }
        return results;
    }

    /**
     * Reads and checks the file as it streams in. The custom attributes its header names are replaced on updated
     * records (an empty cell removes the value); those it does not name are kept.
     */
    CheckedFile checkedFile(SourcePolicy source, long size, InputStream file) {
        try (InputStream in = file) {
            if (size > properties.maxFileSize().toBytes()) {
                throw ApiException.limit("The file has " + size + " bytes; at most "
                        + properties.maxFileSize().toBytes() + " are accepted");
            }
            ParsedCsv csv = CsvReader.read(in, source, RecordService.MAX_RECORDS_PER_SOURCE);
            Set<String> dataColumns = csv.header().stream().filter(c -> !CsvColumns.FIXED.contains(c))
                    .collect(Collectors.toUnmodifiableSet());
            return new CheckedFile(dataColumns, rowChecks.check(csv, source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored file of a job, read again when a job runs on another node or after a restart. */
    CheckedFile checkedFile(SourcePolicy source, byte[] stored) {
        return checkedFile(source, stored.length, new ByteArrayInputStream(stored));
    }

    private static InputStream open(InputStreamSource file) {
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String toJson(List<RowResult> rows) {
        try {
            return objectMapper.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RowResult> fromJson(String json) {
        try {
            return objectMapper.readValue(json, ROWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored batch results are not JSON", e);
        }
    }

    private static BulkUploadResults summary(String jobId, String sourceId, JobStatus status, boolean dryRun,
                                             String error, List<RowResult> rows) {
        int created = count(rows, RowResult.Outcome.CREATED);
        int updated = count(rows, RowResult.Outcome.UPDATED);
        int failed = count(rows, RowResult.Outcome.FAILED);
        return new BulkUploadResults(jobId, sourceId, status, dryRun, created, updated, failed, error, rows);
    }

    private static int count(List<RowResult> rows, RowResult.Outcome outcome) {
        return (int) rows.stream().filter(row -> row.outcome() == outcome).count();
    }
}
