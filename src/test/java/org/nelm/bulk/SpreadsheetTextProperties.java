package org.nelm.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The export's formula quote: no exported value starts like a formula, and reading it back gives the value. */
class SpreadsheetTextProperties {

    @Property(tries = 2000)
    void anExportedValueReadsBackAsItself(@ForAll("cells") String value) {
        assertThat(SpreadsheetText.unescape(SpreadsheetText.escape(value))).isEqualTo(value);
    }

    @Property(tries = 2000)
    void noExportedValueStartsWithAFormulaCharacter(@ForAll("cells") String value) {
        String exported = SpreadsheetText.escape(value);

        assertThat(exported.isEmpty() || "=+-@\t\r".indexOf(exported.charAt(0)) < 0).isTrue();
    }

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars('=', '+', '-', '@', '\t', '\r', '\'', 'a', ' ').ofMaxLength(5),
                Arbitraries.strings().ofMaxLength(20));
    }
}
