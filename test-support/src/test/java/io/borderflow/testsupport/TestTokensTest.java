package io.borderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Test tokens verify against the public key the services' test profiles are given, with the claims they read. */
class TestTokensTest {

    @Test
    void aCarrierTokenIsSignedWithTheTestKeyAndNamesItsCarrier() throws Exception {
        String token = TestTokens.carrier("acme");

        assertThat(verifies(token)).isTrue();
        JsonNode claims = claims(token);
        assertThat(claims.get("iss").asText()).isEqualTo(TestTokens.ISSUER);
        assertThat(claims.get("sub").asText()).isEqualTo("dispatch@acme");
        assertThat(claims.get("upn").asText()).isEqualTo("dispatch@acme");
        assertThat(claims.get("groups").toString()).isEqualTo("[\"carrier\"]");
        assertThat(claims.get("carrier_id").asText()).isEqualTo("acme");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(3600);
        assertThat(claims.get("jti").asText()).isNotBlank();
    }

    @Test
    void roleTokensNameThePersonInTheTestDomainAndCarryNoCarrier() throws Exception {
        JsonNode oncall = claims(TestTokens.oncall());

        assertThat(oncall.get("upn").asText()).isEqualTo("oncall@borderflow.test");
        assertThat(oncall.get("groups").toString()).isEqualTo("[\"oncall\"]");
        assertThat(oncall.has("carrier_id")).isFalse();
        assertThat(claims(TestTokens.operator()).get("groups").toString()).isEqualTo("[\"operator\"]");
        assertThat(claims(TestTokens.admin()).get("groups").toString()).isEqualTo("[\"admin\"]");
    }

    @Test
    void anyRolesCanBeSigned() throws Exception {
        String token = TestTokens.sign("someone", Set.of("guest"), null);

        assertThat(verifies(token)).isTrue();
        assertThat(claims(token).get("groups").toString()).isEqualTo("[\"guest\"]");
    }

    private static boolean verifies(String token) throws Exception {
        String pem;
        try (InputStream in = TestTokensTest.class.getClassLoader().getResourceAsStream(TestTokens.PUBLIC_KEY_LOCATION)) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
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
