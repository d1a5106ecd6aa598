package org.nelm.platform.error;

/** One localized message of an {@link ErrorResponseDto}. */
public record ErrorMessageDto(String locale, String localeOrigin, String text) {

    static ErrorMessageDto ofDefault(String text) {
        return new ErrorMessageDto("en-US", "DEFAULT", text);
    }
}
