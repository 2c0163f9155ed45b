package io.borderflow.support.security;

/** The roles of BorderFlow's bearer tokens ({@code groups} claim). */
public final class Roles {

    /** A carrier's system; its token carries {@link #CARRIER_ID_CLAIM} and it sees only its own shipments. */
    public static final String CARRIER = "carrier";
    /** Reads everything. */
    public static final String OPERATOR = "operator";
    /** An operator who also acknowledges alerts and creates silences. */
    public static final String ONCALL = "oncall";
    /** Manages alert rules. */
    public static final String ADMIN = "admin";

    public static final String CARRIER_ID_CLAIM = "carrier_id";

    private Roles() {
    }
}
