package dev.e2eecall.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Measurements of one quantity, summarised as the figures in docs/benchmarks.md report them. */
final class Samples {

    private final List<Double> values = new ArrayList<>();

    void add(double value) {
        values.add(value);
    }

    int count() {
        return values.size();
    }

    /** The middle value; the mean of the two middle ones for an even count. */
    double median() {
        List<Double> sorted = sorted();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** The nearest-rank percentile: the smallest value with at least {@code percent} % of the values at or below it. */
    double percentile(int percent) {
        List<Double> sorted = sorted();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    double min() {
        return sorted().getFirst();
    }

    double max() {
        return sorted().getLast();
    }

    private List<Double> sorted() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no measurements");
        }
        return values.stream().sorted().toList();
    }

    /** "median 123.4, p95 150.0, min 100.1, max 160.2 (n=15)" with the given unit after each figure. */
    String summary(String unit) {
        return String.format(
                Locale.ROOT,
                "median %.1f%s, p95 %.1f%s, min %.1f%s, max %.1f%s (n=%d)",
                median(),
                unit,
                percentile(95),
                unit,
                min(),
                unit,
                max(),
                unit,
                count());
    }
}
