package org.poststelle.core.auth.sasl;

import java.util.concurrent.CompletionStage;

/**
 * One SASL exchange. The protocol layer base64-decodes each client line (or the initial response) and
 * hands the bytes in; the exchange answers with the next step. The protocol encodes challenges with its
 * own syntax ("+ " for IMAP and POP3) and maps a {@link SaslStep.Done} to its tagged answer.
 */
public interface SaslExchange {

    /**
     * The first server challenge when the client sent no initial response; for PLAIN that is an empty
     * challenge, for LOGIN "Username:".
     */
    byte[] initialChallenge();

    /** Processes one client response (already base64-decoded; an empty array for "=" or an empty line). */
    CompletionStage<SaslStep> respond(byte[] clientResponse);
}
