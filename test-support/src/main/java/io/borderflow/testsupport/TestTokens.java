package io.borderflow.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/**
 * Bearer tokens for tests, signed with the test key pair in {@code borderflow-test-keys/}. Services verify
 * them in the test profile with {@code mp.jwt.verify.publickey.location=borderflow-test-keys/public-key.pem}
 * and {@code mp.jwt.verify.issuer=} {@value #ISSUER}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://borderflow.test";
    public static final String PUBLIC_KEY_LOCATION = "borderflow-test-keys/public-key.pem";

    private static PrivateKey key;

    public static String carrier(String carrierId) {
        return sign("dispatch@" + carrierId, Set.of("carrier"), carrierId);
    }

    public static String operator() {
        return sign("operator@borderflow.test", Set.of("operator"), null);
    }

    public static String oncall() {
        return sign("oncall@borderflow.test", Set.of("oncall"), null);
    }

    public static String admin() {
        return sign("admin@borderflow.test", Set.of("admin"), null);
    }

    /** A token with any subject, roles and (optional) carrier. */
    public static String sign(String subject, Set<String> roles, String carrierId) {
        var builder = Jwt.issuer(ISSUER).upn(subject).subject(subject).groups(roles)
                .expiresIn(Duration.ofHours(1));
        if (carrierId != null) {
            builder.claim("carrier_id", carrierId);
        }
        return builder.jws().sign(privateKey());
    }

    private static synchronized PrivateKey privateKey() {
        if (key == null) {
            try {
                key = KeyUtils.readPrivateKey("borderflow-test-keys/private-key.pem");
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the test signing key", e);
            }
        }
        return key;
    }

    private TestTokens() {
    }
}
