package io.borderflow.ingest.rest;

import io.borderflow.ingest.domain.Caller;
import io.borderflow.support.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request, from its bearer token. */
@RequestScoped
public class CallerIdentity {

    private static final Set<String> READ_ALL = Set.of(Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN);

    @Inject
    JsonWebToken token;

    public Caller caller() {
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        boolean seesAll = groups.stream().anyMatch(READ_ALL::contains);
        String carrierId = groups.contains(Roles.CARRIER) ? token.getClaim(Roles.CARRIER_ID_CLAIM) : null;
        if (!seesAll && (carrierId == null || carrierId.isBlank())) {
            throw IngestProblems.carrierIdMissing();
        }
        return new Caller(token.getName(), carrierId, seesAll);
    }

    /** A caller that writes shipments or checkpoints: only a carrier, for itself. */
    public Caller carrier() {
        Caller caller = caller();
        if (caller.carrierId() == null || caller.carrierId().isBlank()) {
            throw IngestProblems.carrierIdMissing();
        }
        return caller;
    }
}
