package org.poststelle.core.auth.sasl;

import org.poststelle.core.auth.AuthResult;

/** What happens after a client response in a SASL exchange. */
public sealed interface SaslStep {
    /** Send this challenge (raw bytes; the protocol base64-encodes) and wait for the next response. */
    record Challenge(byte[] data) implements SaslStep {
    }

    /** The exchange is over: success, failure or temporary failure. */
    record Done(AuthResult result) implements SaslStep {
    }

    /** The client sent something that is not valid for the mechanism (bad base64 is the protocol's job). */
    record Malformed(String reason) implements SaslStep {
    }
}
