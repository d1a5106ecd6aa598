package org.nelm.platform.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The path shapes under which SailPoint serves the same operation (contract section 1): the versioned
 * prefixes {@code /v3}, {@code /v2024}, {@code /v2025}, {@code /v2026}, and the per-API family that
 * inserts {@code /v1} after the first segment.
 */
public final class PathFamilies {

    public static final List<String> VERSION_PREFIXES = List.of("/v3", "/v2024", "/v2025", "/v2026");

    private PathFamilies() {
    }

    public static List<String> expand(String relativePath, boolean perApiFamily) {
        List<String> paths = new ArrayList<>();
        for (String prefix : VERSION_PREFIXES) {
            paths.add(prefix + relativePath);
        }
        if (perApiFamily) {
            paths.add(perApiPath(relativePath));
        }
        return paths;
    }

    /** {@code /non-employee-sources/{sourceId}/x} becomes {@code /non-employee-sources/v1/{sourceId}/x}. */
    static String perApiPath(String relativePath) {
        int secondSlash = relativePath.indexOf('/', 1);
        return secondSlash < 0
                ? relativePath + "/v1"
                : relativePath.substring(0, secondSlash) + "/v1" + relativePath.substring(secondSlash);
    }
}
