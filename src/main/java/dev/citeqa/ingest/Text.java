package dev.citeqa.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small text measures shared by the cleaning and splitting steps. */
final class Text {

    private Text() {
    }

    static int wordCount(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
    }

    /** Lower case, letters and digits only, single spaces: two lines with this key are the same line. */
    static String key(String text) {
        StringBuilder key = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && !key.isEmpty()) {
                    key.append(' ');
                }
                key.append(Character.toLowerCase(c));
                space = false;
            } else {
                space = true;
            }
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    /** The text on one line, whitespace runs made single spaces. */
    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    static boolean endsLikeSentence(String text) {
        String t = text.strip();
        while (!t.isEmpty() && "\"'”’)]»".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return !t.isEmpty() && ".!?:;…".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /**
     * Splits text into paragraphs: blank lines always separate; a single line break separates too, unless the
     * line looks hard-wrapped (long, no closing punctuation, and the next line goes on in lower case).
     */
    static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        int n = text.length();
        int blockStart = -1;
        int blockEnd = -1;
        int pos = 0;
        while (pos <= n) {
            int lineEnd = pos;
            while (lineEnd < n && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            int s = pos;
            int e = lineEnd;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            if (s == e) {
                if (blockStart >= 0) {
                    blocks.add(new Block(blockStart, blockEnd, text.substring(blockStart, blockEnd)));
                    blockStart = -1;
                }
            } else if (blockStart >= 0 && continues(text, blockStart, blockEnd, s, e)) {
                blockEnd = e;
            } else {
                if (blockStart >= 0) {
                    blocks.add(new Block(blockStart, blockEnd, text.substring(blockStart, blockEnd)));
                }
                blockStart = s;
                blockEnd = e;
            }
            if (lineEnd < n && text.charAt(lineEnd) == '\r' && lineEnd + 1 < n && text.charAt(lineEnd + 1) == '\n') {
                lineEnd++;
            }
            pos = lineEnd + 1;
        }
        if (blockStart >= 0) {
            blocks.add(new Block(blockStart, blockEnd, text.substring(blockStart, blockEnd)));
        }
        return blocks;
    }

    private static boolean continues(String text, int blockStart, int blockEnd, int nextStart, int nextEnd) {
        int lastLineStart = blockEnd;
        while (lastLineStart > blockStart && text.charAt(lastLineStart - 1) != '\n' && text.charAt(lastLineStart - 1) != '\r') {
            lastLineStart--;
        }
        String last = text.substring(lastLineStart, blockEnd);
        char first = text.charAt(nextStart);
        if (last.endsWith("-") && Character.isLetter(first)) {
            return true;
        }
        return last.length() >= 40 && !endsLikeSentence(last)
                && (Character.isLowerCase(first) || Character.isDigit(first));
    }
}
