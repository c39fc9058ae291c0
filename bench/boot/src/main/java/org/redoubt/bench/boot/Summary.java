package org.redoubt.bench.boot;

import java.util.List;

/**
 * Order statistics of one series' values.
 *
 * @param n      how many values
 * @param median the median (mean of the two middle values for an even count)
 * @param p90    the 90th percentile, nearest rank
 * @param min    the smallest value
 * @param max    the largest value
 */
record Summary(int n, double median, double p90, double min, double max) {

    /**
     * @param values at least one value
     * @return their summary
     */
    static Summary of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        int rank = (int) Math.ceil(0.9 * n);
        return new Summary(n, median, sorted[Math.max(0, rank - 1)], sorted[0], sorted[n - 1]);
    }
}
