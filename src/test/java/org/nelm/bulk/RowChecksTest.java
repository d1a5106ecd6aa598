package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nelm.bulk.CsvReaderTest.HEADER;
import static org.nelm.bulk.CsvReaderTest.SOURCE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nelm.record.NonEmployeeValidator;

class RowChecksTest {

    private final RowChecks checks = new RowChecks(new NonEmployeeValidator(null));

    @Test
    void aValidRowBecomesANonEmployeeOfTheSourceWithItsCustomAttributes() {
        List<RowPlan> plans = check(HEADER + ",department\n"
                + "jon.smith,Jon,Smith,555,jon@example.com,jane.doe,2020-04-05T08:00:00-10:00,2020-08-07,Sales\n");

        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan.valid()).isTrue();
            assertThat(plan.nonEmployee().sourceId()).isEqualTo("s1");
            assertThat(plan.nonEmployee().data()).containsEntry("department", "Sales");
            // kept as the databases return it: the same instant in UTC
            assertThat(plan.nonEmployee().startDate().toString()).isEqualTo("2020-04-05T18:00Z");
        });
    }

    @Test
    void refusesEachBadRowWithItsReasons() {
        List<RowPlan> plans = check(HEADER + "\n"
                + ",Jon,Smith,555,jon@example.com,jane.doe,2020-01-01,2020-02-01\n"
                + "a,A,B,1,not-an-email,m,2020-01-01,2020-02-01\n"
                + "b,A,B,1,b@example.com,m,yesterday,2020-02-01\n"
                + "c,A,B,1,c@example.com,m,2020-03-01,2020-02-01\n"
                + "d,A,B,1,d@example.com,m,2020-01-01,2020-02-01,surplus\n"
                + "e,,B,1,e@example.com,m,2020-01-01,\n");

        assertThat(plans).extracting(RowPlan::line).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(plans).noneMatch(RowPlan::valid);
        assertThat(plans.get(0).problems()).containsExactly("accountName is required");
        assertThat(plans.get(1).problems()).containsExactly("email \"not-an-email\" is not a valid e-mail address");
        assertThat(plans.get(2).problems()).singleElement().asString().startsWith("startDate \"yesterday\" is not an ISO-8601");
        assertThat(plans.get(3).problems()).containsExactly("startDate must not be after endDate");
        assertThat(plans.get(4).problems()).singleElement().asString().contains("unknown column");
        assertThat(plans.get(5).problems()).containsExactly("firstName is required", "endDate is required");
    }

    @Test
    void refusesEveryRowOfAnAccountNameUsedTwiceInTheFile() {
        List<RowPlan> plans = check(HEADER + "\n"
                + "x,A,B,1,x@example.com,m,2020-01-01,2020-02-01\n"
                + "y,A,B,1,y@example.com,m,2020-01-01,2020-02-01\n"
                + "x,C,D,1,x@example.com,m,2020-01-01,2020-02-01\n");

        assertThat(plans.get(0).problems()).containsExactly("accountName \"x\" appears more than once in the file (lines 2, 4)");
        assertThat(plans.get(1).valid()).isTrue();
        assertThat(plans.get(2).problems()).containsExactly("accountName \"x\" appears more than once in the file (lines 2, 4)");
    }

    private List<RowPlan> check(String csv) {
        return checks.check(CsvReaderTest.read(csv), SOURCE);
    }
}
