package io.borderflow.events.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The local stack's tokens must verify against the public key the services are given. */
class DevTokensTest {

    private static final Path KEYS = Path.of("../deploy/local/keys");
    private static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");

    private final DevTokens tokens;

    DevTokensTest() throws Exception {
        tokens = new DevTokens(DevTokens.readPrivateKey(KEYS.resolve("private-key.pem")), "https://borderflow.local",
                Duration.ofHours(12), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aCarrierTokenIsSignedWithTheDevKeyAndNamesItsCarrier() throws Exception {
        String token = tokens.carrier("frontera-freight");
        assertThat(verifies(token)).isTrue();
        JsonNode claims = claims(token);
        assertThat(claims.get("iss").asText()).isEqualTo("https://borderflow.local");
        assertThat(claims.get("groups").toString()).isEqualTo("[\"carrier\"]");
        assertThat(claims.get("carrier_id").asText()).isEqualTo("frontera-freight");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(12 * 3600);
    }

    @Test
    void roleTokensCarryTheRoleAndNoCarrier() throws Exception {
        String token = tokens.forRole("oncall", "borderflow.local");
        assertThat(verifies(token)).isTrue();
        assertThat(claims(token).get("groups").toString()).isEqualTo("[\"oncall\"]");
        assertThat(claims(token).has("carrier_id")).isFalse();
    }

    @Test
    void theSubjectIsAlsoTheUpnAndEveryTokenHasItsOwnId() throws Exception {
        JsonNode first = claims(tokens.carrier("frontera-freight"));
        JsonNode second = claims(tokens.carrier("frontera-freight"));

        assertThat(first.get("sub").asText()).isEqualTo("dispatch@frontera-freight");
        assertThat(first.get("upn").asText()).isEqualTo("dispatch@frontera-freight");
        assertThat(first.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(first.get("jti").asText()).isNotBlank().isNotEqualTo(second.get("jti").asText());
    }

    @Test
    void aKeyThatIsNotPkcs8IsRefusedWithItsOrigin() {
        assertThatThrownBy(() -> DevTokens.readPrivateKey("-----BEGIN RSA PRIVATE KEY-----\nAAAA", "old.pem"))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("old.pem");
    }

    @Test
    void aTamperedTokenDoesNotVerify() throws Exception {
        String[] parts = tokens.forRole("operator", "borderflow.local").split("\\.");
        String admin = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("operator", "admin").getBytes(StandardCharsets.UTF_8));
        assertThat(verifies(parts[0] + "." + admin + "." + parts[2])).isFalse();
    }

    private static boolean verifies(String token) throws Exception {
        String pem = Files.readString(KEYS.resolve("public-key.pem"));
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", ""));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        String[] parts = token.split("\\.");
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(key);
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    private static JsonNode claims(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
