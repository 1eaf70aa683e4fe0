package dev.citeqa.ingest;

import java.util.List;

/**
 * One file made ready for the index.
 *
 * @param fingerprint changes whenever the file's passages would change: its bytes, or which of its lines the
 *                    corpus marks as chrome
 */
public record IngestedFile(String file, String contentHash, String fingerprint, String title, String date,
                           List<Passage> passages) {
}
