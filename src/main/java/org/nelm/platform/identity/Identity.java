package org.nelm.platform.identity;

/** A person who can act in the system: a Camunda user, seen through {@link IdentityDirectory}. */
public record Identity(String id, String firstName, String lastName, String email) {

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
        return name.isEmpty() ? id : name;
    }
}
