package dev.citeqa.chat;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.Answerer;
import dev.citeqa.answer.Answerers;
import dev.citeqa.answer.Reply;
import dev.citeqa.cite.CitationChecker;
import dev.citeqa.cite.CitedAnswer;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.RetrievalMode;
import dev.citeqa.retrieve.TermWeights;

/** One turn of the conversation: retrieve passages for the question, have them answered, check the citations. */
@Service
public class AskService {

    /** Longer questions are cut to this many characters, with a notice. */
    public static final int MAX_QUESTION_CHARS = 2_000;

    private final CiteqaProperties settings;
    private final Conversation conversation = new Conversation();
    private final Answerers answerers;
    private final QuestionRewriter rewriter;

    /** The offline rule-based rewriter unless another {@link QuestionRewriter} bean (an LLM-backed one) exists. */
    @Autowired
    public AskService(CiteqaProperties settings, Answerers answerers, ObjectProvider<QuestionRewriter> rewriters) {
        this(settings, answerers, rewriters.getIfAvailable(RuleBasedRewriter::new));
    }

    /** With the offline rule-based rewriter, for code that runs without Spring (tools, tests). */
    public AskService(CiteqaProperties settings, Answerers answerers) {
        this(settings, answerers, new RuleBasedRewriter());
    }

    public AskService(CiteqaProperties settings, Answerers answerers, QuestionRewriter rewriter) {
        this.settings = settings;
        this.answerers = answerers;
        this.rewriter = rewriter;
    }

    public Conversation conversation() {
        return conversation;
    }

    public Turn ask(Workspace workspace, String question, Consumer<String> tokens) {
        return ask(workspace, question, null, tokens);
    }

    /** One turn of the shell's conversation; {@code mode} overrides the configured retrieval mode when not null. */
    public Turn ask(Workspace workspace, String question, RetrievalMode mode, Consumer<String> tokens) {
        return ask(workspace, conversation, answerers.active(), mode, question, tokens);
    }

    /**
     * A turn of a conversation other than the shell's, answered by the given answerer: an evaluation run keeps one
     * conversation per gold question and may compare several providers.
     */
    public Turn ask(Workspace workspace, Conversation conversation, Answerer answerer, String question,
                    Consumer<String> tokens) {
        return ask(workspace, conversation, answerer, null, question, tokens);
    }

    /** A turn of the given conversation, with the given answerer and retrieval mode (null: the configured one). */
    public Turn ask(Workspace workspace, Conversation conversation, Answerer answerer, RetrievalMode mode,
                    String question, Consumer<String> tokens) {
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
        String searched = rewriter.standalone(cleaned, conversation.turns());
        RetrievalMode chosen = mode != null ? mode : RetrievalMode.parse(settings.retrieval().mode());
        List<RankedPassage> retrieved = workspace.retrieval().retrieve(searched, chosen, settings.retrieval().topK());
        TermWeights weights = workspace.retrieval().weights(searched);
        Reply reply = answerer.answer(new AnswerRequest(searched, retrieved, weights), tokens);
        CitedAnswer answer = CitationChecker.check(cleaned, reply, retrieved);
        Turn turn = new Turn(cleaned, searched, answer, retrieved, (System.nanoTime() - begin) / 1_000_000, notice);
        conversation.add(turn);
        return turn;
    }
}
