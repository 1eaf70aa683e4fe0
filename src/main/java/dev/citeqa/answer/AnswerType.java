package dev.citeqa.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of thing a question asks for, read from its question word and the noun that follows it ("which city",
 * "how many"). English question grammar, not the words of any document.
 */
public enum AnswerType {
    PERSON, PLACE, ORGANISATION, DATE, NUMBER, NAME, CODE, ACRONYM, YES_NO, OTHER;

    /** "What does DER stand for?": group 1 or 2 is the abbreviation. */
    public static final Pattern ACRONYM_QUESTION = Pattern.compile(
            "\\bwhat (?:does|did|do) (?:the )?(?:abbreviation |acronym )?([\\p{L}\\d&.-]{2,12}) (?:stand for|mean)\\b"
                    + "|\\bwhat is (?:the )?(?:abbreviation |acronym )?([\\p{L}\\d&.-]{2,12}) short for\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_QUESTION = Pattern.compile(
            "\\bwhen\\b|\\b(what|which|in what|in which|on what|on which)\\s+(year|date|day|month|decade|century|time"
                    + "|period|era)\\b|\\bhow long ago\\b");
    private static final Pattern NUMBER_QUESTION = Pattern.compile(
            "\\bhow (many|much|long|old|far|big|large|tall|high|deep|wide|often|fast)\\b"
                    + "|\\b(what|which) (is |was |were |are )?(the )?(number|amount|percentage|percent|share|proportion"
                    + "|size|population|cost|price|value|length|height|weight|age|distance|total|rate)\\b");
    private static final Pattern PLACE_QUESTION = Pattern.compile(
            "\\bwhere\\b|\\b(what|which|in what|in which|from what|from which|to what|to which)\\s+(city|country|town"
                    + "|village|place|province|state|region|capital|location|county|district|continent|island|area"
                    + "|nation|site)\\b");
    private static final Pattern ORGANISATION_QUESTION = Pattern.compile(
            "\\b(what|which|by what|by which|for what|for which)\\s+(organi[sz]ation|group|company|firm|party|team"
                    + "|agency|university|college|school|band|newspaper|network|institution|ministry|army|force"
                    + "|militia|club|label|studio|corporation|body|council|committee)\\b");
    private static final Pattern PERSON_QUESTION = Pattern.compile(
            "\\b(who|whom|whose)\\b|\\b(what|which)\\s+(person|man|woman|minister|official|leader|president|king"
                    + "|queen|author|writer|director|commander|general|player|singer|actor|actress|artist|composer"
                    + "|scientist|member|spokesman|spokeswoman|spokesperson)\\b");
    private static final Pattern NAME_QUESTION = Pattern.compile(
            "\\bwhat (is|was|are|were) (the )?names?\\b|\\bwhat (is|was|are|were) .{1,40} (called|named|known as)\\b"
                    + "|\\bwhat name\\b");
    /** "Which option ...", "what command ...": technical documentation names these in code, not in capitals. */
    private static final Pattern CODE_QUESTION = Pattern.compile(
            "\\b(what|which)\\s+(command|subcommand|option|flag|switch|function|method|class|file|variable|setting"
                    + "|parameter|argument|property|field|key|module|directive|keyword|endpoint|header|attribute"
                    + "|environment variable)s?\\b");
    private static final Pattern YES_NO_QUESTION = Pattern.compile(
            "^(is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|may|might|must)\\b");

    /** The type asked for; questions of other shapes ("why", "what did X say") are {@link #OTHER}. */
    public static AnswerType of(String question) {
        String q = question.toLowerCase(Locale.ROOT).strip();
        if (ACRONYM_QUESTION.matcher(question).find()) {
            return ACRONYM;
        }
        // the question word that comes first decides: "Who was minister when it was signed?" asks for a person
        AnswerType asked = OTHER;
        int first = Integer.MAX_VALUE;
        Object[][] shapes = {{DATE, DATE_QUESTION}, {NUMBER, NUMBER_QUESTION}, {PLACE, PLACE_QUESTION},
                {ORGANISATION, ORGANISATION_QUESTION}, {PERSON, PERSON_QUESTION}, {NAME, NAME_QUESTION},
                {CODE, CODE_QUESTION}};
        for (Object[] shape : shapes) {
            var m = ((Pattern) shape[1]).matcher(q);
            if (m.find() && m.start() < first) {
                first = m.start();
                asked = (AnswerType) shape[0];
            }
        }
        if (asked != OTHER) {
            return asked;
        }
        if (YES_NO_QUESTION.matcher(q).find()) {
            return YES_NO;
        }
        return OTHER;
    }

    /** Whether a short phrase can answer this type: a name, place, date, number, code word or yes/no. */
    public boolean hasShortAnswer() {
        return this != OTHER;
    }
}
