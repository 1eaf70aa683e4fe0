package dev.citeqa.answer;

/**
 * What an answerer wrote, citing passages by their number in the request ({@code [1]}..{@code [n]}), before any
 * checking.
 *
 * @param model        the model that wrote it ("extractive" offline)
 * @param inputTokens  tokens sent, where the provider reports them, else 0
 * @param outputTokens tokens received, where the provider reports them, else 0
 */
public record Reply(String text, String model, int inputTokens, int outputTokens) {

    public static Reply offline(String text) {
        return new Reply(text, "extractive", 0, 0);
    }
}
