package io.borderflow.simulator.token;

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
import java.util.List;
import java.util.UUID;

/**
 * Signs RS256 bearer tokens the way BorderFlow's services verify them (SmallRye JWT: issuer, expiry,
 * {@code groups} for roles, {@code carrier_id} for carriers) with a PKCS#8 PEM private key. For the local
 * stack's dev key pair only: production tokens come from the company's identity provider.
 */
public final class DevTokens {

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

    public String carrier(String carrierId) {
        return sign("dispatch@" + carrierId, List.of("carrier"), carrierId);
    }

    public String forRole(String role) {
        return sign(role + "@borderflow.local", List.of(role), null);
    }

    public String sign(String subject, List<String> groups, String carrierId) {
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
            claims.put("carrier_id", carrierId);
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

    static PrivateKey readPrivateKey(Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IOException(pem + " is not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)");
        }
        String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("cannot read the RSA private key in " + pem, e);
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
