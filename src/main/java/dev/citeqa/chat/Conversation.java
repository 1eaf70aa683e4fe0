package dev.citeqa.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The turns of one conversation, oldest first. */
public final class Conversation {

    private final List<Turn> turns = new ArrayList<>();

    public synchronized void add(Turn turn) {
        turns.add(turn);
    }

    public synchronized List<Turn> turns() {
        return List.copyOf(turns);
    }

    public synchronized Optional<Turn> last() {
        return turns.isEmpty() ? Optional.empty() : Optional.of(turns.getLast());
    }

    public synchronized void reset() {
        turns.clear();
    }
}
