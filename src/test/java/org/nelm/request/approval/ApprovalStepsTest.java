package org.nelm.request.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nelm.platform.error.ApiException;
import org.nelm.platform.error.DetailCode;

class ApprovalStepsTest {

    @Test
    void decisionIsApprovedOrRejected_anythingElseIsABadRequest() {
        assertThat(ApprovalSteps.decisionOf("APPROVED")).isEqualTo(ApprovalStatus.APPROVED);
        assertThat(ApprovalSteps.decisionOf("REJECTED")).isEqualTo(ApprovalStatus.REJECTED);
        for (String other : new String[] {null, "", "approved", "PENDING", "CANCELLED"}) {
            assertThatThrownBy(() -> ApprovalSteps.decisionOf(other)).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).detailCode()).isEqualTo(DetailCode.BAD_REQUEST));
        }
    }

    @Test
    void rejectionNeedsANonBlankComment_approvalDoesNot() {
        ApprovalSteps.checkComment(ApprovalStatus.APPROVED, null);
        ApprovalSteps.checkComment(ApprovalStatus.REJECTED, "no");
        assertThatThrownBy(() -> ApprovalSteps.checkComment(ApprovalStatus.REJECTED, null))
                .hasMessageContaining("comment is required");
        assertThatThrownBy(() -> ApprovalSteps.checkComment(ApprovalStatus.REJECTED, "  "))
                .hasMessageContaining("comment is required");
    }

    @Test
    void commentsAreAtMost4000Characters() {
        ApprovalSteps.checkComment(ApprovalStatus.APPROVED, "x".repeat(4000));
        assertThatThrownBy(() -> ApprovalSteps.checkComment(ApprovalStatus.APPROVED, "x".repeat(4001)))
                .hasMessageContaining("at most 4000");
        assertThatThrownBy(() -> ApprovalSteps.checkComment(ApprovalStatus.REJECTED, "x".repeat(4001)))
                .hasMessageContaining("at most 4000");
    }
}
