package dev.jwebrtc.dtls;

import java.util.Hashtable;

/** Bouncy Castle extension tables may be null; this gives a mutable table either way. */
final class TlsExtensionsCopy {

    private TlsExtensionsCopy() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Hashtable of(Hashtable extensions) {
        return extensions == null ? new Hashtable() : extensions;
    }
}
