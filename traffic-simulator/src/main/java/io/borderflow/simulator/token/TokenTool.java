package io.borderflow.simulator.token;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Prints a dev bearer token for the local stack.
 *
 * <pre>
 * java -cp traffic-simulator/target/traffic-simulator.jar io.borderflow.simulator.token.TokenTool \
 *     --key deploy/local/keys/private-key.pem --issuer https://borderflow.local carrier transportes-rio-bravo
 * </pre>
 * Roles: {@code carrier <carrierId>}, {@code operator}, {@code oncall}, {@code admin}; {@code all <carrierId>}
 * prints one {@code NAME=token} line per role, for a shell to source.
 */
public final class TokenTool {

    public static void main(String[] args) throws Exception {
        Path key = null;
        String issuer = "https://borderflow.local";
        Duration lifetime = Duration.ofHours(12);
        String role = null;
        String carrierId = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--key" -> key = Path.of(args[++i]);
                case "--issuer" -> issuer = args[++i];
                case "--hours" -> lifetime = Duration.ofHours(Long.parseLong(args[++i]));
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
            System.out.println("OPERATOR_TOKEN=" + tokens.forRole("operator"));
            System.out.println("ONCALL_TOKEN=" + tokens.forRole("oncall"));
            System.out.println("ADMIN_TOKEN=" + tokens.forRole("admin"));
        } else if (role.equals("carrier")) {
            if (carrierId == null) {
                usage("carrier needs a carrier id");
            }
            System.out.println(tokens.carrier(carrierId));
        } else if (role.equals("operator") || role.equals("oncall") || role.equals("admin")) {
            System.out.println(tokens.forRole(role));
        } else {
            usage("unknown role: " + role);
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: TokenTool --key private-key.pem [--issuer URL] [--hours 12] "
                + "(carrier <carrierId> | operator | oncall | admin | all <carrierId>)");
        System.exit(2);
    }

    private TokenTool() {
    }
}
