package org.nelm.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nelm.platform.query.FilterOperator.*;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class QueryFieldTest {

    enum Status { ACTIVE, Inactive }

    @Test
    void factoriesAndWithers() {
        QueryField f = QueryField.string("name", "s.name").withOperators(EQ, CO).withSortable(true);
        assertThat(f).isEqualTo(new QueryField("name", "s.name", ValueKind.STRING, Set.of(EQ, CO), true, Set.of()));
        assertThat(f.filterable()).isTrue();
        assertThat(f.allows(CO)).isTrue();
        assertThat(f.allows(GT)).isFalse();
        assertThat(QueryField.sortable("x", "t.x")).satisfies(s -> {
            assertThat(s.sortable()).isTrue();
            assertThat(s.filterable()).isFalse();
        });
        assertThat(QueryField.filterable("n", "t.n", ValueKind.NUMBER, GT, LT).operators()).containsExactlyInAnyOrder(GT, LT);
    }

    @Test
    void enumValuesAreStoredUpperCase() {
        assertThat(QueryField.enumeration("s", "t.s", Status.class).enumValues()).containsExactly("ACTIVE", "INACTIVE");
        assertThat(QueryField.enumeration("s", "t.s", List.of("a", "B")).enumValues()).containsExactly("A", "B");
    }

    @Test
    void invalidDeclarationsFailFast() {
        assertThatThrownBy(() -> QueryField.string("bad name", "t.x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryField.string("and", "t.x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryField.string("x", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryField.of("x", "t.x", ValueKind.ENUM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryField.number("x", "t.x").withOperators(CO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuerySpec.builder().field(QueryField.string("x", "a")).field(QueryField.string("x", "b")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
