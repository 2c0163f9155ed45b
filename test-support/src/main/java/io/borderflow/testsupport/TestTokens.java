package io.borderflow.testsupport;

import io.borderflow.events.token.DevTokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Bearer tokens for tests, signed by shipment-events' {@link DevTokens} (the signer of every dev token) with
 * the test key pair in {@code borderflow-test-keys/}. Services verify them in the test profile with
 * {@code mp.jwt.verify.publickey.location=borderflow-test-keys/public-key.pem} and
 * {@code mp.jwt.verify.issuer=} {@value #ISSUER}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://borderflow.test";
    public static final String PUBLIC_KEY_LOCATION = "borderflow-test-keys/public-key.pem";
    private static final String PRIVATE_KEY_LOCATION = "borderflow-test-keys/private-key.pem";
    private static final String DOMAIN = "borderflow.test";

    private static DevTokens signer;

    public static String carrier(String carrierId) {
        return signer().carrier(carrierId);
    }

    public static String operator() {
        return signer().forRole("operator", DOMAIN);
    }

    public static String oncall() {
        return signer().forRole("oncall", DOMAIN);
    }

    public static String admin() {
        return signer().forRole("admin", DOMAIN);
    }

    /** A token with any subject, roles and (optional) carrier. */
    public static String sign(String subject, Set<String> roles, String carrierId) {
        return signer().sign(subject, roles, carrierId);
    }

    private static synchronized DevTokens signer() {
        if (signer == null) {
            try (InputStream pem = TestTokens.class.getClassLoader().getResourceAsStream(PRIVATE_KEY_LOCATION)) {
                if (pem == null) {
                    throw new IOException(PRIVATE_KEY_LOCATION + " is not on the class path");
                }
                signer = new DevTokens(DevTokens.readPrivateKey(new String(pem.readAllBytes(), StandardCharsets.US_ASCII),
                        PRIVATE_KEY_LOCATION), ISSUER, Duration.ofHours(1), Clock.systemUTC());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the test signing key", e);
            }
        }
        return signer;
    }

    private TestTokens() {
    }
}
