package io.parley.core.contact;

/** A change to a contact's attributes breaks a rule; {@code field} names where ("attributes" or "attributes.<key>"). */
public final class InvalidAttributesException extends RuntimeException {

    private final String field;
    private final String reason;

    InvalidAttributesException(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
