package org.nelm.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nelm.platform.web.InputText;
import org.nelm.record.NonEmployeeRequestBody;
import org.nelm.record.NonEmployeeValidator;
import org.nelm.source.SourcePolicy;
import org.springframework.stereotype.Component;

/**
 * Checks every row of a file with the one non-employee validator (as for API requests), plus what only a file
 * can get wrong: values under no column, and an accountName used by several rows (all of them are refused,
 * since nothing says which one is meant).
 */
@Component
class RowChecks {

    private final NonEmployeeValidator validator;

    RowChecks(NonEmployeeValidator validator) {
        this.validator = validator;
    }

    List<RowPlan> check(ParsedCsv csv, SourcePolicy source) {
        Map<String, List<Integer>> linesByName = new HashMap<>();
        List<NonEmployeeRequestBody> bodies = new ArrayList<>();
        for (ParsedCsv.Row row : csv.rows()) {
            NonEmployeeRequestBody body = body(csv.header(), row, source);
            bodies.add(body);
            if (body.accountName() != null && !body.accountName().isBlank()) {
                linesByName.computeIfAbsent(body.accountName().trim(), name -> new ArrayList<>()).add(row.line());
            }
        }
        List<RowPlan> plans = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            ParsedCsv.Row row = csv.rows().get(i);
            NonEmployeeRequestBody body = bodies.get(i);
            List<String> problems = new ArrayList<>();
            ParsedCsv.Stray stray = row.stray();
            if (stray != null) {
                problems.add("value " + InputText.quoted(stray.value()) + " in column " + stray.column()
                        + (stray.count() == 1 ? " is under no column of the header (unknown column)"
                        : " and " + (stray.count() - 1) + " more values are under no column of the header"
                        + " (unknown columns)"));
            }
            NonEmployeeValidator.Checked checked = validator.check(body, source);
            problems.addAll(checked.problems());
            String name = body.accountName() == null ? null : body.accountName().trim();
            List<Integer> sameName = name == null ? List.of() : linesByName.getOrDefault(name, List.of());
            if (sameName.size() > 1) {
                problems.add("accountName " + InputText.quoted(name) + " appears more than once in the file (lines "
                        + sameName.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
            }
            plans.add(new RowPlan(row.line(), name, problems.isEmpty() ? checked.nonEmployee() : null,
                    List.copyOf(problems)));
        }
        return plans;
    }

    /** A row as the request body it stands for; empty cells are absent values. */
    private static NonEmployeeRequestBody body(List<String> header, ParsedCsv.Row row, SourcePolicy source) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String value = i < row.cells().size() && !row.cells().get(i).isEmpty() ? row.cells().get(i) : null;
            String column = header.get(i);
            if (CsvColumns.FIXED.contains(column)) {
                values.put(column, value);
            } else if (value != null) {
                data.put(column, value);
            }
        }
        return new NonEmployeeRequestBody(values.get("accountName"), values.get("firstName"), values.get("lastName"),
                values.get("email"), values.get("phone"), values.get("manager"), source.id(), data,
                values.get("startDate"), values.get("endDate"));
    }
}
