package dev.citeqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import dev.citeqa.config.CiteqaProperties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whatever the bytes, ingestion never throws, and every passage is the file's text at its offsets. */
class IngestionProperties {

    private static final PassageSplitter SPLITTER = new PassageSplitter(CiteqaProperties.Ingest.defaults());

    private static void passagesMatchTheirOffsets(String file, byte[] bytes) {
        DocumentReader.Result result = new DocumentReader().parse(file, bytes, Hashes.sha256(bytes));
        if (!(result instanceof DocumentReader.Read read)) {
            return; // skipped with a reason: also a valid outcome
        }
        String text = read.source().text();
        Set<String> keys = Boilerplate.lineKeys(read.source());
        IngestedFile ingested = SPLITTER.split(read.source(), Boilerplate.ofCorpus(Map.of(file, keys)), keys);
        for (Passage p : ingested.passages()) {
            assertThat(p.start()).isBetween(0, p.end());
            assertThat(p.end()).isLessThanOrEqualTo(text.length());
            assertThat(text.substring(p.start(), p.end())).isEqualTo(p.text());
            assertThat(p.text()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void randomBytes(@ForAll @Size(max = 3000) byte[] bytes) {
        passagesMatchTheirOffsets("random.txt", bytes);
        passagesMatchTheirOffsets("random.html", bytes);
        passagesMatchTheirOffsets("random.pdf", bytes);
    }

    @Property(tries = 300)
    void randomText(@ForAll("prose") String text) {
        passagesMatchTheirOffsets("prose.md", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> prose() {
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(9),
                Arbitraries.of("Dr.", "U.S.", "Brig.", "Gen.", "e.g.", "3.5", "1,500", "“Quote”", "[2]", "—", "\u001b[31m",
                        "http://x.y/z", "Subscribe", "you", "$5/week", "#", "-", "*", "\t"));
        Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", ". ", "? ", "! ", "\n", "\n\n", "\r\n", ": ", ", ");
        return Arbitraries.lazy(() -> word).list().ofMaxSize(200)
                .flatMap(words -> separator.list().ofSize(words.size()).map(seps -> {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < words.size(); i++) {
                        text.append(words.get(i)).append(seps.get(i));
                    }
                    return text.toString();
                }));
    }
}
