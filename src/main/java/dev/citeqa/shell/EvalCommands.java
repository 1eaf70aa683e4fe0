package dev.citeqa.shell;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.answer.ReaderModel;
import dev.citeqa.answer.ShortAnswerModel;
import dev.citeqa.eval.EvalReport;
import dev.citeqa.eval.EvalService;
import dev.citeqa.eval.ReaderTraining;
import dev.citeqa.eval.ShortAnswerTraining;
import dev.citeqa.eval.ReportFiles;
import dev.citeqa.eval.ReportHtml;
import dev.citeqa.eval.ReportJson;
import dev.citeqa.eval.RetrievalEvaluation;
import dev.citeqa.eval.RetrievalModes;
import dev.citeqa.eval.RetrievalReport;
import dev.citeqa.eval.RunComparison;
import dev.citeqa.eval.SentenceRanking;
import dev.citeqa.eval.SentenceScorers;
import dev.citeqa.eval.WikiQaFile;
import dev.citeqa.eval.SquadFile;
import dev.citeqa.eval.SquadFolder;

/** Evaluation: gold-set runs per provider, comparing their reports, and retrieval on BEIR benchmarks. */
@Component
public class EvalCommands {

    private final EvalService evaluations;
    private final CiteqaProperties settings;
    private final RetrievalModes modes;
    private final ObjectProvider<Launch> launch;

    public EvalCommands(EvalService evaluations, CiteqaProperties settings, RetrievalModes modes,
                        ObjectProvider<Launch> launch) {
        this.evaluations = evaluations;
        this.settings = settings;
        this.modes = modes;
        this.launch = launch;
    }

    @Command(name = "eval", description = "Answer every question of a gold file and score answers, citations and "
            + "retrieval; writes report.json, report.md and report.html")
    public void eval(CommandContext context,
                     @Option(longName = "gold", description = "gold file, one JSON question a line",
                             defaultValue = "eval/gold.jsonl") String gold,
                     @Option(longName = "docs", description = "documents folder the gold file is about") String docs,
                     @Option(longName = "data", description = "index folder for these documents") String data,
                     @Option(longName = "provider", description = "provider to evaluate (default: the configured one)")
                     String provider,
                     @Option(longName = "providers", description = "providers to compare on the same questions, "
                             + "comma-separated") String providers,
                     @Option(longName = "model", description = "model to ask for") String model,
                     @Option(longName = "out", description = "report folder (default: eval/reports/<time>-<provider>)")
                     String out) {
        PrintWriter output = context.outputWriter();
        if (provider != null && providers != null) {
            throw new Problem("Give --provider or --providers, not both.");
        }
        List<String> chosen = providers != null ? split(providers) : provider != null ? List.of(provider) : List.of();
        PrintWriter progressOut = interactive() ? output : Progress.stderr();
        boolean redraw = EvalProgressBar.terminal();
        EvalService.Outcome outcome;
        try (Progress indexing = Progress.lines(progressOut)) {
            outcome = evaluations.run(
                    new EvalService.Request(Path.of(gold), docs, data, chosen, model, out == null ? null : Path.of(out)),
                    indexing.files(), indexing.embedding(), new EvalProgressBar(progressOut, redraw));
        }
        if (outcome.indexed().touched()) {
            output.println(outcome.indexed().line());
        }
        EvalReport first = outcome.reports().getFirst();
        long answerable = first.results().stream().filter(r -> r.answerable()).count();
        output.printf("Gold: %s, %d questions (%d answerable, %d unanswerable)%n%n", first.gold(), first.questions(),
                answerable, first.questions() - answerable);
        RunComparison runs = RunComparison.of(outcome.reports(),
                outcome.reports().stream().map(EvalReport::provider).toList());
        output.print(outcome.reports().size() == 1 ? runs.metricsTable() : runs.text());
        output.println();
        for (EvalReport report : outcome.reports()) {
            report.results().stream().filter(r -> r.error() != null).findFirst().ifPresent(r -> output.println(
                    report.metrics().errors() + " questions could not be answered by " + report.provider()
                            + " and count as misses; the first: " + r.id() + ": " + r.error()));
        }
        outcome.folders().forEach((name, folder) -> output.println("Report (" + name + "): " + folder
                + "/report.json, report.md, report.html"));
        if (outcome.reports().size() > 1) {
            output.println("Comparison: " + outcome.out() + "/comparison.md, comparison.html");
        }
    }

    @Command(name = "eval compare", description = "Print runs side by side (report.json files or their folders) and "
            + "the questions whose outcome changed")
    public void compare(CommandContext context,
                        @Arguments List<String> reports,
                        @Option(longName = "html", description = "also write the comparison as an HTML page here")
                        String html) {
        if (reports == null || reports.size() < 2) {
            throw new Problem("eval compare needs two or more reports, for example: eval compare "
                    + "eval/reports/a/report.json eval/reports/b/report.json");
        }
        List<EvalReport> read = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        for (String given : reports) {
            Path path = Path.of(given);
            Path file = Files.isDirectory(path) ? path.resolve("report.json") : path;
            read.add(ReportJson.read(file));
            Path folder = file.toAbsolutePath().getParent();
            origins.add(folder == null || folder.getFileName() == null ? given : folder.getFileName().toString());
        }
        RunComparison runs = RunComparison.of(read, origins);
        PrintWriter output = context.outputWriter();
        if (read.stream().map(EvalReport::gold).distinct().count() > 1) {
            output.println("Note: these runs used different gold files; only shared question ids are comparable.");
        }
        output.print(runs.text());
        if (html != null) {
            writePage(Path.of(html), runs);
            output.println("Comparison page: " + html);
        }
    }

    @Command(name = "eval retrieval", description = "Score retrieval on a BEIR-format benchmark (nDCG@10, "
            + "Recall@100, MRR@10) for each retrieval mode, and write TREC run files")
    public void retrieval(CommandContext context,
                          @Option(longName = "dataset", description = "BEIR folder: corpus.jsonl, queries.jsonl, "
                                  + "qrels/test.tsv") String dataset,
                          @Option(longName = "corpus", description = "corpus.jsonl") String corpus,
                          @Option(longName = "queries", description = "queries.jsonl") String queries,
                          @Option(longName = "qrels", description = "qrels .tsv (query-id, corpus-id, score)")
                          String qrels,
                          @Option(longName = "modes", description = "retrieval modes, comma-separated (default: all)")
                          String modeList,
                          @Option(longName = "out", description = "folder for run files (default: "
                                  + "eval/reports/<time>-retrieval)") String out) {
        PrintWriter output = context.outputWriter();
        Path base = dataset == null ? null : Path.of(dataset);
        Path corpusFile = file(corpus, base, "corpus.jsonl");
        Path queriesFile = file(queries, base, "queries.jsonl");
        Path qrelsFile = qrels != null ? Path.of(qrels) : base == null ? null
                : Files.exists(base.resolve("qrels/test.tsv")) ? base.resolve("qrels/test.tsv") : base.resolve("qrels.tsv");
        if (corpusFile == null || queriesFile == null || qrelsFile == null) {
            throw new Problem("eval retrieval needs --corpus, --queries and --qrels (or --dataset <BEIR folder>).");
        }
        List<String> chosen = modeList == null ? modes.names() : split(modeList);
        Path folder = out != null ? Path.of(out) : Path.of("eval", "reports",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-retrieval");
        RetrievalEvaluation.Outcome outcome;
        try (Progress indexing = Progress.lines(interactive() ? output : Progress.stderr())) {
            outcome = new RetrievalEvaluation(settings, modes)
                    .run(corpusFile, queriesFile, qrelsFile, chosen, indexing.files(), indexing.embedding());
        }
        output.printf("Indexed %d documents as %d passages into a temporary index; %d judged queries%s.%n%n",
                outcome.documents(), outcome.passages(), outcome.judgedQueries(), outcome.judgedWithoutText() == 0 ? ""
                        : " (" + outcome.judgedWithoutText() + " missing from the queries file, counted as 0)");
        output.print(RetrievalReport.table(outcome));
        for (Path run : RetrievalReport.write(folder, outcome, corpusFile, queriesFile, qrelsFile)) {
            output.println("Run file: " + run);
        }
        output.println("Scores: " + folder.resolve("retrieval.json") + ", retrieval.md");
    }

    @Command(name = "train-reader", description = "Learn the offline reader's weights and decline threshold from SQuAD "
            + "2.0 train articles (split by article) and write the model file with its provenance")
    public void trainReader(CommandContext context,
                            @Option(longName = "squad", description = "SQuAD 2.0 JSON file",
                                    defaultValue = "../shared/datasets/squad2-train-partial/train-v2.0.first10articles.json")
                            String squad,
                            @Option(longName = "out", description = "model file to write",
                                    defaultValue = "src/main/resources/" + ReaderModel.RESOURCE) String out,
                            @Option(longName = "work", description = "folder for the training documents and their "
                                    + "index (kept, so a second run reuses the vectors)",
                                    defaultValue = "target/reader-training") String work,
                            @Option(longName = "short-answer-out", description = "short-answer model file to write",
                                    defaultValue = "src/main/resources/" + ShortAnswerModel.RESOURCE)
                            String shortAnswerOut,
                            @Option(longName = "short-answer-only", description = "learn only the short-answer "
                                    + "chooser (seconds: it reads the answer sentences, no index)")
                            boolean shortAnswerOnly,
                            @Option(longName = "dump", description = "also write every training question's candidate "
                                    + "signals and labels to this JSON-lines file") String dump) {
        PrintWriter output = context.outputWriter();
        if (!shortAnswerOnly) {
            ReaderTraining.Outcome outcome = new ReaderTraining(settings, interactive() ? output : Progress.stderr())
                    .run(new ReaderTraining.Options(Path.of(squad), Path.of(out), Path.of(work),
                            dump == null ? null : Path.of(dump)));
            output.println(AnswerView.write(outcome.figures()));
            output.println("Model: " + outcome.model());
        }
        ShortAnswerTraining.Outcome shortAnswers = new ShortAnswerTraining().run(Path.of(squad),
                Path.of(shortAnswerOut));
        output.println(AnswerView.write(shortAnswers.figures()));
        output.println("Short-answer model: " + shortAnswers.model());
    }

    @Command(name = "eval squad-folder", description = "Write SQuAD articles as a folder of one file per "
            + "paragraph and a gold file with all their questions, for eval --gold <gold> --docs <folder>")
    public void squadFolder(CommandContext context,
                            @Option(longName = "squad", description = "SQuAD 2.0 JSON file")
                            String squad,
                            @Option(longName = "articles", description = "article titles, comma-separated, as in "
                                    + "the file (e.g. New_York_City,Solar_energy)") String articles,
                            @Option(longName = "out", description = "folder to write: <out>/docs/ and "
                                    + "<out>/gold.jsonl") String out) {
        if (squad == null || articles == null || out == null) {
            throw new Problem("eval squad-folder needs --squad <file.json>, --articles <titles> and --out <folder>.");
        }
        Path folder = Path.of(out);
        SquadFolder.Written written = SquadFolder.write(SquadFile.read(Path.of(squad)), split(articles),
                folder.resolve("docs"), folder.resolve("gold.jsonl"));
        context.outputWriter().printf("Wrote %d paragraph files of %d articles to %s and %d questions (%d "
                        + "unanswerable) to %s%n", written.files(), written.articles(), folder.resolve("docs"),
                written.questions(), written.unanswerable(), folder.resolve("gold.jsonl"));
    }

    @Command(name = "eval wikiqa", description = "Score answer-sentence ranking on WikiQA (MAP, MRR, P@1) and "
            + "answer triggering; WikiQA's licence allows measuring, not training")
    public void wikiqa(CommandContext context,
                       @Option(longName = "dataset", description = "folder holding WikiQA-dev.tsv.gz") String dataset,
                       @Option(longName = "file", description = "a WikiQA .tsv or .tsv.gz file (instead of --dataset)")
                       String file,
                       @Option(longName = "scorer", description = "sentence scorer: " + SentenceScorers.NAMES,
                               defaultValue = "overlap") String scorer,
                       @Option(longName = "threshold", description = "the scorer's triggering threshold (default: "
                               + "report only the best F1 over thresholds)") String threshold,
                       @Option(longName = "out", description = "also write each question's AP, RR and best "
                               + "sentence's score to this .tsv file") String out) {
        if ((dataset == null) == (file == null)) {
            throw new Problem("eval wikiqa needs --dataset <folder with WikiQA-dev.tsv.gz> or --file <tsv>, one "
                    + "of them.");
        }
        Path path = file != null ? Path.of(file) : Path.of(dataset).resolve("WikiQA-dev.tsv.gz");
        Double given = null;
        if (threshold != null) {
            try {
                given = Double.valueOf(threshold);
            } catch (NumberFormatException e) {
                throw new Problem("--threshold takes a number, not '" + threshold + "'.");
            }
        }
        List<WikiQaFile.Question> questions = WikiQaFile.read(path);
        SentenceRanking.Result result = SentenceRanking.evaluate(questions, SentenceScorers.named(scorer, questions,
                settings.retrieval().embeddingModel()),
                given);
        PrintWriter output = context.outputWriter();
        output.println("WikiQA: " + path);
        output.print(result.table(scorer));
        if (out != null) {
            ReportFiles.writeText(Path.of(out), result.perQuestionTsv());
            output.println("Per question: " + out);
        }
    }

    private static Path file(String given, Path base, String name) {
        return given != null ? Path.of(given) : base == null ? null : base.resolve(name);
    }

    private static List<String> split(String list) {
        List<String> items = Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) {
            throw new Problem("The list '" + list + "' names nothing: give names separated by commas, e.g. a,b.");
        }
        return items;
    }

    private static void writePage(Path file, RunComparison runs) {
        ReportFiles.writeText(file, ReportHtml.page("citeqa evaluation: " + String.join(" vs ", runs.labels()), runs,
                null));
    }

    /** Progress goes to the terminal in the shell, to stderr when run as one command (stdout stays the report). */
    private boolean interactive() {
        Launch given = launch.getIfAvailable();
        return given == null || given.interactive();
    }
}
