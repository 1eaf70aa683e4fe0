package dev.citeqa.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoilerplateTest {

    @Test
    void aShortLineThatEndsASentenceStartedBeforeItIsKept() {
        IngestedFile file = Ingest.one(Ingest.read("rules.txt", """
                Mooring rules for the north quay

                Every berth has a weight for the allocation. The default weight of a berth is 50, and the maximum is

                100.

                HARBOUR STAFF

                Berths with a higher weight are given out first when the quay is full.
                """));
        String all = String.join("\n", Ingest.texts(file));
        assertThat(all).contains("and the maximum is\n\n100.").doesNotContain("HARBOUR STAFF");
    }
}
