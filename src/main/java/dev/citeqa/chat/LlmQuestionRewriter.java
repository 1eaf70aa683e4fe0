package dev.citeqa.chat;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.citeqa.answer.Answerer;
import dev.citeqa.answer.Answerers;
import dev.citeqa.answer.LlmAnswerer;
import dev.citeqa.answer.Prompts;
import dev.citeqa.answer.StopSignal;
import dev.citeqa.config.Problem;

/**
 * Makes a follow-up standalone with the model that will answer it (the active one in the shell, the provider under
 * test in an evaluation) and the rewrite prompt (prompts/rewrite.txt). With the offline answerer, or when the model
 * fails or returns something unusable, the fallback rewriter decides, so a
 * provider outage never costs the turn.
 */
public final class LlmQuestionRewriter implements QuestionRewriter {

    private static final Log LOG = LogFactory.getLog(LlmQuestionRewriter.class);
    /** Earlier turns given to the model: enough for "he" and "that one", short enough to stay cheap. */
    static final int TURNS = 3;
    private static final int ANSWER_CHARS = 400;

    private final Answerers answerers;
    private final QuestionRewriter fallback;

    public LlmQuestionRewriter(Answerers answerers, QuestionRewriter fallback) {
        this.answerers = answerers;
        this.fallback = fallback;
    }

    @Override
    public String standalone(String question, List<Turn> history) {
        return standalone(question, history, answerers.active());
    }

    @Override
    public String standalone(String question, List<Turn> history, Answerer answerer) {
        if (history.isEmpty() || !(answerer instanceof LlmAnswerer model)) {
            return fallback.standalone(question, history);
        }
        if (!RuleBasedRewriter.needsContext(question)) {
            return question.strip(); // self-contained: a model asked to rewrite it would still mix the last topic in
        }
        Prompts prompts = answerers.prompts();
        String user = prompts.render(Prompts.REWRITE, Map.of("history", history(history), "question", question));
        try {
            String rewritten = clean(model.complete(null, user, StopSignal.never()));
            if (rewritten.isEmpty() || rewritten.length() > Math.max(400, question.length() * 4)) {
                return fallback.standalone(question, history);
            }
            return rewritten;
        } catch (Problem e) {
            LOG.warn("follow-up rewriting fell back to the other rewriter: " + e.getMessage());
            return fallback.standalone(question, history);
        }
    }

    static String history(List<Turn> history) {
        StringBuilder out = new StringBuilder();
        for (Turn turn : history.subList(Math.max(0, history.size() - TURNS), history.size())) {
            String answer = turn.answer().text().replaceAll("\\s*\\[\\d+]", "").replaceAll("\\s+", " ").strip();
            out.append("User: ").append(turn.question().replaceAll("\\s+", " ").strip()).append('\n')
                    .append("Assistant: ").append(answer.length() <= ANSWER_CHARS ? answer
                            : answer.substring(0, ANSWER_CHARS) + "…").append('\n');
        }
        return out.toString().strip();
    }

    /** The first line without quotes or a "Question:" label, which models add despite being asked not to. */
    static String clean(String reply) {
        String line = reply == null ? "" : reply.strip().lines().findFirst().orElse("").strip();
        line = line.replaceFirst("(?i)^(rewritten question|standalone question|question)\\s*:\\s*", "");
        if (line.length() >= 2 && (line.startsWith("\"") && line.endsWith("\"")
                || line.startsWith("“") && line.endsWith("”"))) {
            line = line.substring(1, line.length() - 1).strip();
        }
        return line;
    }
}
