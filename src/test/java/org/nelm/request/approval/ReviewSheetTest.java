package org.nelm.request.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nelm.record.NonEmployee;
import org.nelm.request.RequestRow;
import org.nelm.source.ApproverRef;
import org.nelm.source.ApproverType;

class ReviewSheetTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2030-03-24T00:00Z");

    @Test
    void description_isTheRequestThenTheDecidedLevels() {
        String description = ReviewSheet.description(request(Map.of("costCenter", "CC-1")),
                List.of(item(1, ApprovalStatus.APPROVED, "fine"), item(2, ApprovalStatus.PENDING, null)));

        assertThat(description).isEqualTo("""
                Name: "William Smith"
                Account name: "wsmith"
                E-mail: "w@example.com"
                Phone: "5125555555"
                Manager: "manager1"
                Start date: 2030-03-24T00:00:00Z
                End date: 2031-03-24T00:00:00Z
                Source: "Contractors"
                "costCenter": "CC-1"

                Earlier decisions:
                Level 1: APPROVED by "approver1", comment "fine\"""");
    }

    @Test
    void description_saysNoneBeforeTheFirstDecision() {
        assertThat(ReviewSheet.description(request(Map.of()), List.of(item(1, ApprovalStatus.PENDING, null))))
                .endsWith("Source: \"Contractors\"\n\nEarlier decisions:\nnone");
    }

    @Test
    void description_fitsTheEnginesColumn_evenWithLongValues() {
        String comment = "x".repeat(3000);
        String description = ReviewSheet.description(request(Map.of("notes", "y".repeat(2000))),
                List.of(item(1, ApprovalStatus.APPROVED, comment), item(2, ApprovalStatus.REJECTED, comment)));

        assertThat(description).hasSize(ReviewSheet.MAX_TEXT).endsWith("...");
    }

    @Test
    void fitted_neverCutsASurrogatePair() {
        String text = "a".repeat(ReviewSheet.MAX_TEXT - 4) + "\uD83D\uDE00" + "b".repeat(10);

        String fitted = ReviewSheet.fitted(text);

        assertThat(fitted).endsWith("a...").hasSize(ReviewSheet.MAX_TEXT - 1);
    }

    private static RequestRow request(Map<String, String> data) {
        NonEmployee ne = new NonEmployee("src-1", "wsmith", "William", "Smith", "w@example.com", "5125555555",
                "manager1", data, START, START.plusYears(1));
        return new RequestRow("req-1", "requester1", ne, "Contractors", ApprovalStatus.PENDING, null, null, null,
                START, START);
    }

    private static ApprovalItemRow item(int level, ApprovalStatus status, String comment) {
        return new ApprovalItemRow("item-" + level, "req-1", level, new ApproverRef(ApproverType.IDENTITY,
                "approver" + level), status, comment, status == ApprovalStatus.PENDING ? null : "approver" + level,
                "{}", null, START, START);
    }
}
