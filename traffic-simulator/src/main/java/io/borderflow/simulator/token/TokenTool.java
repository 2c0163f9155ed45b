package io.borderflow.simulator.token;

import io.borderflow.events.token.DevTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Prints a dev bearer token for the local stack, signed by {@link DevTokens}.
 *
 * <pre>
 * java -cp traffic-simulator/target/traffic-simulator.jar io.borderflow.simulator.token.TokenTool \
 *     --key deploy/local/keys/private-key.pem --issuer https://borderflow.local carrier transportes-rio-bravo
 * </pre>
 * Roles: {@code carrier <carrierId>}, {@code operator}, {@code oncall}, {@code admin}; {@code all <carrierId>}
 * prints one {@code NAME=token} line per role, for a shell to source. {@code --subject} replaces the default
 * subject ({@code dispatch@<carrierId>}, {@code <role>@borderflow.local}) of a single token. A later option
 * replaces an earlier one, so a wrapper's defaults ({@code deploy/local/token}'s key and issuer) can be overridden.
 */
public final class TokenTool {

    /** Of the local stack's people: {@code oncall@borderflow.local}. */
    private static final String DOMAIN = "borderflow.local";

    public static void main(String[] args) throws Exception {
        Path key = null;
        String issuer = "https://borderflow.local";
        Duration lifetime = Duration.ofHours(12);
        String role = null;
        String carrierId = null;
        String subject = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--key" -> key = Path.of(args[++i]);
                case "--issuer" -> issuer = args[++i];
                case "--hours" -> lifetime = Duration.ofHours(Long.parseLong(args[++i]));
                case "--subject" -> subject = args[++i];
                default -> {
                    if (role == null) {
                        role = args[i];
                    } else if (carrierId == null) {
                        carrierId = args[i];
                    } else {
                        usage("unexpected argument: " + args[i]);
                    }
                }
            }
        }
        if (key == null || role == null) {
            usage("a --key and a role are required");
        }
        DevTokens tokens = DevTokens.fromPem(key, issuer, lifetime);
        if (role.equals("all")) {
            if (carrierId == null) {
                usage("all needs a carrier id");
            }
            System.out.println("CARRIER_ID=" + carrierId);
            System.out.println("CARRIER_TOKEN=" + tokens.carrier(carrierId));
            System.out.println("OPERATOR_TOKEN=" + tokens.forRole("operator", DOMAIN));
            System.out.println("ONCALL_TOKEN=" + tokens.forRole("oncall", DOMAIN));
            System.out.println("ADMIN_TOKEN=" + tokens.forRole("admin", DOMAIN));
        } else if (role.equals("carrier")) {
            if (carrierId == null) {
                usage("carrier needs a carrier id");
            }
            System.out.println(subject == null ? tokens.carrier(carrierId)
                    : tokens.sign(subject, List.of(role), carrierId));
        } else if (role.equals("operator") || role.equals("oncall") || role.equals("admin")) {
            System.out.println(subject == null ? tokens.forRole(role, DOMAIN) : tokens.sign(subject, List.of(role), null));
        } else {
            usage("unknown role: " + role);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: TokenTool --key private-key.pem [--issuer URL] [--hours 12] [--subject S] "
                + "(carrier <carrierId> | operator | oncall | admin | all <carrierId>)");
        System.exit(2);
    }

    private TokenTool() {
    }
}
