package dev.citeqa.shell;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

import org.jline.reader.LineReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.citeqa.ingest.Place;
import dev.citeqa.answer.Answerers;
import dev.citeqa.answer.StopSignal;
import dev.citeqa.chat.AskService;
import dev.citeqa.chat.Turn;
import dev.citeqa.chat.Workspace;
import dev.citeqa.chat.Workspaces;
import dev.citeqa.cite.Citation;
import dev.citeqa.config.Problem;
import dev.citeqa.config.ProviderKind;
import dev.citeqa.index.IndexSummary;
import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.RetrievalMode;

/** Asking, and looking at what an answer rests on. */
@Component
public class QuestionCommands {

    private final Workspaces workspaces;
    private final AskService asking;
    private final InterruptKey interruptKey;
    private final Answerers answerers;
    private final boolean styled;
    private final boolean interactive;
    private final ObjectProvider<LineReader> lineReader;
    private Boolean atTerminal;

    public QuestionCommands(Workspaces workspaces, AskService asking, InterruptKey interruptKey,
                            ObjectProvider<Launch> launch, Answerers answerers, ObjectProvider<LineReader> lineReader) {
        this.workspaces = workspaces;
        this.asking = asking;
        this.interruptKey = interruptKey;
        this.answerers = answerers;
        Launch started = launch.getIfAvailable();
        this.interactive = started == null || started.interactive();
        // dim text only on a prompt a person reads; scripts and pipes get plain text
        this.styled = started != null && started.interactive() && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
        this.lineReader = lineReader;
    }

    @Command(name = "ask", description = "Answer a question from the documents, with numbered citations "
            + "(a line that is not a command is asked too)")
    public void ask(CommandContext context,
                    @Argument(index = 0, description = "the question") String question,
                    @Option(longName = "json", description = "print a JSON object instead of text") boolean json,
                    @Option(longName = "retrieval", description = "bm25, vector or hybrid (default: the configured "
                            + "citeqa.retrieval.mode)") String retrieval,
                    @Option(longName = "docs", description = "documents folder") String docs,
                    @Option(longName = "data", description = "index folder for these documents") String data) {
        PrintWriter out = context.outputWriter();
        Workspace workspace = workspaces.open(docs, data);
        PrintWriter notes = json ? Progress.stderr() : out; // keep stdout pure JSON for scripts
        workspace.takeRecoveryNote().ifPresent(notes::println);
        // progress of a single command goes to stderr, so that its stdout holds the answer alone
        prepare(workspace, notes, interactive && !json ? out : Progress.stderr(), !json && onTerminal());
        RetrievalMode mode = retrieval == null || retrieval.isBlank() ? null : RetrievalMode.parse(retrieval);
        // the answer streams as it is written (JSON waits for the whole); checks and sources follow at the end
        boolean[] shown = {false};
        StopSignal stop = new StopSignal();
        // a model's Markdown is shown as terminal text; the offline answer quotes documents, which stay as written
        MarkdownStream markdown = !json && atTerminal()
                && !ProviderKind.EXTRACTIVE.id().equals(answerers.active().name()) ? new MarkdownStream(text -> {
                    out.print(text);
                    out.flush();
                }) : null;
        Turn turn;
        try (InterruptKey.Handle ignored = interruptKey.during(stop::stop)) {
            turn = asking.ask(workspace, question, mode, searched -> {
                if (!json) {
                    out.print(AnswerView.searched(searched, styled));
                    out.flush();
                }
            }, token -> {
                if (markdown != null) {
                    shown[0] = true;
                    markdown.accept(TerminalText.safe(token));
                } else if (!json) {
                    shown[0] = true;
                    out.print(TerminalText.safe(token));
                    out.flush();
                }
            }, stop);
            if (markdown != null) {
                markdown.finish();
            }
        } catch (RuntimeException e) {
            if (markdown != null) {
                markdown.finish();
            }
            if (shown[0]) {
                out.println();
            }
            throw e;
        }
        if (json) {
            out.print(AnswerView.json(turn) + "\n");
            return;
        }
        out.print(AnswerView.afterStream(turn, interactive, links(workspace)));
        if (!interactive && turn.answer().abstained()) {
            out.flush();
            throw new AnswerDeclined(); // a script tells a declined answer by the exit status
        }
    }

    /**
     * Before the first question: the text is indexed (BM25 answers from it), then a few waiting vectors are embedded
     * at once; more are embedded in the background in the shell, while a single command answers by BM25 alone and
     * says so (index embeds them, with progress).
     */
    private void prepare(Workspace workspace, PrintWriter notes, PrintWriter progressOut, boolean inPlace) {
        IndexSummary summary;
        StopSignal stop = new StopSignal();
        try (Progress progress = new Progress(progressOut, inPlace)) {
            summary = interruptKey.indexing(files -> {
                IndexSummary text = workspace.syncOnce(files);
                if (text == null || text.withoutVector() == 0 || text.withoutVector() > Workspace.EMBED_BEFORE_ANSWER) {
                    return text;
                }
                try (InterruptKey.Handle ignored = interruptKey.during(stop::stop)) {
                    return workspace.embed(text, progress.embedding(), stop::stopped);
                }
            }, progress.files());
        }
        if (summary == null) {
            return;
        }
        if (summary.touched() || !summary.skipped().isEmpty() || summary.embedded() > 0) {
            Progress.summary(summary, notes);
        }
        if (summary.withoutVector() > 0 && interactive) {
            workspace.embedInBackground(this::announce);
            notes.println("Embedding " + summary.withoutVector() + " passages in the background; until they are done, "
                    + "questions are searched by BM25 alone (status shows how far along).");
        }
        if (summary.touched() || !summary.skipped().isEmpty() || summary.embedded() > 0
                || summary.withoutVector() > 0 && interactive) {
            notes.println();
        }
        notes.flush();
    }

    /** The shell runs on a real terminal (not a pipe, not a dumb one), where a progress line can be redrawn. */
    private boolean onTerminal() {
        LineReader reader = interactive ? lineReader.getIfAvailable() : null;
        return styled && reader != null && !reader.getTerminal().getType().startsWith("dumb");
    }

    /** A line from the background, shown above the prompt without disturbing what is being typed. */
    private void announce(String line) {
        LineReader reader = lineReader.getIfAvailable();
        if (reader != null) {
            reader.printAbove(line);
        } else {
            System.out.println(line);
        }
    }

    @Command(name = "sources", description = "List the passages behind the last answer: cited ones first, "
            + "then the others that were found")
    public void sources(CommandContext context,
                        @Option(longName = "explain", description = "show why each passage was chosen: its BM25 "
                                + "and vector ranks and scores, the fused score, and the question terms it holds")
                        boolean explain) {
        PrintWriter out = context.outputWriter();
        Turn turn = lastTurn();
        if (explain) {
            out.print(AnswerView.explain(turn, workspaces.current().weights(turn.searched())));
            return;
        }
        List<Citation> cited = turn.answer().citations();
        if (!cited.isEmpty()) {
            out.println("Cited:");
            for (Citation c : cited) {
                out.print(AnswerView.source(c.n(), c.passage(), alsoIn(turn, c.passage()),
                        links(workspaces.current())));
            }
        }
        List<RankedPassage> others = turn.retrieved().stream()
                .filter(r -> cited.stream().noneMatch(c -> c.passage().id().equals(r.passage().id()))).toList();
        if (!others.isEmpty()) {
            out.println(cited.isEmpty() ? "Found (none cited):" : "Also found, not cited:");
            for (RankedPassage r : others) {
                out.printf(" - rank %d, score %.3f: %s (passage %s)%n     \"%s\"%n", r.rank(), r.score(),
                        TerminalText.safe(r.passage().file()), TerminalText.safe(r.passage().id()),
                        AnswerView.snippet(r.passage().text()));
            }
        }
        if (cited.isEmpty() && others.isEmpty()) {
            out.println("No passage was found for the last question.");
        }
    }

    @Command(name = "show", description = "Print source n of the last answer in full, with the cited sentence "
            + "marked and its place in the file")
    public void show(CommandContext context, @Argument(index = 0, description = "source number") String number) {
        PrintWriter out = context.outputWriter();
        Turn turn = lastTurn();
        int n = parseNumber(number, turn.answer().citations().size());
        Citation citation = turn.answer().citations().get(n - 1);
        Passage p = citation.passage();
        Workspace workspace = workspaces.current();
        out.printf("[%d] %s — %s%n", n, links(workspace).name(p), TerminalText.safe(p.title()));
        out.printf("passage %s, characters %d-%d%s%s%s%n", TerminalText.safe(p.id()), p.start(), p.end(),
                workspace.placeOf(p).map(place -> ", " + place.describe() + " of the file")
                        .orElse(" (the file has changed since it was indexed)"),
                p.section() == null ? "" : ", section \"" + TerminalText.safe(p.section()) + "\"",
                p.date() == null ? "" : ", dated " + p.date());
        out.println();
        out.println(PassagePlace.marked(TerminalText.safe(p.text()), TerminalText.safe(citation.sentence())));
    }

    /** Whether a person reads the output on a terminal that shows escape sequences (not a pipe, not dumb). */
    private boolean atTerminal() {
        if (atTerminal == null) { // the prompt's terminal, known once the interactive session has made it
            atTerminal = interactive && styled && FileLinks.supported(lineReader.getObject().getTerminal());
        }
        return atTerminal;
    }

    private FileLinks links(Workspace workspace) {
        return atTerminal() ? new FileLinks(workspace.docs(), p -> workspace.placeOf(p).filter(place -> place.unit() == Place.Unit.LINE).map(Place::first), true)
                : FileLinks.PLAIN;
    }

    private Turn lastTurn() {
        Optional<Turn> last = asking.conversation().last();
        return last.orElseThrow(() -> new Problem("No question has been asked yet: ask one first, then use sources "
                + "or show <n>."));
    }

    private static int parseNumber(String number, int count) {
        if (count == 0) {
            throw new Problem("The last answer cites no sources; sources lists the passages that were found.");
        }
        try {
            int n = Integer.parseInt(number == null ? "" : number.strip().replaceAll("^\\[|\\]$", ""));
            if (n >= 1 && n <= count) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Problem("show needs a source number from 1 to " + count + ", for example: show 1");
    }

    private static List<String> alsoIn(Turn turn, Passage passage) {
        return turn.retrieved().stream().filter(r -> r.passage().id().equals(passage.id())).findFirst()
                .map(RankedPassage::alsoIn).orElse(List.of());
    }
}
