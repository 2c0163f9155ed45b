package io.borderflow.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

/** The OpenAPI text states the configured limits, whatever they are configured to. */
class OpenApiLimitsTest {

    @Test
    void theConfiguredLimitsReplaceThePlaceholders() {
        OpenApiLimits limits = new OpenApiLimits(2500, 512 * 1024);

        Operation operation = limits.filterOperation(OASFactory.createOperation()
                .summary("Report up to " + OpenApiLimits.MAX_BATCH_SIZE + " checkpoints").description(null));
        APIResponse response = limits.filterAPIResponse(OASFactory.createAPIResponse().description(
                "More than " + OpenApiLimits.MAX_BATCH_SIZE + " events, or a body over " + OpenApiLimits.MAX_BODY_SIZE));

        assertThat(operation.getSummary()).isEqualTo("Report up to 2,500 checkpoints");
        assertThat(operation.getDescription()).isNull();
        assertThat(response.getDescription()).isEqualTo("More than 2,500 events, or a body over 512 KiB");
    }

    @Test
    void sizesAreWrittenInTheLargestWholeUnit() {
        assertThat(OpenApiLimits.bytes(1024 * 1024)).isEqualTo("1 MiB");
        assertThat(OpenApiLimits.bytes(3 * 1024 * 1024)).isEqualTo("3 MiB");
        assertThat(OpenApiLimits.bytes(1536 * 1024)).isEqualTo("1,536 KiB");
        assertThat(OpenApiLimits.bytes(1500)).isEqualTo("1,500 bytes");
    }
}
