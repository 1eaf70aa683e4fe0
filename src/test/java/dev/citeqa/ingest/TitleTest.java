package dev.citeqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TitleTest {

    @Test
    void aSiteTaglineAboveTheHeadlineIsNotTheTitle() {
        IngestedFile file = Ingest.one(Ingest.read("a.txt", """
                Bringing you the coast since 1998

                Harbour reopens after winter storm damage

                May 3, 2021 at 9:15 am

                The harbour at Port Ellen reopened on Monday after the winter storm damaged the north quay. \
                Repairs to the quay took six weeks, the harbour master said.
                """));
        assertThat(file.title()).isEqualTo("Harbour reopens after winter storm damage");
    }

    @Test
    void aSentenceIsNoHeadline() {
        IngestedFile file = Ingest.one(Ingest.read("0042_x.txt", """
                The harbour at Port Ellen reopened on Monday after the storm.
                Repairs to the north quay took six weeks, the harbour master said.
                """));
        assertThat(file.title()).isEqualTo("0042_x.txt");
    }

    @Test
    void aLineRepeatedAcrossTheCorpusIsNeverTheTitle() {
        Map<String, SourceText> corpus = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            corpus.put("n" + i + ".txt", Ingest.read("n" + i + ".txt", "Coast Daily News Network\n\n"
                    + "Storm number " + i + " closes the harbour\n\n"
                    + "Storm number " + i + " closed the harbour at Port Ellen for two days, the harbour master "
                    + "said on Monday.\n"));
        }
        assertThat(Ingest.corpus(corpus).get("n3.txt").title()).isEqualTo("Storm number 3 closes the harbour");
    }
}
