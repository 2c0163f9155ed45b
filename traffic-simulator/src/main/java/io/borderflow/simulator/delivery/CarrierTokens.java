package io.borderflow.simulator.delivery;

import io.borderflow.events.token.DevTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The bearer token each simulated carrier's system sends. */
public interface CarrierTokens {

    String tokenFor(String carrierId);

    /** Tokens signed with the dev key, renewed at half their lifetime so that long runs never send an expired one. */
    static CarrierTokens signed(DevTokens tokens, Clock clock) {
        Map<String, String> issued = new HashMap<>();
        Map<String, Instant> renewAt = new HashMap<>();
        return carrierId -> {
            synchronized (issued) {
                Instant now = clock.instant();
                if (!issued.containsKey(carrierId) || !now.isBefore(renewAt.get(carrierId))) {
                    issued.put(carrierId, tokens.carrier(carrierId));
                    renewAt.put(carrierId, now.plus(tokens.lifetime().dividedBy(2)));
                }
                return issued.get(carrierId);
            }
        };
    }

    /** Tokens handed over as they are, e.g. issued by a real identity provider. */
    static CarrierTokens fixed(Map<String, String> tokensByCarrier) {
        Map<String, String> copy = Map.copyOf(tokensByCarrier);
        return carrierId -> {
            String token = copy.get(carrierId);
            if (token == null) {
                throw new IllegalStateException("no token for carrier " + carrierId);
            }
            return token;
        };
    }
}
