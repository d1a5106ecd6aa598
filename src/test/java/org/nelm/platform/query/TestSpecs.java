package org.nelm.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nelm.platform.query.FilterOperator.*;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.nelm.platform.error.ApiException;
import org.springframework.http.HttpStatus;

/** The spec the query tests run against, and a 400 assertion. */
final class TestSpecs {

    static final QuerySpec SPEC = QuerySpec.builder()
            .field(QueryField.string("id", "t.id").withOperators(EQ, IN).withSortable(true))
            .field(QueryField.string("name", "t.name")
                    .withOperators(EQ, NE, GT, GE, LT, LE, CO, SW, IN, ISNULL, PR).withSortable(true))
            .field(QueryField.string("sourceId", "t.source_id").withOperators(EQ, IN))
            .field(QueryField.string("firstName", "t.first_name").withOperators(EQ, SW, CO).withSortable(true))
            .field(QueryField.string("lastName", "t.last_name").withOperators(EQ, SW, CO).withSortable(true))
            .field(QueryField.enumeration("approvalStatus", "t.approval_status",
                    List.of("PENDING", "APPROVED", "REJECTED")).withOperators(EQ, NE, IN).withSortable(true))
            .field(QueryField.bool("active", "t.active").withOperators(EQ, NE))
            .field(QueryField.timestamp("created", "t.created")
                    .withOperators(EQ, NE, GT, GE, LT, LE, ISNULL, PR).withSortable(true))
            .field(QueryField.number("score", "t.score").withOperators(EQ, NE, GT, GE, LT, LE, IN).withSortable(true))
            .field(QueryField.string("manager.name", "m.name").withOperators(EQ, SW, ISNULL, PR))
            .field(QueryField.sortable("modified", "t.modified"))
            .defaultOrder("t.created DESC")
            .tieBreaker("t.id")
            .build();

    private TestSpecs() {
    }

    static void assertBadRequest(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.detailCode().status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.texts()).containsExactly(message);
        });
    }

    static void assertBadRequestStartingWith(ThrowingCallable call, String prefix) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.detailCode().status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.texts()).singleElement().asString().startsWith(prefix);
        });
    }
}
