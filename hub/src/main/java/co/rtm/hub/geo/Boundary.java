package co.rtm.hub.geo;

/**
 * The simplified boundary of one municipality: one or more polygons, each an outer ring and any holes. Rings are
 * stored as interleaved {lon0, lat0, lon1, lat1, ...}, closed (last point equals the first), as GeoJSON gives them;
 * edges are straight lines in longitude/latitude (RFC 7946 §3.1.1).
 */
final class Boundary {
    private final double[][][] polygons;
    final double minLon;
    final double minLat;
    final double maxLon;
    final double maxLat;

    Boundary(double[][][] polygons) {
        if (polygons.length == 0) {
            throw new IllegalArgumentException("a boundary needs at least one polygon");
        }
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (double[][] polygon : polygons) {
            for (double[] ring : polygon) {
                if (ring.length < 8 || ring[0] != ring[ring.length - 2] || ring[1] != ring[ring.length - 1]) {
                    throw new IllegalArgumentException("a ring needs at least 4 positions and must be closed");
                }
                for (int i = 0; i < ring.length; i += 2) {
                    x0 = Math.min(x0, ring[i]);
                    x1 = Math.max(x1, ring[i]);
                    y0 = Math.min(y0, ring[i + 1]);
                    y1 = Math.max(y1, ring[i + 1]);
                }
            }
        }
        this.polygons = polygons;
        minLon = x0;
        minLat = y0;
        maxLon = x1;
        maxLat = y1;
    }

    boolean boxContains(double lat, double lon) {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }

    /**
     * Ray casting towards +longitude over every ring of a polygon (outer ring and holes together, so a point in a
     * hole crosses an even number of edges). An edge counts when its latitudes straddle the point half-open
     * ({@code (y_i > lat) != (y_j > lat)}) and it crosses strictly east of the point. So a point exactly on an edge
     * is decided as if moved an infinitesimal step east (and north, on an east-west edge): on a border shared by
     * two municipalities it belongs to exactly one of them, the eastern one (the northern one on an east-west
     * stretch).
     */
    boolean contains(double lat, double lon) {
        if (!boxContains(lat, lon)) {
            return false;
        }
        for (double[][] polygon : polygons) {
            boolean inside = false;
            for (double[] ring : polygon) {
                for (int i = 0, n = ring.length - 2; i < n; i += 2) {
                    double xi = ring[i], yi = ring[i + 1], xj = ring[i + 2], yj = ring[i + 3];
                    if ((yi > lat) != (yj > lat) && lon < xi + (lat - yi) * (xj - xi) / (yj - yi)) {
                        inside = !inside;
                    }
                }
            }
            if (inside) {
                return true;
            }
        }
        return false;
    }

    /**
     * Metres from the point to the nearest point of any ring (outer or hole). The nearest point of each edge is
     * found in a local projection centred on the query point (metres per degree at its latitude), then measured
     * with {@link Earth#metres}.
     */
    double distanceToBoundaryMetres(double lat, double lon) {
        double ky = Earth.metresPerDegreeLat(lat);
        double kx = Earth.metresPerDegreeLon(lat);
        double best = Double.POSITIVE_INFINITY;
        for (double[][] polygon : polygons) {
            for (double[] ring : polygon) {
                for (int i = 0, n = ring.length - 2; i < n; i += 2) {
                    double ax = (ring[i] - lon) * kx, ay = (ring[i + 1] - lat) * ky;
                    double dx = (ring[i + 2] - ring[i]) * kx, dy = (ring[i + 3] - ring[i + 1]) * ky;
                    double len2 = dx * dx + dy * dy;
                    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
                    double cLon = ring[i] + t * (ring[i + 2] - ring[i]);
                    double cLat = ring[i + 1] + t * (ring[i + 3] - ring[i + 1]);
                    best = Math.min(best, Earth.metres(lat, lon, cLat, cLon));
                }
            }
        }
        return best;
    }

    /** Every vertex, for tests and benchmarks that need real boundary points: {lon, lat} pairs, interleaved. */
    double[][][] polygons() {
        return polygons;
    }
}
