package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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

        assertThatThrownBy(() -> CsvReader.read(latin1, SOURCE, 20_000))
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.texts()).containsExactly("line 2: the file is not UTF-8 encoded; save it as \"CSV UTF-8\""));
    }

    @Test
    void refusesUtf16() {
        byte[] utf16 = (HEADER + "\n").getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> CsvReader.read(utf16, SOURCE, 20_000))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.texts().get(0)).contains("UTF-16"));
    }

    @Test
    void refusesAnUnterminatedQuote() {
        assertThatThrownBy(() -> read(HEADER + "\nx,\"X,Y,1,x@example.com,m,2020-01-01,2020-02-01\n"))
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.texts().get(0)).startsWith("line 3: the file is not valid CSV"));
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

        assertThatThrownBy(() -> CsvReader.read((HEADER + "\n" + row.repeat(3)).getBytes(StandardCharsets.UTF_8), SOURCE, 2))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.detailCode()).isEqualTo(DetailCode.LIMIT_VIOLATION));
    }

    static ParsedCsv read(String csv) {
        return CsvReader.read(csv.getBytes(StandardCharsets.UTF_8), SOURCE, 20_000);
    }
}
