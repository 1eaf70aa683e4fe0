package dev.citeqa.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import dev.citeqa.answer.Answerer;
import dev.citeqa.answer.Answerers;
import dev.citeqa.chat.AskService;
import dev.citeqa.chat.Workspace;
import dev.citeqa.chat.Workspaces;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.index.EmbeddingProgress;
import dev.citeqa.index.IndexSummary;
import dev.citeqa.index.Indexer;

/**
 * An evaluation run from start to end: check the gold file, index the documents if needed, run every provider
 * over the same questions, and write the reports.
 */
@Service
public class EvalService {

    /**
     * What to run.
     *
     * @param docs      documents folder, or null for the configured one
     * @param data      index folder, or null for the documents folder's own
     * @param providers providers to compare, in order; empty for the configured one
     * @param model     model to ask for, or null for the configured one
     * @param out       report folder, or null for eval/reports/&lt;timestamp&gt;-&lt;provider&gt;
     */
    public record Request(Path gold, String docs, String data, List<String> providers, String model, Path out) {
    }

    /** What a run produced: one report per provider, and where they were written. */
    public record Outcome(List<EvalReport> reports, Map<String, Path> folders, Path out, IndexSummary indexed) {
    }

    /** Progress of a run: which provider, and that provider's progress. */
    public record Progress(String provider, int providerNumber, int providers, EvalRunner.Progress run) {
    }

    static final Path REPORTS = Path.of("eval", "reports");

    private final CiteqaProperties settings;
    private final Workspaces workspaces;
    private final Answerers answerers;
    private final AskService asking;

    public EvalService(CiteqaProperties settings, Workspaces workspaces, Answerers answerers, AskService asking) {
        this.settings = settings;
        this.workspaces = workspaces;
        this.answerers = answerers;
        this.asking = asking;
    }

    public Outcome run(Request request, Consumer<Indexer.Progress> indexing, Consumer<Progress> progress) {
        return run(request, indexing, e -> {
        }, progress);
    }

    /** Runs the gold set; the index is brought up to date first, vectors included, reporting both as it goes. */
    public Outcome run(Request request, Consumer<Indexer.Progress> indexing, Consumer<EmbeddingProgress> embedding,
                       Consumer<Progress> progress) {
        Workspace workspace = workspaces.open(request.docs(), request.data());
        if (!Files.isDirectory(workspace.docs())) {
            throw new Problem("The documents folder " + workspace.docs() + " does not exist: pass --docs <folder>.");
        }
        GoldSet gold = GoldSet.read(request.gold(), workspace.docs());
        List<String> providers = request.providers().isEmpty() ? List.of(settings.answer().provider())
                : request.providers();
        Map<String, Answerer> answerersByName = new LinkedHashMap<>();
        for (String provider : providers) {
            answerersByName.put(provider, answerers.forProvider(provider, request.model()));
        }
        LocalDateTime now = LocalDateTime.now();
        Path out = request.out() != null ? request.out() : REPORTS.resolve(
                now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + String.join("+", providers));
        RunSettings runSettings = new RunSettings(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                workspace.docs().toString(), settings.retrieval().mode() + ", top " + settings.retrieval().topK());

        IndexSummary indexed = workspace.sync(indexing, embedding, () -> false);
        EvalRunner runner = new EvalRunner(asking);
        List<EvalReport> reports = new ArrayList<>();
        Map<String, Path> folders = new LinkedHashMap<>();
        int number = 0;
        for (Map.Entry<String, Answerer> entry : answerersByName.entrySet()) {
            int n = ++number;
            EvalReport report = runner.run(gold, request.gold().toString(), workspace, entry.getValue(),
                    request.model(), p -> progress.accept(new Progress(entry.getKey(), n, providers.size(), p)));
            Path folder = providers.size() == 1 ? out : out.resolve(entry.getKey());
            ReportFiles.write(folder, report, runSettings);
            reports.add(report);
            folders.put(entry.getKey(), folder);
        }
        if (reports.size() > 1) {
            ReportFiles.writeComparison(out, RunComparison.of(reports, providers), runSettings);
        }
        return new Outcome(reports, folders, out, indexed);
    }
}
