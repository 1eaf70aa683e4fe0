package dev.citeqa.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.citeqa.chat.Turn;
import dev.citeqa.cite.Citation;
import dev.citeqa.ingest.Passage;

/** A conversation written as Markdown, for {@code save}: each question, its answer, and its sources in full. */
final class ConversationMarkdown {

    private ConversationMarkdown() {
    }

    static String of(List<Turn> turns, Path docs, Function<Passage, Optional<Integer>> line) {
        StringBuilder md = new StringBuilder("# citeqa conversation\n\n");
        md.append("Documents: `").append(docs).append("`\n");
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            md.append("\n## ").append(i + 1).append(". ").append(oneLine(turn.question())).append("\n\n");
            if (!turn.searched().equals(turn.question())) {
                md.append("*Searched as:* ").append(oneLine(turn.searched())).append("\n\n");
            }
            md.append(TerminalText.safe(turn.answer().text()).strip()).append("\n");
            if (turn.notice() != null) {
                md.append("\n*Note:* ").append(oneLine(turn.notice())).append("\n");
            }
            if (turn.answer().citations().isEmpty()) {
                md.append("\n*(no sources cited)*\n");
                continue;
            }
            md.append("\n### Sources\n");
            for (Citation citation : turn.answer().citations()) {
                Passage p = citation.passage();
                md.append("\n**[").append(citation.n()).append("]** `").append(TerminalText.safe(p.file())).append('`')
                        .append(line.apply(p).map(l -> ", line " + l).orElse(""))
                        .append(", characters ").append(p.start()).append('-').append(p.end())
                        .append(" (passage `").append(TerminalText.safe(p.id())).append("`)");
                if (p.title() != null && !p.title().isBlank()) {
                    md.append(" — ").append(oneLine(p.title()));
                }
                md.append("\n\n");
                md.append(quoted(p.text(), citation.sentence()));
            }
        }
        return md.toString();
    }

    /** The passage as a block quote, the cited sentence in bold. */
    private static String quoted(String passage, String sentence) {
        String text = TerminalText.safe(passage).strip();
        String cited = sentence == null ? "" : TerminalText.safe(sentence).strip();
        int at = cited.isEmpty() ? -1 : text.indexOf(cited);
        if (at >= 0) {
            text = text.substring(0, at) + "**" + cited + "**" + text.substring(at + cited.length());
        }
        StringBuilder out = new StringBuilder();
        for (String l : text.split("\n", -1)) {
            out.append(l.isBlank() ? ">" : "> " + l.strip()).append('\n');
        }
        return out.toString();
    }

    private static String oneLine(String text) {
        return TerminalText.safe(text).replaceAll("\\s+", " ").strip();
    }
}
