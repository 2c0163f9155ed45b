package io.borderflow.ingest.domain.geofence;

/**
 * One geofence as a polygon in local metres (x east, y north), closed or not. {@link #depth} is the signed distance
 * to its boundary: positive inside, negative outside — what the edge hysteresis compares with its margin.
 */
record ZonePolygon(double[] xs, double[] ys) {

    double depth(double x, double y) {
        boolean inside = false;
        double nearest = Double.MAX_VALUE;
        int n = xs.length;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = xs[i], yi = ys[i], xj = xs[j], yj = ys[j];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
            nearest = Math.min(nearest, distanceToSegment(x, y, xi, yi, xj, yj));
        }
        return inside ? nearest : -nearest;
    }

    double centroidX() {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    double centroidY() {
        double sum = 0;
        for (double y : ys) {
            sum += y;
        }
        return sum / ys.length;
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
        double cx = ax + t * dx - px, cy = ay + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }
}
