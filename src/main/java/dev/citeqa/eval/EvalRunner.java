package dev.citeqa.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.citeqa.answer.Answerer;
import dev.citeqa.chat.AskService;
import dev.citeqa.chat.Conversation;
import dev.citeqa.chat.Turn;
import dev.citeqa.chat.Workspace;

/**
 * Asks every gold question the way a person would in the shell, each in a conversation of its own (its
 * {@code history} asked first, in order), and scores the answers.
 */
public final class EvalRunner {

    /** After each question: how many are done and the scores so far. */
    public record Progress(int done, int total, String id, double answerAccuracy, double abstentionAccuracy) {
    }

    private final AskService asking;

    public EvalRunner(AskService asking) {
        this.asking = asking;
    }

    /**
     * Runs the gold set with one answerer over an indexed workspace.
     *
     * @param model the model asked for, or null to report the one the answers name
     */
    public EvalReport run(GoldSet gold, String goldLabel, Workspace workspace, Answerer answerer, String model,
                          Consumer<Progress> progress) {
        List<QuestionResult> results = new ArrayList<>();
        String answeredBy = null;
        for (GoldQuestion question : gold.questions()) {
            Conversation conversation = new Conversation();
            long begin = System.nanoTime();
            try {
                int historyInput = 0;
                int historyOutput = 0;
                for (String earlier : question.history()) {
                    Turn turn = asking.ask(workspace, conversation, answerer, earlier, token -> {
                    });
                    historyInput += turn.answer().reply().inputTokens();
                    historyOutput += turn.answer().reply().outputTokens();
                }
                begin = System.nanoTime();
                Turn turn = asking.ask(workspace, conversation, answerer, question.question(), token -> {
                });
                results.add(QuestionResult.score(question, turn, (System.nanoTime() - begin) / 1_000_000)
                        .plusTokens(historyInput, historyOutput));
                if (answeredBy == null) {
                    answeredBy = turn.answer().reply().model();
                }
            } catch (RuntimeException e) {
                // one failed call to a remote provider should not throw away a long run: it is scored and shown
                results.add(QuestionResult.failed(question, e.getClass().getSimpleName() + ": " + e.getMessage(),
                        (System.nanoTime() - begin) / 1_000_000));
            }
            EvalMetrics sofar = EvalMetrics.of(results);
            progress.accept(new Progress(results.size(), gold.questions().size(), question.id(),
                    sofar.answerAccuracy(), sofar.abstentionAccuracy()));
        }
        String reportedModel = model != null && !model.isBlank() ? model
                : answeredBy != null && !answeredBy.isBlank() ? answeredBy : answerer.name();
        return EvalReport.of(goldLabel, answerer.name(), reportedModel, results);
    }
}
