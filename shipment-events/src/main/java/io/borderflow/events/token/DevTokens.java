package io.borderflow.events.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Signs RS256 bearer tokens the way BorderFlow's services verify them (SmallRye JWT: {@code iss}, {@code exp},
 * {@code sub}/{@code upn}, {@code groups} for roles, {@code carrier_id} for carriers) with a PKCS#8 PEM private
 * key. The one signer of dev and test tokens: the tests (test-support's {@code TestTokens}), the traffic
 * simulator, {@code deploy/local/token} and the browser test all sign through it. Production tokens come from
 * the company's identity provider.
 *
 * <p>It lives here, not in the simulator or test-support, because this module is the plain-Java one (JDK and
 * Jackson, no framework) that all of them already depend on.
 */
public final class DevTokens {

    /** The claim naming a carrier token's carrier (service-support's {@code Roles.CARRIER_ID_CLAIM}). */
    public static final String CARRIER_ID_CLAIM = "carrier_id";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey key;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;

    public DevTokens(PrivateKey key, String issuer, Duration lifetime, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public static DevTokens fromPem(Path privateKeyPem, String issuer, Duration lifetime) throws IOException {
        return new DevTokens(readPrivateKey(privateKeyPem), issuer, lifetime, Clock.systemUTC());
    }

    /** A carrier's system: subject {@code dispatch@<carrierId>}. */
    public String carrier(String carrierId) {
        return sign("dispatch@" + carrierId, List.of("carrier"), carrierId);
    }

    /** A person in a role, subject {@code <role>@<domain>}, e.g. {@code oncall@borderflow.local}. */
    public String forRole(String role, String domain) {
        return sign(role + "@" + domain, List.of(role), null);
    }

    /** A token with any subject, roles and (optional, may be null) carrier. */
    public String sign(String subject, Collection<String> groups, String carrierId) {
        Instant now = clock.instant();
        ObjectNode header = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT");
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", issuer)
                .put("sub", subject)
                .put("upn", subject)
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(lifetime).getEpochSecond())
                .put("jti", UUID.randomUUID().toString());
        groups.forEach(claims.putArray("groups")::add);
        if (carrierId != null) {
            claims.put(CARRIER_ID_CLAIM, carrierId);
        }
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    public Duration lifetime() {
        return lifetime;
    }

    public static PrivateKey readPrivateKey(Path pem) throws IOException {
        return readPrivateKey(Files.readString(pem, StandardCharsets.US_ASCII), pem.toString());
    }

    /** A PKCS#8 PEM private key from its text; {@code origin} names it in errors. */
    public static PrivateKey readPrivateKey(String pem, String origin) throws IOException {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IOException(origin + " is not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("cannot read the RSA private key in " + origin, e);
        }
    }

    private static String encode(ObjectNode node) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
