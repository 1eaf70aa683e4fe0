package dev.citeqa.ingest;

import java.util.Arrays;

/**
 * Maps offsets of the extracted text to places in the original file. Anchors say "from this offset on, the text
 * comes from this line (or page)"; an offset takes the place of the last anchor at or before it.
 */
public final class PlaceMap {

    private final Place.Unit unit;
    private final int[] offsets;
    private final int[] places;

    private PlaceMap(Place.Unit unit, int[] offsets, int[] places) {
        this.unit = unit;
        this.offsets = offsets;
        this.places = places;
    }

    /** The lines of a text that is its own extracted text (plain text): an anchor at each line start. */
    public static PlaceMap lines(String text) {
        Builder builder = new Builder(Place.Unit.LINE);
        builder.anchor(0, 1);
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                builder.anchor(i + 1, ++line);
            }
        }
        return builder.build();
    }

    /** The place of the text between two offsets ({@code end} exclusive). */
    public Place place(int start, int end) {
        int first = at(start);
        int last = Math.max(first, at(Math.max(start, end - 1)));
        return new Place(unit, first, last);
    }

    private int at(int offset) {
        int i = Arrays.binarySearch(offsets, offset);
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 ? (places.length == 0 ? 1 : places[0]) : places[i];
    }

    /** Collects anchors in the order the text is written. */
    static final class Builder {
        private final Place.Unit unit;
        private int[] offsets = new int[64];
        private int[] places = new int[64];
        private int size;

        Builder(Place.Unit unit) {
            this.unit = unit;
        }

        /** From {@code offset} on, the text comes from {@code place}; a later anchor at the same offset wins. */
        Builder anchor(int offset, int place) {
            int value = Math.max(1, place);
            if (size > 0 && offsets[size - 1] >= offset) {
                places[size - 1] = value; // anchors come in text order: one at the same offset replaces the last
                return this;
            }
            if (size > 0 && places[size - 1] == value) {
                return this;
            }
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
                places = Arrays.copyOf(places, size * 2);
            }
            offsets[size] = offset;
            places[size] = value;
            size++;
            return this;
        }

        PlaceMap build() {
            return new PlaceMap(unit, Arrays.copyOf(offsets, size), Arrays.copyOf(places, size));
        }
    }
}
