package io.borderflow.ingest.rest;

/** Request and response examples of the OpenAPI document (shown in Swagger UI). */
final class ApiExamples {

    static final String REGISTER = """
            {"shipmentId":"SHP-1","crossingId":"laredo-world-trade-bridge","direction":"NORTHBOUND","laneType":"FAST",
             "plannedArrival":"2026-11-27T18:00:00Z","referenceNumbers":{"billOfLading":"BOL-1"}}""";

    static final String SHIPMENT = """
            {"shipmentId":"SHP-1","carrierId":"acme","crossingId":"laredo-world-trade-bridge","direction":"NORTHBOUND",
             "laneType":"FAST","plannedArrival":"2026-11-27T18:00:00Z","referenceNumbers":{"billOfLading":"BOL-1"},
             "revision":1,"registeredAt":"2026-11-27T15:02:11.483Z","updatedAt":"2026-11-27T15:02:11.483Z"}""";

    static final String PATCH = """
            {"plannedArrival":"2026-11-27T19:30:00Z","laneType":"STANDARD"}""";

    static final String UPDATED_SHIPMENT = """
            {"shipmentId":"SHP-1","carrierId":"acme","crossingId":"laredo-world-trade-bridge","direction":"NORTHBOUND",
             "laneType":"STANDARD","plannedArrival":"2026-11-27T19:30:00Z","referenceNumbers":{"billOfLading":"BOL-1"},
             "revision":2,"registeredAt":"2026-11-27T15:02:11.483Z","updatedAt":"2026-11-27T16:40:02.120Z"}""";

    static final String SHIPMENT_PAGE = """
            {"items":[""" + SHIPMENT + """
            ],"page":0,"size":50,"total":1}""";

    static final String CHECKPOINT = """
            {"eventId":"5b0c1f52-3e4f-4a8e-9a53-2f6f4f0a8c11","type":"QUEUE_ENTERED","occurredAt":"2026-11-27T17:42:00Z",
             "source":"RFID","location":{"latitude":27.5991,"longitude":-99.5361}}""";

    static final String RECEIPT = """
            {"eventId":"5b0c1f52-3e4f-4a8e-9a53-2f6f4f0a8c11","shipmentId":"SHP-1","status":"ACCEPTED"}""";

    static final String DUPLICATE_RECEIPT = """
            {"eventId":"5b0c1f52-3e4f-4a8e-9a53-2f6f4f0a8c11","shipmentId":"SHP-1","status":"DUPLICATE"}""";

    static final String BATCH = """
            {"events":[
              {"shipmentId":"SHP-1","eventId":"5b0c1f52-3e4f-4a8e-9a53-2f6f4f0a8c11","type":"QUEUE_ENTERED",
               "occurredAt":"2026-11-27T17:42:00Z","source":"RFID"},
              {"shipmentId":"SHP-404","eventId":"0e5cbd0e-7f5a-4d3c-8a43-9c1b2a7f6e21","type":"PRIMARY_INSPECTION",
               "occurredAt":"2026-11-27T18:31:00Z","source":"RFID"}]}""";

    static final String BATCH_RESULT = """
            {"accepted":1,"rejected":1,"results":[
              {"index":0,"eventId":"5b0c1f52-3e4f-4a8e-9a53-2f6f4f0a8c11","shipmentId":"SHP-1","status":"ACCEPTED"},
              {"index":1,"eventId":"0e5cbd0e-7f5a-4d3c-8a43-9c1b2a7f6e21","shipmentId":"SHP-404","status":"REJECTED",
               "problem":{"type":"https://borderflow.io/problems/shipment-not-found","title":"Shipment not found",
                          "status":404,"detail":"no shipment SHP-404"}}]}""";

    static final String POSITIONS = """
            {"positions":[
              {"at":"2026-11-27T17:41:30Z","latitude":27.5702,"longitude":-99.5371,"speedKph":12.5,"headingDeg":4,
               "accuracyMeters":6},
              {"at":"2026-11-27T17:42:00Z","latitude":27.5712,"longitude":-99.5370,"accuracyMeters":8}]}""";

    static final String POSITIONS_RESULT = """
            {"accepted":1,"rejected":1,"results":[
              {"index":0,"at":"2026-11-27T17:41:30Z","status":"ACCEPTED"},
              {"index":1,"status":"REJECTED","problem":{"type":"https://borderflow.io/problems/validation",
               "title":"Request is not valid","status":400,"detail":"1 field(s) failed validation",
               "errors":[{"field":"latitude","message":"must be less than or equal to 90"}]}}]}""";

    static final String TIMELINE = """
            {"shipmentId":"SHP-1","carrierId":"acme","crossingId":"laredo-world-trade-bridge","direction":"NORTHBOUND",
             "laneType":"FAST","checkpoints":[
               {"eventId":"5b0c1f52-3e4f-4a8e-9a53-2f6f4f0a8c11","type":"QUEUE_ENTERED","occurredAt":"2026-11-27T17:42:00Z",
                "source":"RFID","location":{"latitude":27.5991,"longitude":-99.5361},"recordedAt":"2026-11-27T17:42:01.204Z"},
               {"eventId":"0e5cbd0e-7f5a-4d3c-8a43-9c1b2a7f6e21","type":"PRIMARY_INSPECTION","occurredAt":"2026-11-27T18:31:00Z",
                "source":"RFID","location":null,"recordedAt":"2026-11-27T18:31:02.019Z"}],
             "delay":{"status":"IN_INSPECTION","waitMinutes":49.0,"crossingMinutes":null,"delayMinutes":39.0,
                      "lastCheckpointAt":"2026-11-27T18:31:00Z","updatedAt":"2026-11-27T18:31:03Z"}}""";

    static final String VALIDATION_PROBLEM = """
            {"type":"https://borderflow.io/problems/validation","title":"Request is not valid","status":400,
             "detail":"1 field(s) failed validation","errors":[{"field":"plannedArrival","message":"must not be null"}]}""";

    static final String UNKNOWN_CROSSING_PROBLEM = """
            {"type":"https://borderflow.io/problems/unknown-crossing","title":"Unknown crossing","status":400,
             "detail":"'nowhere' is not a crossing of the catalog","errors":[{"field":"crossingId","message":"unknown crossing"}]}""";

    static final String OUT_OF_RANGE_PROBLEM = """
            {"type":"https://borderflow.io/problems/occurred-at-out-of-range","title":"occurredAt is out of range",
             "status":400,"detail":"occurredAt 2026-11-28T02:00:00Z is more than 5 min in the future",
             "errors":[{"field":"occurredAt","message":"occurredAt 2026-11-28T02:00:00Z is more than 5 min in the future"}]}""";

    static final String NOT_FOUND_PROBLEM = """
            {"type":"https://borderflow.io/problems/shipment-not-found","title":"Shipment not found","status":404,
             "detail":"no shipment SHP-404"}""";

    static final String SHIPMENT_CONFLICT_PROBLEM = """
            {"type":"https://borderflow.io/problems/shipment-conflict","title":"Shipment already registered",
             "status":409,"detail":"shipment SHP-1 is registered with different content; change it with PATCH"}""";

    static final String DUPLICATE_EVENT_PROBLEM = """
            {"type":"https://borderflow.io/problems/duplicate-event","title":"eventId already used","status":409,
             "detail":"event 5b0c1f52-3e4f-4a8e-9a53-2f6f4f0a8c11 was already reported with different content"}""";

    static final String TOO_LARGE_PROBLEM = """
            {"type":"https://borderflow.io/problems/batch-too-large","title":"Batch too large","status":413,
             "detail":"1001 events in one batch; at most 1000"}""";

    static final String BROKER_PROBLEM = """
            {"type":"https://borderflow.io/problems/broker-unavailable","title":"Event broker unavailable",
             "status":503,"detail":"the broker did not acknowledge within 5 s; 0 of 1 events acknowledged"}""";

    static final String UNAUTHORIZED_PROBLEM = """
            {"type":"https://borderflow.io/problems/unauthorized","title":"Unauthorized","status":401,
             "detail":"a valid bearer token is required"}""";

    static final String FORBIDDEN_PROBLEM = """
            {"type":"https://borderflow.io/problems/forbidden","title":"Forbidden","status":403,
             "detail":"the token's roles do not allow this"}""";

    private ApiExamples() {
    }
}
