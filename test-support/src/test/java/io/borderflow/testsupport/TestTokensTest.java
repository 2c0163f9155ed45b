package io.borderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Test tokens carry the claims the services read. That they verify against {@value TestTokens#PUBLIC_KEY_LOCATION}
 * under SmallRye JWT is proven where a real service reads them (service-support's {@code RolesTest}).
 */
class TestTokensTest {

    @Test
    void aCarrierTokenIsSignedWithTheTestKeyAndNamesItsCarrier() throws Exception {
        String token = TestTokens.carrier("acme");

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

        assertThat(claims(token).get("groups").toString()).isEqualTo("[\"guest\"]");
    }

    private static JsonNode claims(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
