package org.nelm.bulk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nelm.platform.error.ApiException;
import org.nelm.source.SchemaAttributeDef;
import org.nelm.source.SourcePolicy;

/**
 * Reads an uploaded CSV the way spreadsheets write it: UTF-8 with or without BOM, CRLF or LF, quoted fields
 * holding commas and line breaks, blanks around values, empty lines and all-empty rows (",,,,") ignored.
 * A file that cannot be read as a whole (encoding, CSV syntax, header, size) is a 400 listing every problem,
 * one message per problem with its line number; problems of single rows are left to {@link RowChecks}.
 */
final class CsvReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    private CsvReader() {
    }

    static ParsedCsv read(byte[] bytes, SourcePolicy source, int maxRows) {
        String text = decode(bytes);
        List<Integer> lineStarts = lineStarts(text);
        List<String> header = null;
        List<ParsedCsv.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord record : parser) {
                List<String> cells = Arrays.asList(record.values());
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                int line = lineOf(lineStarts, record.getCharacterPosition());
                if (header == null) {
                    header = checkedHeader(cells, line, source);
                    continue;
                }
                rows.add(new ParsedCsv.Row(line, cells));
                if (rows.size() > maxRows) {
                    throw ApiException.limit("The file has more than " + maxRows
                            + " rows; a source holds at most " + maxRows + " non-employees");
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ApiException.badRequest("line " + lineOf(lineStarts, text.length()) + ": the file is not valid CSV ("
                    + rootMessage(e) + ")");
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

    private static String decode(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw ApiException.badRequest("line 1: the file is UTF-16; save it as \"CSV UTF-8\"");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("line " + firstBadLine(bytes)
                    + ": the file is not UTF-8 encoded; save it as \"CSV UTF-8\"");
        }
    }

    /** Trailing unnamed columns (what spreadsheets add after the last used column) are dropped. */
    private static List<String> checkedHeader(List<String> cells, int line, SourcePolicy source) {
        List<String> header = new ArrayList<>(cells);
        while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
            header.remove(header.size() - 1);
        }
        List<String> allowed = CsvColumns.of(source);
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                problems.add("line " + line + ": column " + (i + 1) + " has no name");
            } else if (!allowed.contains(name)) {
                problems.add("line " + line + ": unknown column \"" + name + "\"; the columns of this source are "
                        + String.join(",", allowed));
            } else if (!seen.add(name)) {
                problems.add("line " + line + ": column \"" + name + "\" appears more than once");
            }
        }
        CsvColumns.FIXED.stream().filter(name -> !header.contains(name))
                .forEach(name -> problems.add("line " + line + ": missing column \"" + name + "\""));
        source.customAttributes().stream().filter(SchemaAttributeDef::required)
                .map(SchemaAttributeDef::technicalName)
                .filter(name -> !header.contains(name))
                .forEach(name -> problems.add("line " + line + ": missing column \"" + name
                        + "\" (a required attribute of the source)"));
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems);
        }
        return List.copyOf(header);
    }

    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    private static int lineOf(List<Integer> lineStarts, long position) {
        int index = java.util.Collections.binarySearch(lineStarts, (int) position);
        return index >= 0 ? index + 1 : -index - 1;
    }

    private static int firstBadLine(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
