package dev.citeqa.cite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renumbers citations in streamed text as it passes, the way {@link CitationChecker} will number them once the
 * reply is complete: known passages by order of first use, unknown numbers dropped. What streamed to the screen then
 * matches the source list printed after it. A marker split across tokens is held back until its closing bracket.
 */
public final class LiveCitations implements Consumer<String> {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,4}(?:\\s*[,;]\\s*\\d{1,4})*)\\]");
    private static final int LONGEST_MARKER = 40;

    private final java.util.function.IntSupplier passages;
    private final Consumer<String> out;
    private final Map<Integer, Integer> renumbered = new LinkedHashMap<>();
    private final StringBuilder pending = new StringBuilder();
    /** White space held back until it is known whether a marker or punctuation follows. */
    private final StringBuilder space = new StringBuilder();
    private boolean started;

    /** @param passages how many passages were sent: [1]..[passages] are known */
    public LiveCitations(int passages, Consumer<String> out) {
        this(() -> passages, out);
    }

    /** @param passages how many passages the answer may cite so far (an answerer may add some as it goes) */
    public LiveCitations(java.util.function.IntSupplier passages, Consumer<String> out) {
        this.passages = passages;
        this.out = out;
    }

    @Override
    public void accept(String token) {
        if (token == null || token.isEmpty()) {
            return;
        }
        StringBuilder emit = new StringBuilder();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (pending.isEmpty()) {
                if (c == '[') {
                    pending.append(c);
                } else if (Character.isWhitespace(c)) {
                    space.append(c);
                } else {
                    // the checker drops space before punctuation, which matters where a dropped marker stood
                    if (".,;:!?".indexOf(c) < 0) {
                        emit.append(space);
                    }
                    space.setLength(0);
                    emit.append(c);
                    started = true;
                }
                continue;
            }
            if (c == ']') {
                pending.append(c);
                marker(pending.toString(), emit);
                pending.setLength(0);
            } else if (c == '[') {
                raw(emit);
                pending.append(c);
            } else if ((Character.isDigit(c) || c == ',' || c == ';' || c == ' ') && pending.length() < LONGEST_MARKER) {
                pending.append(c);
            } else {
                pending.append(c);
                raw(emit);
            }
        }
        if (!emit.isEmpty()) {
            out.accept(emit.toString());
        }
    }

    /** Passes on text held back at the end of the stream. */
    public void finish() {
        if (!pending.isEmpty()) {
            StringBuilder emit = new StringBuilder();
            raw(emit);
            out.accept(emit.toString());
        }
        space.setLength(0);
    }

    private void raw(StringBuilder emit) {
        emit.append(space).append(pending);
        space.setLength(0);
        pending.setLength(0);
        started = true;
    }

    /** A complete bracket: a citation is renumbered and set off by one space, as the checker writes it. */
    private void marker(String bracket, StringBuilder emit) {
        String resolved = resolve(bracket);
        if (resolved == null) {
            pending.setLength(0);
            pending.append(bracket);
            raw(emit);
        } else if (!resolved.isEmpty()) {
            emit.append(started ? " " : "").append(resolved);
            space.setLength(0);
            started = true;
        }
        // a marker citing only unknown passages vanishes, and the space before it waits for what follows
    }

    /** The renumbered citations of a bracket, "" when all point at unknown passages, null if it is no citation. */
    private String resolve(String marker) {
        Matcher m = MARKER.matcher(marker);
        if (!m.matches()) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String number : m.group(1).split("\\s*[,;]\\s*")) {
            String digits = number.strip();
            int n = digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
            if (n < 1 || n > passages.getAsInt()) {
                continue;
            }
            String shown = "[" + renumbered.computeIfAbsent(n, k -> renumbered.size() + 1) + "]";
            if (!kept.contains(shown)) {
                kept.add(shown);
            }
        }
        return String.join(" ", kept);
    }
}
