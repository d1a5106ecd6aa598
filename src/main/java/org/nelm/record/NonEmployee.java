package org.nelm.record;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/** A validated non-employee: the content shared by requests and records (and CSV rows). */
public record NonEmployee(String sourceId, String accountName, String firstName, String lastName, String email,
                          String phone, String manager, Map<String, String> data, OffsetDateTime startDate,
                          OffsetDateTime endDate) {

    public NonEmployee {
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /**
     * Named SQL parameters for the columns that requests and records share (sourceId, accountName, firstName,
     * lastName, email, phone, manager, data, startDate, endDate), with {@link #data()} in its stored form.
     */
    public Map<String, Object> sqlParams() {
        Map<String, Object> params = new HashMap<>();
        params.put("sourceId", sourceId);
        params.put("accountName", accountName);
        params.put("firstName", firstName);
        params.put("lastName", lastName);
        params.put("email", email);
        params.put("phone", phone);
        params.put("manager", manager);
        params.put("data", DataJson.write(data));
        params.put("startDate", startDate);
        params.put("endDate", endDate);
        return params;
    }
}
