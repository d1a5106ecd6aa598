package org.nelm.platform.error;

import java.util.List;

/**
 * A failure the client caused or may not do; rendered by the one error mapper as an {@code ErrorResponseDto}.
 * Each text becomes one entry of {@code messages}.
 */
public class ApiException extends RuntimeException {

    private final DetailCode detailCode;
    private final List<String> texts;

    public ApiException(DetailCode detailCode, List<String> texts) {
        super(texts.isEmpty() ? detailCode.defaultText() : String.join("; ", texts));
        this.detailCode = detailCode;
        this.texts = List.copyOf(texts);
    }

    public DetailCode detailCode() { return detailCode; }

    public List<String> texts() { return texts; }

    public static ApiException badRequest(String text) { return new ApiException(DetailCode.BAD_REQUEST, List.of(text)); }

    public static ApiException badRequest(List<String> texts) { return new ApiException(DetailCode.BAD_REQUEST, texts); }

    public static ApiException conflict(String text) { return new ApiException(DetailCode.REFERENCE_CONFLICT, List.of(text)); }

    public static ApiException limit(String text) { return new ApiException(DetailCode.LIMIT_VIOLATION, List.of(text)); }

    public static ApiException forbidden() { return new ApiException(DetailCode.FORBIDDEN, List.of()); }

    public static ApiException forbidden(String text) { return new ApiException(DetailCode.FORBIDDEN, List.of(text)); }

    public static ApiException notFound() { return new ApiException(DetailCode.NOT_FOUND, List.of()); }

    public static ApiException notFound(String text) { return new ApiException(DetailCode.NOT_FOUND, List.of(text)); }
}
