package dev.citeqa.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.citeqa.config.SettingNames;

/** The command line's settings: a misspelt one stops with one line, every real one passes, in any relaxed spelling. */
class LaunchTest {

    @Test
    void aMisspeltSettingInsideAKnownGroupIsNamedWithTheNearestRealOne() {
        assertThatThrownBy(() -> Launch.parse(List.of("--citeqa.retrieval.topk=8", "ask", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown setting citeqa.retrieval.topk (value '8', from the command line): did you mean "
                        + "citeqa.retrieval.top-k?");
    }

    @Test
    void everyRealSettingPassesInEachSpellingSpringReads() {
        for (String name : SettingNames.all()) {
            assertThat(Launch.parse(List.of("--" + name + "=1", "status")).springArguments()).contains("--" + name + "=1");
        }
        assertThat(Launch.parse(List.of("--citeqa.retrieval.topK=8", "--citeqa.retrieval.top_k=8",
                "--citeqa.solr.urls[0]=http://127.0.0.1:8983/solr", "status")).springArguments()).hasSize(3);
    }
}
