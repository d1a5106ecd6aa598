package org.nelm.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nelm.platform.web.PathFamilies;

class PathFamiliesTest {

    @Test
    void relativePathIsServedUnderEveryVersionAndThePerApiFamily() {
        assertThat(PathFamilies.expand("/non-employee-sources/{sourceId}/schema-attributes", true)).containsExactly(
                "/v3/non-employee-sources/{sourceId}/schema-attributes",
                "/v2024/non-employee-sources/{sourceId}/schema-attributes",
                "/v2025/non-employee-sources/{sourceId}/schema-attributes",
                "/v2026/non-employee-sources/{sourceId}/schema-attributes",
                "/non-employee-sources/v1/{sourceId}/schema-attributes");
    }

    @Test
    void perApiFamilyOfACollectionAppendsV1() {
        assertThat(PathFamilies.expand("/non-employee-records", true)).contains("/non-employee-records/v1");
    }

    @Test
    void summaryPathKeepsItsSegmentsAfterV1() {
        assertThat(PathFamilies.expand("/non-employee-approvals/summary/{requested-for}", true))
                .contains("/non-employee-approvals/v1/summary/{requested-for}");
    }

    @Test
    void apisWithoutPerApiFamilyAreVersionedOnly() {
        assertThat(PathFamilies.expand("/personal-access-tokens", false)).hasSize(4).allMatch(p -> p.startsWith("/v"));
    }
}
