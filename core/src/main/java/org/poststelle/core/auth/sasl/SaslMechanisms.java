package org.poststelle.core.auth.sasl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The SASL mechanisms the server offers, in the order they are advertised. */
public final class SaslMechanisms {
    private SaslMechanisms() {
    }

    /** PLAIN and LOGIN. */
    public static List<SaslMechanism> defaults() {
        return List.of(PlainMechanism.INSTANCE, LoginMechanism.INSTANCE);
    }

    /** The mechanism of that name (case-insensitive) among {@code offered}. */
    public static Optional<SaslMechanism> find(List<SaslMechanism> offered, String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return offered.stream().filter(m -> m.name().equals(upper)).findFirst();
    }
}
