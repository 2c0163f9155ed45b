package io.borderflow.simulator.traffic;

/**
 * What goes wrong between a truck and the API, as fractions in [0, 1].
 *
 * @param duplicateRate  checkpoints delivered twice (a carrier's retry after a timeout)
 * @param outOfOrderRate checkpoints delivered late, often after the truck's next checkpoint (telematics buffering)
 * @param missingRate    checkpoints never delivered (an RFID read missed, an app offline)
 * @param stalledRate    trucks whose checkpoints stop before the port exit (breakdown, turned back, lost device)
 */
public record Imperfections(double duplicateRate, double outOfOrderRate, double missingRate, double stalledRate) {

    public static final Imperfections DEFAULT = new Imperfections(0.01, 0.02, 0.02, 0.002);
    public static final Imperfections NONE = new Imperfections(0, 0, 0, 0);

    public Imperfections {
        check("duplicate", duplicateRate);
        check("out-of-order", outOfOrderRate);
        check("missing", missingRate);
        check("stalled", stalledRate);
    }

    private static void check(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " rate must be within [0, 1]: " + rate);
        }
    }
}
