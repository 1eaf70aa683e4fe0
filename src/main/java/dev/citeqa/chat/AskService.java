package dev.citeqa.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.Answerer;
import dev.citeqa.answer.Answerers;
import dev.citeqa.answer.ContextBudget;
import dev.citeqa.answer.MoreContext;
import dev.citeqa.answer.Reply;
import dev.citeqa.answer.AnswerStopped;
import dev.citeqa.answer.StopSignal;
import dev.citeqa.cite.CitationChecker;
import dev.citeqa.cite.CitedAnswer;
import dev.citeqa.cite.LiveCitations;
import dev.citeqa.config.CiteqaProperties;
import dev.citeqa.config.Problem;
import dev.citeqa.ingest.Passage;
import dev.citeqa.retrieve.RankedPassage;
import dev.citeqa.retrieve.RetrievalMode;
import dev.citeqa.retrieve.TermWeights;

/** One turn of the conversation: retrieve passages for the question, have them answered, check the citations. */
@Service
public class AskService {

    /** Longer questions are cut to this many characters, with a notice. */
    public static final int MAX_QUESTION_CHARS = 2_000;
    private static final Consumer<String> NOTHING = text -> {
    };

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
        return ask(workspace, conversation, answerers.active(), null, question, NOTHING, tokens, StopSignal.never());
    }

    /**
     * A turn of the shell's conversation that Ctrl-C can stop; {@code mode} overrides the configured retrieval mode
     * when not null.
     */
    public Turn ask(Workspace workspace, String question, RetrievalMode mode, Consumer<String> searched,
                    Consumer<String> tokens, StopSignal stop) {
        return ask(workspace, conversation, answerers.active(), mode, question, searched, tokens, stop);
    }

    /** A turn of another conversation than the shell's, with the given answerer, run to its end. */
    public Turn ask(Workspace workspace, Conversation conversation, Answerer answerer, String question,
                    Consumer<String> tokens) {
        return ask(workspace, conversation, answerer, null, question, NOTHING, tokens, StopSignal.never());
    }

    /**
     * The question with each of its sentences once: a question pasted over and over (and cut off by the length limit
     * inside a last copy) is read as the question it repeats, not as forty copies of its words.
     */
    static String withoutRepeats(String question) {
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String sentence : question.split("(?<=[?.!])\\s+")) {
            String key = sentence.strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty() || seen.contains(key) || seen.stream().anyMatch(k -> k.startsWith(key))) {
                continue;
            }
            seen.add(key);
            kept.add(sentence.strip());
        }
        return kept.isEmpty() ? question : String.join(" ", kept);
    }

    /**
     * Asks one question within {@code conversation}, answered by {@code answerer} (an evaluation run keeps one
     * conversation per gold question and may compare several providers), retrieving with {@code mode} (null: the
     * configured one). A follow-up is first made standalone from the conversation's turns, and handed to
     * {@code searched} before the answer starts when it differs from the question. Tokens reach
     * {@code tokens} as they arrive, with citations already numbered as in the checked answer. Raising {@code stop}
     * ends the answer with {@code AnswerStopped}; a stopped or failed answer adds no turn, so the conversation goes
     * on as it was.
     */
    public Turn ask(Workspace workspace, Conversation conversation, Answerer answerer, RetrievalMode mode,
                    String question, Consumer<String> searched, Consumer<String> tokens, StopSignal stop) {
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
        cleaned = withoutRepeats(cleaned);
        long begin = System.nanoTime();
        String standalone = rewriter.standalone(cleaned, conversation.turns(), answerer);
        if (!standalone.equals(cleaned)) {
            searched.accept(standalone);
        }
        RetrievalMode chosen = mode != null ? mode : RetrievalMode.parse(settings.retrieval().mode());
        String bm25Only = bm25Only(workspace, chosen);
        if (bm25Only != null) {
            notice = notice == null ? bm25Only : notice + " " + bm25Only;
        }
        List<RankedPassage> retrieved = workspace.retrieval().retrieve(standalone, chosen, settings.retrieval().topK());
        stopIfAsked(stop); // the first question may have waited here for the embedding model
        TermWeights weights = workspace.retrieval().weights(standalone);
        // the model sees only what fits the budget; citations are checked against exactly those passages
        List<RankedPassage> context = new ArrayList<>(ContextBudget.trim(retrieved, settings.answer().contextChars()));
        LiveCitations live = new LiveCitations(context::size, tokens);
        MoreContext more = new MoreContext() {
            @Override
            public List<RankedPassage> search(String query) {
                return workspace.retrieval().retrieve(query, chosen, settings.retrieval().topK());
            }

            @Override
            public List<RankedPassage> containing(String word, int k) {
                return workspace.retrieval().retrieve(word, RetrievalMode.BM25, k);
            }

            @Override
            public int add(RankedPassage hit) {
                context.add(hit.withRank(context.size() + 1));
                return context.size();
            }
        };
        // read by the answerer and again by the citation check: each file's passages are looked up once a question
        Map<String, String> leads = new HashMap<>();
        java.util.function.Function<Passage, String> before = passage -> leads.computeIfAbsent(passage.id(),
                id -> before(workspace, passage));
        Reply reply = answerer.answer(new AnswerRequest(standalone, List.copyOf(context), weights, before, more), live,
                stop);
        stopIfAsked(stop); // an offline answer does not watch the signal itself: it is kept only if not stopped
        live.finish();
        CitedAnswer answer = CitationChecker.check(cleaned, reply, context, before);
        if (reply.notice() != null) {
            notice = notice == null ? reply.notice() : notice + " " + reply.notice();
        }
        Turn turn = new Turn(cleaned, standalone, answer, retrieved, (System.nanoTime() - begin) / 1_000_000, notice);
        conversation.add(turn);
        return turn;
    }

    /** One line when the question used BM25 alone because passages still wait for their vectors, else null. */
    static String bm25Only(Workspace workspace, RetrievalMode chosen) {
        if (chosen == RetrievalMode.BM25 || workspace.retrieval().effective(chosen) != RetrievalMode.BM25) {
            return null;
        }
        int waiting = workspace.vectorsWaiting();
        if (waiting == 0) {
            return null;
        }
        dev.citeqa.index.EmbeddingProgress running = workspace.backgroundEmbedding();
        String rest = running == null ? "index embeds them."
                : "they are being embedded in the background" + (running.secondsLeft() < 0 ? ""
                : " (" + running.line().replaceFirst("^Embedding: ", "") + ")") + "; status shows how far along.";
        return "Searched by BM25 alone: " + waiting + " of " + workspace.passageCount()
                + " passages have no vector yet; " + rest;
    }

    private static void stopIfAsked(StopSignal stop) {
        if (stop.stopped()) {
            throw new AnswerStopped();
        }
    }

    /** The text of the passage before this one in its file, or "" for a file's first passage. */
    private static String before(Workspace workspace, Passage passage) {
        return workspace.store().passages(passage.file()).stream().filter(p -> p.ordinal() == passage.ordinal() - 1)
                .map(Passage::text).findFirst().orElse("");
    }
}
