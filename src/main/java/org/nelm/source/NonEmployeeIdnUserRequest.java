package org.nelm.source;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The contract's NonEmployeeIdnUserRequest ({@code {"id": "..."}}), in a tolerant form: {@code type} may name
 * IDENTITY or GOVERNANCE_GROUP (the response shape, so a client can send back what it read), and a plain id string
 * is accepted too, as the contract's own PATCH example for {@code /approvers} shows (reference section 7).
 */
record NonEmployeeIdnUserRequest(String type, String id) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    NonEmployeeIdnUserRequest(@JsonProperty("type") String type, @JsonProperty("id") String id) {
        this.type = type;
        this.id = id;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static NonEmployeeIdnUserRequest of(String id) {
        return new NonEmployeeIdnUserRequest(null, id);
    }
}
