package dev.citeqa.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.citeqa.chat.Turn;
import dev.citeqa.cite.CheckedSentence;
import dev.citeqa.cite.Citation;
import dev.citeqa.cite.CitedAnswer;
import dev.citeqa.ingest.Passage;
import dev.citeqa.ingest.Place;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.TermWeights;

/** How answers and passages are printed: as text for people, or as JSON for scripts. */
final class AnswerView {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final int SNIPPET = 160;

    private AnswerView() {
    }

    private static final String DIM = "\u001B[2m";
    private static final String PLAIN = "\u001B[0m";

    /** The standalone question a follow-up was searched as, on its own line, dimmed when {@code styled}. */
    static String searched(String standalone, boolean styled) {
        String line = "(searched: " + TerminalText.safe(standalone) + ")";
        return (styled ? DIM + line + PLAIN : line) + "\n\n";
    }

    /**
     * What follows an answer that was streamed: the streamed text already carries the checked numbering (see
     * LiveCitations), so only the warnings, notes and sources are added.
     */
    static String afterStream(Turn turn, boolean interactive, FileLinks links) {
        StringBuilder out = new StringBuilder("\n");
        if (turn.notice() != null) {
            out.append("Note: ").append(turn.notice()).append('\n');
        }
        return checks(turn, out, interactive, links);
    }

    private static String checks(Turn turn, StringBuilder out, boolean interactive, FileLinks links) {
        CitedAnswer answer = turn.answer();
        List<String> warnings = warnings(answer);
        for (String warning : warnings) {
            out.append("  ! ").append(warning).append('\n');
        }
        if (answer.citations().isEmpty()) {
            out.append("\n(no sources cited)\n");
            return out.toString();
        }
        out.append("\nSources:\n");
        for (Citation citation : answer.citations()) {
            out.append(source(citation.n(), citation.passage(), otherFiles(turn, citation.passage()), links));
        }
        if (interactive) { // a hint for the prompt: a one-shot command ends with its sources
            out.append("(show <n> prints a whole passage; sources lists every passage found)\n");
        }
        return out.toString();
    }

    static String source(int n, Passage passage, List<String> alsoIn, FileLinks links) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(" [%d] %s  (passage %s, chars %d-%d%s%s)%n", n, links.name(passage),
                TerminalText.safe(passage.id()), passage.start(), passage.end(),
                passage.place() == null ? "" : ", " + passage.place().describe(),
                passage.date() == null ? "" : ", dated " + passage.date()));
        out.append("     \"").append(snippet(passage.text())).append("\"\n");
        if (!alsoIn.isEmpty()) {
            out.append("     also in: ").append(TerminalText.safe(String.join(", ", alsoIn))).append('\n');
        }
        return out.toString();
    }

    private static List<String> otherFiles(Turn turn, Passage passage) {
        return turn.retrieved().stream().filter(r -> r.passage().id().equals(passage.id()))
                .findFirst().map(RankedPassage::alsoIn).orElse(List.of());
    }

    static List<String> warnings(CitedAnswer answer) {
        List<String> warnings = new ArrayList<>();
        if (!answer.unknownMarkers().isEmpty()) {
            warnings.add("removed citations to passages that were not given: " + answer.unknownMarkers());
        }
        for (CheckedSentence sentence : answer.sentences()) {
            if (sentence.flagged()) {
                warnings.add((sentence.cites().isEmpty() ? "no source cited for: \"" : "not supported by its source "
                        + sentence.cites() + ": \"") + snippet(sentence.text()) + "\"");
            }
        }
        return warnings;
    }

    static String snippet(String text) {
        String flat = TerminalText.safe(text).replaceAll("\\s+", " ").strip();
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET - 1).strip() + "…";
    }

    /** Every passage found, in rank order, with what put it there. */
    static String explain(Turn turn, TermWeights weights) {
        StringBuilder out = new StringBuilder();
        out.append("Searched: ").append(TerminalText.safe(turn.searched())).append('\n');
        if (turn.retrieved().isEmpty()) {
            out.append("No passage was found.\n");
            return out.toString();
        }
        for (RankedPassage r : turn.retrieved()) {
            Passage p = r.passage();
            int cited = turn.answer().citations().stream().filter(c -> c.passage().id().equals(p.id()))
                    .mapToInt(Citation::n).findFirst().orElse(0);
            out.append(String.format("#%d %s (passage %s)%s%n", r.rank(), TerminalText.safe(p.file()),
                    TerminalText.safe(p.id()), cited > 0 ? "  cited as [" + cited + "]" : ""));
            out.append("   ").append(why(r)).append('\n');
            Set<String> terms = weights.termsOf(p.text());
            List<String> matched = weights.idf().keySet().stream().filter(t -> weights.foundIn(t, terms)).toList();
            out.append("   question terms in it: ").append(matched.isEmpty() ? "none" : String.join(", ", matched));
            weights.variants().forEach((term, spellings) -> spellings.stream().filter(terms::contains)
                    .forEach(v -> out.append(" (").append(term).append(" spelled ").append(v).append(')')));
            out.append('\n');
            if (!r.alsoIn().isEmpty()) {
                out.append("   also in: ").append(TerminalText.safe(String.join(", ", r.alsoIn()))).append('\n');
            }
            out.append("   \"").append(snippet(p.text())).append("\"\n");
        }
        return out.toString();
    }

    /** The ranks and scores behind a hit, in words. */
    static String why(RankedPassage r) {
        String bm25 = r.bm25Rank() > 0 ? String.format("BM25 rank %d (score %.2f)", r.bm25Rank(), r.bm25Score())
                : "not in the BM25 ranking";
        String vector = r.vectorRank() > 0 ? String.format("vector rank %d (cosine %.3f)", r.vectorRank(),
                r.vectorScore()) : "not in the vector ranking";
        return bm25 + ", " + vector + String.format("; final score %.4f", r.score());
    }

    static String json(Turn turn) {
        CitedAnswer answer = turn.answer();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("question", turn.question());
        out.put("searched", turn.searched());
        out.put("answer", answer.text());
        out.put("short_answer", answer.shortAnswer());
        out.put("abstained", answer.abstained());
        List<Map<String, Object>> citations = new ArrayList<>();
        for (Citation citation : answer.citations()) {
            Passage p = citation.passage();
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("n", citation.n());
            c.put("file", p.file());
            c.put("passage_id", p.id());
            c.put("start", p.start());
            c.put("end", p.end());
            if (p.place() != null) {
                // offsets count the extracted text; line (text formats) or page (PDF) is the place in the file itself
                c.put(p.place().unit() == Place.Unit.PAGE ? "page" : "line", p.place().first());
                c.put(p.place().unit() == Place.Unit.PAGE ? "last_page" : "last_line", p.place().last());
            }
            if (p.section() != null) {
                c.put("section", p.section());
            }
            c.put("text", p.text());
            citations.add(c);
        }
        out.put("citations", citations);
        out.put("unsupported_sentences", answer.unsupported());
        out.put("unknown_citations", answer.unknownMarkers());
        out.put("provider", answer.reply().provider());
        out.put("model", answer.reply().model());
        out.put("input_tokens", answer.reply().inputTokens());
        out.put("output_tokens", answer.reply().outputTokens());
        out.put("latency_ms", turn.millis());
        if (turn.notice() != null) {
            out.put("notice", turn.notice());
        }
        return write(out);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings and numbers always serialise", e);
        }
    }
}
