package org.nelm.platform.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nelm.platform.error.ApiException;
import org.nelm.platform.query.FilterLexer.Token;
import org.nelm.platform.query.FilterLexer.Type;

/**
 * Recursive-descent parser for the SailPoint filter grammar, validating against a {@link QuerySpec} as it goes:
 * <pre>
 * expression := term ("or" term)*
 * term       := factor ("and" factor)*
 * factor     := "not" factor | "(" expression ")" | comparison
 * comparison := FIELD OP VALUE | FIELD "in" "(" VALUE ("," VALUE)* ")" | FIELD "isnull" | FIELD "pr"
 * </pre>
 */
final class FilterParser {

    /** Bounds recursion so that hostile input like 10,000 opening parentheses yields a 400, not a stack overflow. */
    static final int MAX_DEPTH = 50;

    private final String source;
    private final List<Token> tokens;
    private final QuerySpec spec;
    private int index;

    private FilterParser(String source, QuerySpec spec) {
        this.source = source;
        this.tokens = FilterLexer.tokenize(source);
        this.spec = spec;
    }

    static Filter parse(String text, QuerySpec spec) {
        FilterParser parser = new FilterParser(text, spec);
        Filter filter = parser.expression(0);
        Token rest = parser.peek();
        if (rest.type() != Type.EOF) {
            throw parser.unexpected(rest);
        }
        return filter;
    }

    private Filter expression(int depth) {
        List<Filter> operands = new ArrayList<>();
        operands.add(term(depth));
        while (isKeyword(peek(), "or")) {
            index++;
            operands.add(term(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new Filter.Or(operands);
    }

    private Filter term(int depth) {
        List<Filter> operands = new ArrayList<>();
        operands.add(factor(depth));
        while (isKeyword(peek(), "and")) {
            index++;
            operands.add(factor(depth));
        }
        return operands.size() == 1 ? operands.get(0) : new Filter.And(operands);
    }

    private Filter factor(int depth) {
        Token token = peek();
        if (depth >= MAX_DEPTH) {
            throw FilterLexer.error("nesting deeper than " + MAX_DEPTH + " levels at position " + token.start());
        }
        if (isKeyword(token, "not")) {
            index++;
            return new Filter.Not(factor(depth + 1));
        }
        if (token.type() == Type.LPAREN) {
            index++;
            Filter inner = expression(depth + 1);
            expect(Type.RPAREN);
            return inner;
        }
        if (token.type() == Type.WORD && !isKeyword(token, "and") && !isKeyword(token, "or")) {
            return comparison();
        }
        throw unexpected(token);
    }

    private Filter comparison() {
        Token fieldToken = tokens.get(index++);
        QueryField field = spec.field(fieldToken.text()).filter(QueryField::filterable)
                .orElseThrow(() -> ApiException.badRequest(
                        "Invalid filter field: " + Messages.abbreviate(fieldToken.text())));
        Token opToken = peek();
        if (opToken.type() != Type.WORD) {
            throw FilterLexer.error("expected an operator after " + field.name() + " but found "
                    + describe(opToken) + " at position " + opToken.start());
        }
        FilterOperator op = FilterOperator.fromKeyword(opToken.text()).orElseThrow(() -> FilterLexer.error(
                "unknown operator '" + Messages.abbreviate(opToken.text()) + "' at position " + opToken.start()));
        index++;
        if (!field.allows(op)) {
            throw ApiException.badRequest("Unsupported operator " + op.keyword() + " for filter field " + field.name());
        }
        List<Object> values = new ArrayList<>();
        if (op == FilterOperator.IN) {
            expect(Type.LPAREN);
            values.add(value(field, op));
            while (peek().type() == Type.COMMA) {
                index++;
                values.add(value(field, op));
            }
            expect(Type.RPAREN);
        } else if (!op.unary()) {
            values.add(value(field, op));
        }
        return new Filter.Comparison(field.name(), op, values);
    }

    private Object value(QueryField field, FilterOperator op) {
        Token token = peek();
        Object literal;
        switch (token.type()) {
            case STRING, NUMBER -> literal = token.value();
            case BARE -> literal = new FilterValues.Bare(token.text());
            case WORD -> {
                String word = token.text().toLowerCase(Locale.ROOT);
                if (word.equals("true") || word.equals("false")) {
                    literal = Boolean.valueOf(word);
                } else if (word.equals("null")) {
                    literal = null;
                } else {
                    throw expectedValue(token);
                }
            }
            default -> throw expectedValue(token);
        }
        index++;
        return FilterValues.coerce(field, op, literal);
    }

    private void expect(Type type) {
        Token token = peek();
        if (token.type() != type) {
            throw FilterLexer.error("expected '" + (type == Type.LPAREN ? "(" : ")") + "' but found "
                    + describe(token) + " at position " + token.start());
        }
        index++;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private static boolean isKeyword(Token token, String keyword) {
        return token.type() == Type.WORD && token.text().equalsIgnoreCase(keyword);
    }

    private ApiException expectedValue(Token token) {
        return FilterLexer.error("expected a value but found " + describe(token) + " at position " + token.start());
    }

    private ApiException unexpected(Token token) {
        return token.type() == Type.EOF
                ? FilterLexer.error("unexpected end of input at position " + token.start())
                : FilterLexer.error("unexpected token " + describe(token) + " at position " + token.start());
    }

    /** The token as the client wrote it, quoted, e.g. {@code ')'}. */
    private String describe(Token token) {
        if (token.type() == Type.EOF) {
            return "end of input";
        }
        return "'" + Messages.abbreviate(source.substring(token.start(), token.end())) + "'";
    }
}
