package org.nelm.bulk;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nelm.record.NonEmployeeRecord;
import org.nelm.record.RecordStream;
import org.nelm.source.SourcePolicy;
import org.springframework.stereotype.Component;

/**
 * The export CSV: the contract's eight columns, then the source's custom attributes by technical name, dates in
 * ISO-8601 with offset. Rows go from the database cursor straight to the response, so memory stays flat. Text
 * values that a spreadsheet would take for a formula are written with a leading quote ({@link SpreadsheetText});
 * dates start with a digit and need none.
 */
@Component
class CsvExport {

    private final RecordStream records;

    CsvExport(RecordStream records) {
        this.records = records;
    }

    void write(SourcePolicy source, HttpServletResponse response) throws IOException {
        List<String> columns = CsvColumns.of(source);
        List<String> custom = columns.subList(CsvColumns.FIXED.size(), columns.size());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"non-employees-" + source.id() + ".csv\"");
        Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                1 << 16);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new)).get());
        List<String> row = new ArrayList<>(columns.size());
        records.forEachInSource(source.id(), record -> {
            row.clear();
            fixed(row, record);
            custom.forEach(name -> row.add(SpreadsheetText.escape(record.data().getOrDefault(name, ""))));
            try {
                printer.printRecord(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        printer.flush();
    }

    private static void fixed(List<String> row, NonEmployeeRecord record) {
        row.add(SpreadsheetText.escape(record.accountName()));
        row.add(SpreadsheetText.escape(record.firstName()));
        row.add(SpreadsheetText.escape(record.lastName()));
        row.add(SpreadsheetText.escape(record.phone()));
        row.add(SpreadsheetText.escape(record.email()));
        row.add(SpreadsheetText.escape(record.manager()));
        row.add(iso(record.startDate()));
        row.add(iso(record.endDate()));
    }

    private static String iso(OffsetDateTime date) {
        return date.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
