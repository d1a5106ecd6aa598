package org.nelm.platform.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.nelm.platform.error.ApiException;

/** Splits a {@code filters} text into tokens; positions are 0-based character offsets into the text. */
final class FilterLexer {

    enum Type { LPAREN, RPAREN, COMMA, WORD, STRING, NUMBER, BARE, EOF }

    /**
     * @param value the unescaped text of a STRING, the BigDecimal of a NUMBER, the text of WORD/BARE
     * @param start offset of the first character; {@code end} is exclusive
     */
    record Token(Type type, Object value, int start, int end) {
        String text() {
            return (String) value;
        }
    }

    private final String input;
    private int pos;

    private FilterLexer(String input) {
        this.input = input;
    }

    static List<Token> tokenize(String input) {
        return new FilterLexer(input).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (pos < input.length() && Character.isWhitespace(input.charAt(pos))) {
                pos++;
            }
            if (pos >= input.length()) {
                tokens.add(new Token(Type.EOF, null, pos, pos));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = pos;
        char c = input.charAt(pos);
        switch (c) {
            case '(':
                pos++;
                return new Token(Type.LPAREN, "(", start, pos);
            case ')':
                pos++;
                return new Token(Type.RPAREN, ")", start, pos);
            case ',':
                pos++;
                return new Token(Type.COMMA, ",", start, pos);
            case '"':
                return string();
            default:
                break;
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < input.length() && isWordChar(input.charAt(pos))) {
                pos++;
            }
            return new Token(Type.WORD, input.substring(start, pos), start, pos);
        }
        if (Character.isDigit(c) || c == '-') {
            // read up to a delimiter, so that bare date-times like 2020-01-01T10:00:00+01:00 stay one token
            while (pos < input.length() && !isDelimiter(input.charAt(pos))) {
                pos++;
            }
            String text = input.substring(start, pos);
            return FilterValues.NUMBER.matcher(text).matches()
                    ? new Token(Type.NUMBER, new BigDecimal(text), start, pos)
                    : new Token(Type.BARE, text, start, pos);
        }
        throw error("unexpected character '" + c + "' at position " + start);
    }

    private Token string() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (pos < input.length()) {
            char c = input.charAt(pos++);
            if (c == '"') {
                return new Token(Type.STRING, value.toString(), start, pos);
            }
            if (c == '\\') {
                if (pos >= input.length()) {
                    break;
                }
                char escaped = input.charAt(pos++);
                if (escaped != '"' && escaped != '\\') {
                    throw error("invalid escape sequence '\\" + escaped + "' at position " + (pos - 2));
                }
                value.append(escaped);
            } else {
                value.append(c);
            }
        }
        throw error("unterminated string starting at position " + start);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == '(' || c == ')' || c == ',' || c == '"';
    }

    static ApiException error(String detail) {
        return ApiException.badRequest("Invalid filters: " + detail);
    }
}
