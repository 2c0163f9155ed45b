package io.borderflow.ingest.rest;

import io.borderflow.ingest.config.IngestConfig;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfig;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * The limits the OpenAPI text states are the configured ones: an annotation writes a placeholder such as
 * {@value #MAX_BATCH_SIZE}, and this filter fills it from {@link IngestConfig} when the application starts
 * (not at build time: the limits are runtime configuration).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class OpenApiLimits implements OASFilter {

    static final String MAX_BATCH_SIZE = "{max-batch-size}";
    static final String MAX_BODY_SIZE = "{max-body-size}";

    private final Map<String, String> values;

    public OpenApiLimits() {
        this(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getConfigMapping(IngestConfig.class));
    }

    private OpenApiLimits(IngestConfig config) {
        this(config.maxBatchSize(), config.maxBodySize().asLongValue());
    }

    OpenApiLimits(int maxBatchSize, long maxBodyBytes) {
        this.values = Map.of(
                MAX_BATCH_SIZE, String.format(Locale.US, "%,d", maxBatchSize),
                MAX_BODY_SIZE, bytes(maxBodyBytes));
    }

    @Override
    public Operation filterOperation(Operation operation) {
        return operation.summary(fill(operation.getSummary())).description(fill(operation.getDescription()));
    }

    @Override
    public APIResponse filterAPIResponse(APIResponse response) {
        return response.description(fill(response.getDescription()));
    }

    private String fill(String text) {
        if (text == null) {
            return null;
        }
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    /** In the unit a reader expects: 1 MiB, 512 KiB, 1,500 bytes. */
    static String bytes(long bytes) {
        if (bytes > 0 && bytes % (1024 * 1024) == 0) {
            return String.format(Locale.US, "%,d MiB", bytes / (1024 * 1024));
        }
        if (bytes > 0 && bytes % 1024 == 0) {
            return String.format(Locale.US, "%,d KiB", bytes / 1024);
        }
        return String.format(Locale.US, "%,d bytes", bytes);
    }
}
