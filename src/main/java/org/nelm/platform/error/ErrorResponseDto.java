package org.nelm.platform.error;

import java.util.List;

/** The contract's error body: every 400, 403, 404, 405, 415 and 500 of the API has this shape. */
public record ErrorResponseDto(String detailCode, String trackingId, List<ErrorMessageDto> messages,
                               List<ErrorMessageDto> causes) {
}
