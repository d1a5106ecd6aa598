package org.nelm.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.web.InputText;
import org.nelm.source.SchemaAttributeDef;
import org.nelm.source.SourcePolicy;

/**
 * Reads an uploaded CSV the way spreadsheets write it: UTF-8 with or without BOM, CRLF or LF, quoted fields
 * holding commas and line breaks, blanks around values, empty lines and all-empty rows (",,,,") ignored.
 * A file that cannot be read as a whole (encoding, CSV syntax, header, size) is a 400 listing every problem,
 * one message per problem with its line number; problems of single rows are left to {@link RowChecks}.
 * <p>
 * The file is streamed ({@link CsvInput}): memory grows with the rows kept (at most 20,000, each with the values
 * of its header's columns), not with the file's empty lines, columns or size. The parser counts the line of the
 * last character it read: a row's line is that of its end minus the line breaks inside its quoted values.
 */
final class CsvReader {

    /** Values are trimmed here, after their line breaks were counted. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();
    /** How many header problems one answer lists. */
    private static final int MAX_PROBLEMS = 20;

    private CsvReader() {
    }

    static ParsedCsv read(InputStream file, SourcePolicy source, int maxRows) {
        CsvInput input = new CsvInput(file);
        CSVParser parser = null;
        List<String> header = null;
        List<ParsedCsv.Row> rows = new ArrayList<>();
        try {
            parser = CSVParser.builder().setReader(input).setFormat(FORMAT).get();
            for (CSVRecord record : parser) {
                input.recordRead();
                String[] values = record.values();
                int line = (int) (parser.getCurrentLineNumber() - lineBreaks(values));
                if (!trimmed(values)) {
                    continue;
                }
                if (header == null) {
                    header = checkedHeader(values, line, source);
                    continue;
                }
                rows.add(ParsedCsv.Row.of(line, values, header.size()));
                if (rows.size() > maxRows) {
                    throw ApiException.limit("The file has more than " + maxRows
                            + " rows; a source holds at most " + maxRows + " non-employees");
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw unreadable(e, parser);
        }
        if (header == null) {
            throw ApiException.badRequest("line 1: the file is empty; the first line must be the header "
                    + String.join(",", CsvColumns.of(source)));
        }
        if (rows.isEmpty()) {
            throw ApiException.badRequest("line 2: the file has a header but no rows");
        }
        return new ParsedCsv(header, rows);
    }

    /** Trims every value in place and removes the spreadsheet quote of export; false when all are empty. */
    private static boolean trimmed(String[] values) {
        boolean any = false;
        for (int i = 0; i < values.length; i++) {
            values[i] = SpreadsheetText.unescape(values[i].trim());
            any |= !values[i].isEmpty();
        }
        return any;
    }

    /** Line breaks inside quoted values, counted as the parser counts lines (CRLF once). */
    private static int lineBreaks(String[] values) {
        int breaks = 0;
        for (String value : values) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' && (i == 0 || value.charAt(i - 1) != '\r') || c == '\r') {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    /** The whole-file problem behind a failed read, at the line where reading stopped. */
    private static ApiException unreadable(Exception e, CSVParser parser) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof CsvInput.Utf16) {
            return ApiException.badRequest("line 1: the file is UTF-16; save it as \"CSV UTF-8\"");
        }
        if (cause instanceof CsvInput.NotUtf8 notUtf8) {
            return ApiException.badRequest("line " + notUtf8.line
                    + ": the file is not UTF-8 encoded; save it as \"CSV UTF-8\"");
        }
        if (cause instanceof CsvInput.TooManyCommas tooMany) {
            return ApiException.limit("line " + tooMany.line + ": the row has more than " + CsvInput.MAX_COMMAS
                    + " commas");
        }
        long line = parser == null ? 1 : Math.max(1, parser.getCurrentLineNumber());
        return ApiException.badRequest("line " + line + ": the file is not valid CSV (a quoted value is not"
                + " closed, or text follows its closing quote)");
    }

    /** Trailing unnamed columns (what spreadsheets add after the last used column) are dropped. */
    private static List<String> checkedHeader(String[] cells, int line, SourcePolicy source) {
        int size = cells.length;
        while (size > 0 && cells[size - 1].isEmpty()) {
            size--;
        }
        List<String> header = List.of(cells).subList(0, size);
        List<String> allowed = CsvColumns.of(source);
        Problems problems = new Problems(line);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                problems.add("column " + (i + 1) + " has no name");
            } else if (!allowed.contains(name)) {
                problems.add("unknown column " + InputText.quoted(name) + "; the columns of this source are "
                        + String.join(",", allowed));
            } else if (!seen.add(name)) {
                problems.add("column \"" + name + "\" appears more than once");
            }
        }
        CsvColumns.FIXED.stream().filter(name -> !seen.contains(name))
                .forEach(name -> problems.add("missing column \"" + name + "\""));
        source.customAttributes().stream().filter(SchemaAttributeDef::required)
                .map(SchemaAttributeDef::technicalName)
                .filter(name -> !seen.contains(name))
                .forEach(name -> problems.add("missing column \"" + name + "\" (a required attribute of the source)"));
        problems.throwIfAny();
        return List.copyOf(header);
    }

    /** The problems of one line, the first {@link #MAX_PROBLEMS} of them spelled out. */
    private static final class Problems {

        private final int line;
        private final List<String> texts = new ArrayList<>();
        private int more;

        Problems(int line) {
            this.line = line;
        }

        void add(String text) {
            if (texts.size() < MAX_PROBLEMS) {
                texts.add("line " + line + ": " + text);
            } else {
                more++;
            }
        }

        void throwIfAny() {
            if (more > 0) {
                texts.add("line " + line + ": and " + more + " more problems of the header");
            }
            if (!texts.isEmpty()) {
                throw ApiException.badRequest(texts);
            }
        }
    }
}
