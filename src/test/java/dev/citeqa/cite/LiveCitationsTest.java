package dev.citeqa.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.citeqa.answer.Fixtures;
import dev.citeqa.answer.Reply;

/** Streamed text is numbered the way the checked answer will be, whatever the token boundaries. */
class LiveCitationsTest {

    private static String stream(int passages, String... tokens) {
        StringBuilder out = new StringBuilder();
        LiveCitations live = new LiveCitations(passages, out::append);
        for (String token : tokens) {
            live.accept(token);
        }
        live.finish();
        return out.toString();
    }

    @Test
    void renumbersByFirstUseAcrossSplitMarkers() {
        assertThat(stream(3, "Signed in Tehran [", "3", "]. Rebuild the army [1", ", 3]. Again[3]."))
                .isEqualTo("Signed in Tehran [1]. Rebuild the army [2] [1]. Again [1].");
    }

    @Test
    void dropsNumbersOfPassagesThatWereNotSent() {
        assertThat(stream(3, "Claim [9]. Other [2][9]. Both [2, 7]."))
                .isEqualTo("Claim. Other [1]. Both [1].");
    }

    @Test
    void leavesBracketsThatAreNotCitationsAlone() {
        assertThat(stream(3, "See [the map](x) and [a", "] plus [12", "a] and an open [")).isEqualTo(
                "See [the map](x) and [a] plus [12a] and an open [");
    }

    @Test
    void matchesTheNumberingOfTheCheckedAnswer() {
        String reply = "The agreement was signed in Tehran [2]. Iran will rebuild Iraq's depleted military [1][2].";
        String streamed = stream(3, reply.substring(0, 37), reply.substring(37));

        CitedAnswer checked = CitationChecker.check(Fixtures.QUESTION, new Reply(reply, "m", 0, 0), Fixtures.context());

        assertThat(streamed).isEqualTo("The agreement was signed in Tehran [1]. Iran will rebuild Iraq's depleted "
                + "military [2] [1].");
        assertThat(checked.text()).isEqualTo(streamed);
        assertThat(checked.citations()).extracting(Citation::n).isEqualTo(List.of(1, 2));
    }
}
