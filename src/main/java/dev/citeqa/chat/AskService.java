package dev.citeqa.chat;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.Answerer;
import dev.citeqa.answer.Answerers;
import dev.citeqa.answer.ContextBudget;
import dev.citeqa.answer.Reply;
import dev.citeqa.answer.StopSignal;
import dev.citeqa.cite.CitationChecker;
import dev.citeqa.cite.CitedAnswer;
import dev.citeqa.cite.LiveCitations;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.TermWeights;

/** One turn of the conversation: retrieve passages for the question, have them answered, check the citations. */
@Service
public class AskService {

    /** Longer questions are cut to this many characters, with a notice. */
    public static final int MAX_QUESTION_CHARS = 2_000;

    private final CiteqaProperties settings;
    private final Conversation conversation = new Conversation();
    private final Answerers answerers;

    public AskService(CiteqaProperties settings, Answerers answerers) {
        this.settings = settings;
        this.answerers = answerers;
    }

    public Conversation conversation() {
        return conversation;
    }

    public Turn ask(Workspace workspace, String question, Consumer<String> tokens) {
        return ask(workspace, conversation, answerers.active(), question, tokens, StopSignal.never());
    }

    /** A turn of another conversation than the shell's, with the given answerer, run to its end. */
    public Turn ask(Workspace workspace, Conversation conversation, Answerer answerer, String question,
                    Consumer<String> tokens) {
        return ask(workspace, conversation, answerer, question, tokens, StopSignal.never());
    }

    /** A turn of the shell's conversation that Ctrl-C can stop. */
    public Turn ask(Workspace workspace, String question, Consumer<String> tokens, StopSignal stop) {
        return ask(workspace, conversation, answerers.active(), question, tokens, stop);
    }

    /**
     * Asks one question within {@code conversation}, answered by {@code answerer} (an evaluation run keeps one
     * conversation per gold question and may compare several providers). Tokens reach {@code tokens} as they
     * arrive, with citations already numbered as in the checked answer. Raising {@code stop} ends the answer with
     * {@code AnswerStopped}; a stopped or failed answer adds no turn, so the conversation goes on as it was.
     */
    public Turn ask(Workspace workspace, Conversation conversation, Answerer answerer, String question,
                    Consumer<String> tokens, StopSignal stop) {
        String cleaned = question == null ? "" : question.replaceAll("[\\p{Cc}&&[^\\n\\t]]", " ").strip();
        if (cleaned.isEmpty()) {
            throw new Problem("The question is empty: type a question, for example: ask where was the agreement signed?");
        }
        String notice = null;
        if (cleaned.length() > MAX_QUESTION_CHARS) {
            notice = "The question was " + cleaned.length() + " characters long; only its first " + MAX_QUESTION_CHARS
                    + " were used.";
            cleaned = cleaned.substring(0, MAX_QUESTION_CHARS);
        }
        long begin = System.nanoTime();
        String searched = cleaned;
        List<RankedPassage> retrieved = workspace.bm25().retrieve(searched, settings.retrieval().topK());
        TermWeights weights = workspace.bm25().weights(searched);
        // the model sees only what fits the budget; citations are checked against exactly those passages
        List<RankedPassage> context = ContextBudget.trim(retrieved, settings.answer().contextChars());
        LiveCitations live = new LiveCitations(context.size(), tokens);
        Reply reply = answerer.answer(new AnswerRequest(searched, context, weights), live, stop);
        live.finish();
        CitedAnswer answer = CitationChecker.check(cleaned, reply, context);
        if (reply.notice() != null) {
            notice = notice == null ? reply.notice() : notice + " " + reply.notice();
        }
        Turn turn = new Turn(cleaned, searched, answer, retrieved, (System.nanoTime() - begin) / 1_000_000, notice);
        conversation.add(turn);
        return turn;
    }
}
