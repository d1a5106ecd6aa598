package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.error.DetailCode;
import org.nelm.source.SchemaAttributeDef;
import org.nelm.source.SourcePolicy;

class CsvReaderTest {

    static final String HEADER = "accountName,firstName,lastName,phone,email,manager,startDate,endDate";
    static final SourcePolicy SOURCE = new SourcePolicy("s1", "ps1", "Retail", "d", "admin", List.of(),
            List.of("manager1"), List.of(
                    new SchemaAttributeDef("a1", "accountName", "Account Name", "TEXT", true, true),
                    new SchemaAttributeDef("a2", "department", "Department", "TEXT", false, false)));

    @Test
    void readsUtf8WithBomAndCrlfAndQuotedCommasAndLineBreaks() {
        String csv = "\uFEFF" + HEADER + "\r\n"
                + "jon.smith,Jon,\"Smith, Jr.\",555,jon@example.com,jane.doe,2020-04-05T08:00:00-10:00,2020-08-07\r\n"
                + "ann.lee,Ann,\"Lee\r\nSecond line\",556,ann@example.com,jane.doe,2020-04-05,2020-08-07\r\n"
                + "bo.ng,Bo,Ng,557,bo@example.com,jane.doe,2020-04-05,2020-08-07\r\n";

        ParsedCsv parsed = read(csv);

        assertThat(parsed.header()).hasSize(8);
        assertThat(parsed.rows()).extracting(ParsedCsv.Row::line).containsExactly(2, 3, 5);
        assertThat(parsed.rows().get(0).cells().get(2)).isEqualTo("Smith, Jr.");
        assertThat(parsed.rows().get(1).cells().get(2)).isEqualTo("Lee\r\nSecond line");
    }

    @Test
    void ignoresBlanksAroundValuesTrailingEmptyLinesAndAllEmptyRows() {
        String csv = HEADER + "\n"
                + "Jon.Smith, Jon, Smith, 555-555-5555, jon@example.com, Jim, 2020-04-05T08:00:00-10:00,2020-08-07T19:00:00-10:00\n"
                + ",,,,,,,\n\n\n";

        ParsedCsv parsed = read(csv);

        assertThat(parsed.rows()).hasSize(1);
        assertThat(parsed.rows().get(0).cells()).startsWith("Jon.Smith", "Jon", "Smith", "555-555-5555");
    }

    @Test
    void acceptsCustomAttributeColumnsAndDropsTrailingUnnamedColumns() {
        ParsedCsv parsed = read(HEADER + ",department,,\nx,X,Y,1,x@example.com,m,2020-01-01,2020-02-01,Sales,,\n");

        assertThat(parsed.header()).endsWith("department").hasSize(9);
    }

    @Test
    void listsEveryHeaderProblemWithItsLine() {
        assertThatThrownBy(() -> read("accountName,firstName,firstName,nickname,phone,email,manager,startDate\nx\n"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.detailCode()).isEqualTo(DetailCode.BAD_REQUEST);
                    assertThat(e.texts()).containsExactlyInAnyOrder(
                            "line 1: column \"firstName\" appears more than once",
                            "line 1: unknown column \"nickname\"; the columns of this source are " + HEADER + ",department",
                            "line 1: missing column \"lastName\"",
                            "line 1: missing column \"endDate\"");
                });
    }

    @Test
    void refusesAFileThatIsNotUtf8NamingTheLine() {
        byte[] latin1 = (HEADER + "\nj\u00f6rg,J\u00f6rg,M,1,j@example.com,m,2020-01-01,2020-02-01\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> read(latin1, 20_000))
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.texts()).containsExactly("line 2: the file is not UTF-8 encoded; save it as \"CSV UTF-8\""));
    }

    @Test
    void refusesUtf16() {
        byte[] utf16 = (HEADER + "\n").getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> read(utf16, 20_000))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.texts().get(0)).contains("UTF-16"));
    }

    @Test
    void refusesAnUnterminatedQuote() {
        assertThatThrownBy(() -> read(HEADER + "\nx,\"X,Y,1,x@example.com,m,2020-01-01,2020-02-01\n"))
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.texts()).containsExactly("line 2: the file is not valid CSV (a quoted value is"
                                + " not closed, or text follows its closing quote)"));
        assertThatThrownBy(() -> read(HEADER + "\nx,\"X\"Y,1,x@example.com,m,2020-01-01,2020-02-01\nz"))
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.texts().get(0)).startsWith("line 2: the file is not valid CSV"));
    }

    @Test
    void refusesEmptyFilesAndHeaderOnlyFiles() {
        assertThatThrownBy(() -> read("")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.texts().get(0)).startsWith("line 1: the file is empty"));
        assertThatThrownBy(() -> read(HEADER + "\r\n\r\n")).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.texts().get(0)).isEqualTo("line 2: the file has a header but no rows"));
    }

    @Test
    void refusesMoreRowsThanASourceMayHoldAsLimitViolation() {
        String row = "x,X,Y,1,x@example.com,m,2020-01-01,2020-02-01\n";

        assertThatThrownBy(() -> read((HEADER + "\n" + row.repeat(3)).getBytes(StandardCharsets.UTF_8), 2))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.detailCode()).isEqualTo(DetailCode.LIMIT_VIOLATION));
    }

    @Test
    void aRowsLineCountsTheEmptyLinesAndQuotedLineBreaksBeforeIt() {
        String row = "x,X,Y,1,x@example.com,m,2020-01-01,2020-02-01";
        ParsedCsv parsed = read(HEADER + "\n\n\n" + row + "\r\n\"a\nb\r\nc\",X,Y,1,y@example.com,m,2020-01-01,2020-02-01\n"
                + "\n,,,\n   \n" + row.replace("x", "z") + "\r" + row.replace("x", "w"));

        assertThat(parsed.rows()).extracting(ParsedCsv.Row::line).containsExactly(4, 5, 11, 12);
        assertThat(parsed.rows().get(1).cells().get(0)).isEqualTo("a\nb\r\nc");
    }

    @Test
    void valuesBeyondTheHeaderAreKeptAsTheirCountAndTheFirstOne() {
        ParsedCsv parsed = read(HEADER + "\nx,X,Y,1,x@example.com,m,2020-01-01,2020-02-01,,extra" + ",more".repeat(5000) + "\n");

        assertThat(parsed.rows().get(0).cells()).hasSize(8);
        assertThat(parsed.rows().get(0).stray()).isEqualTo(new ParsedCsv.Stray(10, "extra", 5001));
    }

    @Test
    void aRowOfMoreThanOneHundredThousandCommasIsALimitViolation() {
        assertThatThrownBy(() -> read(HEADER + "\n" + ",x".repeat(CsvInput.MAX_COMMAS + 10_000) + "\n"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.detailCode()).isEqualTo(DetailCode.LIMIT_VIOLATION);
                    assertThat(e.texts()).containsExactly("line 2: the row has more than 100000 commas");
                });
    }

    @Test
    void theLineOfABadByteIsExactAlsoFarIntoTheFile() {
        byte[] start = (HEADER + "\n" + "x,X,Y,1,x@example.com,m,2020-01-01,2020-02-01\n".repeat(5000))
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = Arrays.copyOf(start, start.length + 3);
        file[start.length] = 'j';
        file[start.length + 1] = (byte) 0xF6;
        file[start.length + 2] = '\n';

        assertThatThrownBy(() -> read(file, 20_000)).isInstanceOfSatisfying(ApiException.class, e ->
                assertThat(e.texts()).containsExactly("line 5002: the file is not UTF-8 encoded; save it as \"CSV UTF-8\""));
    }

    @Test
    void theSpreadsheetQuoteOfAnExportIsRemoved() {
        ParsedCsv parsed = read(HEADER + "\n'=x,'+X,'-Y,'@1,x@example.com,'''m,2020-01-01,2020-02-01\n");

        assertThat(parsed.rows().get(0).cells()).startsWith("=x", "+X", "-Y", "@1", "x@example.com", "''m");
    }

    @Test
    void aHeaderOfManyUnknownColumnsListsTheFirstTwentyProblems() {
        assertThatThrownBy(() -> read(HEADER + ",x".repeat(1000) + "\nx\n"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.texts()).hasSize(21);
                    assertThat(e.texts().get(20)).isEqualTo("line 1: and 980 more problems of the header");
                });
    }

    static ParsedCsv read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8), 20_000);
    }

    static ParsedCsv read(byte[] csv, int maxRows) {
        return CsvReader.read(new ByteArrayInputStream(csv), SOURCE, maxRows);
    }
}
