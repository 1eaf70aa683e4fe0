package dev.citeqa.shell;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows the Markdown an LLM writes as a terminal shows text, while it streams: headings and **bold** in bold,
 * `code` in cyan, list items with a bullet, fenced code blocks indented without their fences, quotes with a bar.
 * Text goes out as soon as it cannot change meaning, so the answer still appears as it is written; only the start
 * of a line (until it is known to be a heading, an item or a fence) and a lone '*' wait for the next characters.
 * Citation markers such as [1] pass through untouched.
 */
final class MarkdownStream {

    static final String BOLD = "\u001B[1m";
    static final String CODE = "\u001B[36m";
    static final String PLAIN = "\u001B[0m";

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+");
    private static final Pattern BULLET = Pattern.compile("^(\\s*)[-*+]\\s+");
    private static final Pattern NUMBERED = Pattern.compile("^(\\s*)(\\d{1,3})[.)]\\s+");
    private static final Pattern QUOTE = Pattern.compile("^>\\s?");
    /** A line start that may still become one of the shapes above. */
    private static final Pattern UNDECIDED = Pattern.compile("^(\\s*|#{1,6}|\\s*[-*+]|\\s*\\d{1,3}[.)]?|`{1,2}|>)$");

    private final Consumer<String> out;
    private final StringBuilder lineStart = new StringBuilder();
    private boolean atLineStart = true;
    private boolean inFence;
    private boolean fenceLine;
    private boolean heading;
    private boolean bold;
    private boolean code;
    private boolean pendingStar;

    MarkdownStream(Consumer<String> out) {
        this.out = out;
    }

    void accept(String text) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (atLineStart) {
                if (c == '\n') {
                    shown.append(lineStart).append('\n');
                    lineStart.setLength(0);
                    continue;
                }
                lineStart.append(c);
                if (UNDECIDED.matcher(lineStart).matches()) {
                    continue;
                }
                atLineStart = false;
                String start = lineStart.toString();
                lineStart.setLength(0);
                lineOpening(start, shown);
                continue;
            }
            character(c, shown);
        }
        if (!shown.isEmpty()) {
            out.accept(shown.toString());
        }
    }

    /** Ends the answer: whatever waits is shown, and no style stays switched on. */
    void finish() {
        StringBuilder shown = new StringBuilder(lineStart);
        lineStart.setLength(0);
        if (pendingStar) {
            shown.append('*');
            pendingStar = false;
        }
        if (bold || code || heading) {
            shown.append(PLAIN);
        }
        bold = code = heading = false;
        if (!shown.isEmpty()) {
            out.accept(shown.toString());
        }
    }

    private void lineOpening(String start, StringBuilder shown) {
        if (start.startsWith("```")) {
            inFence = !inFence;
            fenceLine = true; // the fence line itself, with its language name, is not shown
            return;
        }
        if (inFence) {
            shown.append("    ");
            rest(start, shown);
            return;
        }
        Matcher m;
        if ((m = HEADING.matcher(start)).find()) {
            heading = true;
            shown.append(BOLD);
            rest(start.substring(m.end()), shown);
        } else if ((m = BULLET.matcher(start)).find()) {
            shown.append(m.group(1)).append("  • ");
            rest(start.substring(m.end()), shown);
        } else if ((m = NUMBERED.matcher(start)).find()) {
            shown.append(m.group(1)).append("  ").append(m.group(2)).append(". ");
            rest(start.substring(m.end()), shown);
        } else if ((m = QUOTE.matcher(start)).find()) {
            shown.append("  │ ");
            rest(start.substring(m.end()), shown);
        } else {
            rest(start, shown);
        }
    }

    private void rest(String text, StringBuilder shown) {
        for (int i = 0; i < text.length(); i++) {
            character(text.charAt(i), shown);
        }
    }

    private void character(char c, StringBuilder shown) {
        if (c == '\n') {
            if (pendingStar) {
                shown.append('*');
                pendingStar = false;
            }
            if (heading || bold || code) {
                shown.append(PLAIN); // a style never runs past its line
            }
            heading = bold = code = false;
            if (!fenceLine) {
                shown.append('\n');
            }
            fenceLine = false;
            atLineStart = true;
            return;
        }
        if (fenceLine) {
            return;
        }
        if (inFence) {
            shown.append(c);
            return;
        }
        if (pendingStar) {
            pendingStar = false;
            if (c == '*') {
                bold = !bold;
                shown.append(bold ? BOLD : PLAIN);
                if (!bold && (heading || code)) {
                    shown.append(heading ? BOLD : CODE);
                }
                return;
            }
            shown.append('*');
        }
        if (c == '*') {
            pendingStar = true;
        } else if (c == '`') {
            code = !code;
            shown.append(code ? CODE : PLAIN);
            if (!code && (heading || bold)) {
                shown.append(BOLD);
            }
        } else {
            shown.append(c);
        }
    }
}
