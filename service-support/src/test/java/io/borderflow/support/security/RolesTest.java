package io.borderflow.support.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The role names and the carrier claim are what the tokens carry: tokens from the one signer (DevTokens, through
 * TestTokens) pass {@code @RolesAllowed} with {@link Roles}' names, and the carrier claim reads back by
 * {@link Roles#CARRIER_ID_CLAIM}.
 */
@QuarkusTest
class RolesTest {

    @Test
    void operatorsOnCallAndAdminsReadTheBoard() {
        for (String token : new String[] {TestTokens.operator(), TestTokens.oncall(), TestTokens.admin()}) {
            given().auth().oauth2(token).get("/probe/board").then().statusCode(200).body(is("board"));
        }
    }

    @Test
    void onlyOnCallAndAdminsAcknowledge() {
        given().auth().oauth2(TestTokens.oncall()).post("/probe/acknowledgements").then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).post("/probe/acknowledgements").then().statusCode(200);
        given().auth().oauth2(TestTokens.operator()).post("/probe/acknowledgements").then().statusCode(403);
    }

    @Test
    void onlyAdminsManageRules() {
        given().auth().oauth2(TestTokens.admin()).get("/probe/rules").then().statusCode(200);
        given().auth().oauth2(TestTokens.oncall()).get("/probe/rules").then().statusCode(403);
    }

    @Test
    void aCarrierTokenNamesItsCarrierInTheCarrierIdClaim() {
        given().auth().oauth2(TestTokens.carrier("frontera-freight")).get("/probe/own-carrier").then()
                .statusCode(200).body(is("frontera-freight"));
        given().auth().oauth2(TestTokens.operator()).get("/probe/own-carrier").then().statusCode(403);
    }
}
