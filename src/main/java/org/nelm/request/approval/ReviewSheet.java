package org.nelm.request.approval;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.nelm.record.NonEmployee;
import org.nelm.request.RequestRow;

/**
 * What an approver reads as the task's description (Tasklist's "Description" tab, {@code description} in engine
 * REST): the request, and the decisions of earlier levels. Written from our rows whenever a level starts, never
 * from anything a task's user could have set; the task's own column, so it costs no variable rows. Every value a requester typed
 * is quoted and escaped like a JSON string, so no value can break its line and pass for another line (an
 * "Approved by ..." entry, say).
 */
final class ReviewSheet {

    /** The engine keeps a task's description in one varchar(4000) column; the whole request is in our tables. */
    static final int MAX_TEXT = 4000;

    private ReviewSheet() {
    }

    /** The request's fields, then the earlier decisions, cut to {@link #MAX_TEXT}. */
    static String description(RequestRow request, List<ApprovalItemRow> items) {
        String history = history(items);
        return fitted(summary(request) + "\n\nEarlier decisions:\n" + (history.isEmpty() ? "none" : history));
    }

    /** One "label: value" line per field of the request, custom attributes last. */
    static String summary(RequestRow request) {
        NonEmployee ne = request.nonEmployee();
        StringBuilder text = new StringBuilder()
                .append("Name: ").append(quoted(ne.firstName() + " " + ne.lastName()))
                .append("\nAccount name: ").append(quoted(ne.accountName()))
                .append("\nE-mail: ").append(quoted(ne.email()))
                .append("\nPhone: ").append(quoted(ne.phone()))
                .append("\nManager: ").append(quoted(ne.manager()))
                .append("\nStart date: ").append(ne.startDate().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append("\nEnd date: ").append(ne.endDate().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append("\nSource: ").append(quoted(request.sourceName()));
        ne.data().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> text.append('\n').append(quoted(entry.getKey())).append(": ")
                        .append(quoted(entry.getValue())));
        return text.toString();
    }

    /** One line per decided level, in order; empty before the first decision. */
    static String history(List<ApprovalItemRow> items) {
        StringBuilder text = new StringBuilder();
        for (ApprovalItemRow item : items) {
            if (item.status() != ApprovalStatus.APPROVED && item.status() != ApprovalStatus.REJECTED) {
                continue;
            }
            text.append(text.isEmpty() ? "" : "\n").append("Level ").append(item.approvalOrder()).append(": ")
                    .append(item.status()).append(" by ").append(quoted(item.decidedBy()));
            if (item.comment() != null) {
                text.append(", comment ").append(quoted(item.comment()));
            }
        }
        return text.toString();
    }

    /** The text, cut to {@link #MAX_TEXT} with "..." at the end where it is longer (never inside a surrogate pair). */
    static String fitted(CharSequence text) {
        if (text.length() <= MAX_TEXT) {
            return text.toString();
        }
        int cut = MAX_TEXT - 3;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.subSequence(0, cut) + "...";
    }

    /**
     * The value in double quotes with quotes, backslashes and every control or line-separating character escaped
     * ({@code \n}, {@code \u2028}, ...), so it always stays on its own line.
     */
    static String quoted(Object value) {
        String text = String.valueOf(value);
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                            || Character.getType(c) == Character.FORMAT) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
