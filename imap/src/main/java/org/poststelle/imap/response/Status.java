package org.poststelle.imap.response;

/** The condition of a status response. */
public enum Status {
    OK, NO, BAD, BYE, PREAUTH
}
