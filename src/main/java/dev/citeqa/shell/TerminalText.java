package dev.citeqa.shell;

import java.util.regex.Pattern;

/**
 * Makes text from documents and model replies safe to print: escape sequences (CSI, OSC, ...) and other control
 * characters are removed, so a hostile document cannot move the cursor, retitle the terminal or hide text.
 */
public final class TerminalText {

    private static final Pattern ESCAPES = Pattern.compile(
            "\\u001B\\[[0-?]*[ -/]*[@-~]"              // CSI ... final byte
                    + "|\\u001B\\][^\\u0007\\u001B]*(\\u0007|\\u001B\\\\)?" // OSC ... BEL or ST
                    + "|\\u001B[PX^_][^\\u001B]*(\\u001B\\\\)?"  // DCS, SOS, PM, APC
                    + "|\\u001B.?"                             // any other escape
                    + "|\\u009B[0-?]*[ -/]*[@-~]"              // 8-bit CSI
                    + "|[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F]");

    private TerminalText() {
    }

    public static String safe(String text) {
        return text == null ? "" : ESCAPES.matcher(text).replaceAll("");
    }
}
