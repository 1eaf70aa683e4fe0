package dev.citeqa.config;

/** Checks a setting's value and names the setting and the accepted values when it is wrong. */
public final class Settings {

    private Settings() {
    }

    public static void require(boolean valid, String setting, String accepted) {
        if (!valid) {
            throw new InvalidSettingException(setting, accepted);
        }
    }

    /** A setting with a value the product cannot use; its message is the one line shown to the user. */
    public static final class InvalidSettingException extends IllegalArgumentException {
        public InvalidSettingException(String setting, String accepted) {
            super("Setting " + setting + " is not valid: use " + accepted + ".");
        }
    }
}
