package dev.citeqa.answer;

/**
 * What an answerer wrote, citing passages by their number in the request ({@code [1]}..{@code [n]}), before any
 * checking.
 *
 * @param model        the model that wrote it ("extractive" offline)
 * @param inputTokens  tokens sent, where the provider reports them, else 0
 * @param outputTokens tokens received, where the provider reports them, else 0
 * @param provider     the provider that answered ("extractive", "openai", ...)
 * @param notice       something the user should know about the reply (cut at the token limit, ...), or null
 * @param shortAnswer  the name, place, date, number or yes/no the answer opens with, as the answerer wrote it, or
 *                     null when it gave none
 */
public record Reply(String text, String model, int inputTokens, int outputTokens, String provider, String notice,
                    String shortAnswer) {

    public Reply(String text, String model, int inputTokens, int outputTokens, String provider, String notice) {
        this(text, model, inputTokens, outputTokens, provider, notice, null);
    }

    public Reply(String text, String model, int inputTokens, int outputTokens) {
        this(text, model, inputTokens, outputTokens, model, null, null);
    }

    public static Reply offline(String text) {
        return new Reply(text, "extractive", 0, 0, "extractive", null, null);
    }

    /** An offline answer that opens with the short phrase answering the question (null when it has none). */
    public static Reply offline(String text, String shortAnswer) {
        return new Reply(text, "extractive", 0, 0, "extractive", null, shortAnswer);
    }
}
