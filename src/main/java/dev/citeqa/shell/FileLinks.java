package dev.citeqa.shell;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import org.jline.terminal.Terminal;

import dev.citeqa.ingest.Passage;

/**
 * Cited file names as OSC 8 hyperlinks ({@code file://} with the passage's line as {@code #L<n>}), which modern
 * terminals open with a click and others show as plain text; output that is piped or read by a script gets the
 * plain name only.
 *
 * @param docs the documents folder the names are relative to
 * @param line the line a passage starts on in its file, when known
 * @param on   whether to write links at all
 */
record FileLinks(Path docs, Function<Passage, Optional<Integer>> line, boolean on) {

    static final FileLinks PLAIN = new FileLinks(null, p -> Optional.empty(), false);

    private static final String OSC = "\u001B]8;;";
    private static final String END = "\u001B\\";

    /**
     * Links only for a person at a terminal: JLine's terminal is "dumb" when input or output is piped or TERM says
     * the terminal knows no escape sequences.
     */
    static boolean supported(Terminal terminal) {
        return terminal != null && !terminal.getType().startsWith("dumb") && System.getenv("NO_COLOR") == null;
    }

    /** The file's name, as a link when links are on. */
    String name(Passage passage) {
        String name = TerminalText.safe(passage.file());
        if (!on || docs == null) {
            return name;
        }
        String uri = docs.resolve(passage.file()).toAbsolutePath().normalize().toUri().toString()
                + line.apply(passage).map(l -> "#L" + l).orElse("");
        return OSC + uri + END + name + OSC + END;
    }
}
