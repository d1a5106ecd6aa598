package org.nelm.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

/** The fast path must read exactly what the JDK's ISO parser reads, and leave everything else to it. */
class IsoDateTimesTest {

    @Property
    void commonShapes_readAsTheJdkReadsThem(@ForAll("dateTimes") OffsetDateTime value) {
        String seconds = value.toLocalDateTime().withNano(0).toString();
        String withOffset = (seconds.length() == 16 ? seconds + ":00" : seconds) + value.getOffset().getId()
                .replace("Z", "+00:00");
        String utc = value.toLocalDate() + "T" + value.toLocalTime().withNano(0) + (value.getSecond() == 0 ? ":00" : "") + "Z";
        String date = value.toLocalDate().toString();

        assertThat(IsoDateTimes.parseCommon(withOffset)).isEqualTo(OffsetDateTime.parse(withOffset));
        assertThat(IsoDateTimes.parseCommon(utc)).isEqualTo(OffsetDateTime.parse(utc));
        assertThat(IsoDateTimes.parseCommon(date))
                .isEqualTo(LocalDate.parse(date).atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    @Property
    void anyOtherText_isEitherLeftToTheJdkOrReadAsTheJdkReadsIt(
            @ForAll @StringLength(min = 8, max = 26) @Chars({'0', '1', '2', '9', '-', ':', 'T', 'Z', '+', '.'}) String text) {
        OffsetDateTime fast = IsoDateTimes.parseCommon(text);
        if (fast != null) {
            assertThat(fast).isEqualTo(NonEmployeeValidator.date(text));
        }
    }

    @Test
    void outOfRangeValues_fallBackToTheJdksError() {
        for (String bad : new String[] {"2021-02-30", "2021-13-01T00:00:00Z", "2021-01-01T24:00:00Z",
                "2021-01-01T00:00:00+19:00", "2021-01-01T00:00:00 05:00"}) {
            assertThat(IsoDateTimes.parseCommon(bad)).as(bad).isNull();
            assertThatThrownBy(() -> NonEmployeeValidator.date(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Provide
    Arbitrary<OffsetDateTime> dateTimes() {
        return Combinators.combine(
                Arbitraries.longs().between(-2_000_000_000L, 6_000_000_000L),
                Arbitraries.integers().between(-18 * 4, 18 * 4))
                .as((epochSecond, quarterHours) -> OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSecond),
                        ZoneOffset.ofTotalSeconds(quarterHours * 900)));
    }
}
