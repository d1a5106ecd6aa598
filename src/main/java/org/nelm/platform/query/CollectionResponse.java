package org.nelm.platform.query;

import java.util.List;
import org.springframework.http.ResponseEntity;

/** A list endpoint's answer: the bare JSON array, with {@code X-Total-Count} when the client asked for it. */
public final class CollectionResponse {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private CollectionResponse() {
    }

    /** {@code total} is null when {@code count=true} was not given. */
    public static <T> ResponseEntity<List<T>> of(List<T> items, Long total) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (total != null) {
            response.header(TOTAL_COUNT, String.valueOf(total));
        }
        return response.body(items);
    }
}
