package dev.citeqa.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a converted file (HTML, Markdown, PDF), written block by block, with the place in the original file
 * that each character comes from. Blocks are separated by a blank line; offsets count this text.
 */
final class ExtractedText {

    private final StringBuilder text = new StringBuilder();
    private final List<Block> blocks = new ArrayList<>();
    private final PlaceMap.Builder places;
    private Block.Kind kind = Block.Kind.PARAGRAPH;
    private boolean open;
    private int blockStart = -1;
    private boolean pendingSpace;

    ExtractedText(Place.Unit unit) {
        places = new PlaceMap.Builder(unit);
    }

    /** Ends the current block and opens one of this kind; it is kept only if something but spaces is written. */
    void begin(Block.Kind kind) {
        end();
        this.kind = kind;
        open = true;
    }

    Block.Kind kind() {
        return kind;
    }

    /** Writes running text, in which any run of whitespace counts as one space ({@code place} is where it starts). */
    void words(String raw, int place) {
        int at = place;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n') {
                at++;
            }
            if (Character.isWhitespace(c) || c == '\u00A0') {
                pendingSpace = blockStart >= 0;
                continue;
            }
            if (blockStart < 0) {
                startContent();
            } else if (pendingSpace) {
                text.append(' ');
            }
            pendingSpace = false;
            places.anchor(text.length(), at);
            text.append(c);
        }
    }

    /** Writes text as it is, line breaks and indentation kept (code), counting lines from {@code place}. */
    void verbatim(String raw, int place) {
        int at = place;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (blockStart < 0) {
                if (Character.isWhitespace(c) && c != ' ' && c != '\t') {
                    at += c == '\n' ? 1 : 0;
                    continue; // leading line breaks are not part of the block
                }
                startContent();
            } else if (pendingSpace) {
                text.append(' ');
                pendingSpace = false;
            }
            places.anchor(text.length(), at);
            text.append(c);
            if (c == '\n') {
                at++;
            }
        }
    }

    /** Takes back the last {@code count} characters of the open block (a hyphen the layout added). */
    void unwrite(int count) {
        if (blockStart >= 0) {
            text.setLength(Math.max(blockStart, text.length() - count));
            pendingSpace = false;
        }
    }

    /** Ends the current block, if any: trailing whitespace is not part of it. */
    void end() {
        if (open && blockStart >= 0) {
            int end = text.length();
            while (end > blockStart && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            text.setLength(end);
            blocks.add(new Block(blockStart, end, text.substring(blockStart, end), kind));
        }
        open = false;
        blockStart = -1;
        pendingSpace = false;
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    String text() {
        return text.toString();
    }

    List<Block> blocks() {
        return blocks;
    }

    PlaceMap places() {
        return places.build();
    }

    private void startContent() {
        if (!open) {
            open = true;
            kind = Block.Kind.PARAGRAPH;
        }
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        blockStart = text.length();
    }
}
