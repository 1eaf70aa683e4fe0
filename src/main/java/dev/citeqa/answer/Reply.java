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
 */
public record Reply(String text, String model, int inputTokens, int outputTokens, String provider, String notice) {

    public Reply(String text, String model, int inputTokens, int outputTokens) {
        this(text, model, inputTokens, outputTokens, model, null);
    }

    public static Reply offline(String text) {
        return new Reply(text, "extractive", 0, 0, "extractive", null);
    }
}
