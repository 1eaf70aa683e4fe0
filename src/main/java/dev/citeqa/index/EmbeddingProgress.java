package dev.citeqa.index;

/**
 * How far an embedding run is: passages embedded so far out of how many, and for how long it has run.
 *
 * @param done    passages embedded so far in this run
 * @param total   passages this run set out to embed (grows when an index run adds passages meanwhile)
 * @param nanos   time since the run began
 */
public record EmbeddingProgress(int done, int total, long nanos) {

    /** Passages per second so far, or 0 before the first batch. */
    public double rate() {
        return done == 0 || nanos <= 0 ? 0 : done * 1e9 / nanos;
    }

    /** Seconds left at the rate so far, or -1 while there is no rate yet. */
    public long secondsLeft() {
        double rate = rate();
        return rate <= 0 ? -1 : Math.round((total - done) / rate);
    }

    /** One line: "Embedding: 640/3208 passages, 41 passages/s, about 63 s left". */
    public String line() {
        long left = secondsLeft();
        return String.format("Embedding: %d/%d passages%s%s", done, total,
                done == 0 ? "" : String.format(", %.0f passages/s", rate()),
                left < 0 ? "" : ", about " + duration(left) + " left");
    }

    static String duration(long seconds) {
        return seconds < 90 ? seconds + " s" : seconds < 5400 ? Math.round(seconds / 60.0) + " min"
                : String.format("%.1f h", seconds / 3600.0);
    }
}
