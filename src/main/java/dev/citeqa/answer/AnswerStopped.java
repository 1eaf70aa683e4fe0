package dev.citeqa.answer;

import dev.citeqa.config.Problem;

/** The user stopped the answer; nothing of it is kept and the conversation goes on as before. */
public final class AnswerStopped extends Problem {

    public AnswerStopped() {
        super("Stopped; this answer was not kept. Ask again, or ask something else.");
    }
}
