package dev.citeqa.index;

import java.util.Set;

/** What the index remembers of a file: enough to tell, without parsing it again, whether it changed. */
public record StoredFile(String file, String contentHash, String fingerprint, String title, String date,
                         int passages, Set<String> lineKeys) {
}
