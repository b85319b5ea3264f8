package co.rtm.hub.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * A uniform grid over the bounding box of all boundaries: each cell lists, in ascending order, the indices of the
 * boundaries whose bounding box touches it. A point looks at one cell only; a boundary whose box holds the point is
 * always listed in that point's cell, because the cell of a coordinate is monotone in the coordinate.
 */
final class GridIndex {
    private static final int[] EMPTY = new int[0];
    private final double minLon;
    private final double minLat;
    private final double cellDegrees;
    private final int columns;
    private final int rows;
    private final int[][] cells;

    GridIndex(List<Boundary> boundaries, double cellDegrees) {
        double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Boundary b : boundaries) {
            x0 = Math.min(x0, b.minLon);
            y0 = Math.min(y0, b.minLat);
            x1 = Math.max(x1, b.maxLon);
            y1 = Math.max(y1, b.maxLat);
        }
        this.minLon = x0;
        this.minLat = y0;
        this.cellDegrees = cellDegrees;
        this.columns = (int) Math.floor((x1 - x0) / cellDegrees) + 1;
        this.rows = (int) Math.floor((y1 - y0) / cellDegrees) + 1;
        List<List<Integer>> lists = new ArrayList<>(columns * rows);
        for (int i = 0; i < columns * rows; i++) {
            lists.add(null);
        }
        for (int k = 0; k < boundaries.size(); k++) {
            Boundary b = boundaries.get(k);
            for (int r = row(b.minLat); r <= row(b.maxLat); r++) {
                for (int c = column(b.minLon); c <= column(b.maxLon); c++) {
                    int cell = r * columns + c;
                    if (lists.get(cell) == null) {
                        lists.set(cell, new ArrayList<>(4));
                    }
                    lists.get(cell).add(k);
                }
            }
        }
        cells = new int[columns * rows][];
        for (int i = 0; i < cells.length; i++) {
            List<Integer> l = lists.get(i);
            cells[i] = l == null ? EMPTY : l.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private int column(double lon) {
        return (int) Math.floor((lon - minLon) / cellDegrees);
    }

    private int row(double lat) {
        return (int) Math.floor((lat - minLat) / cellDegrees);
    }

    /** Indices of the boundaries whose bounding box may hold the point, ascending; empty outside the grid. */
    int[] candidates(double lat, double lon) {
        int c = column(lon);
        int r = row(lat);
        if (c < 0 || r < 0 || c >= columns || r >= rows) {
            return EMPTY;
        }
        return cells[r * columns + c];
    }

    int cellCount() {
        return cells.length;
    }
}
