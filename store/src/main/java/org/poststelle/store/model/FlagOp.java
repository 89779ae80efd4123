package org.poststelle.store.model;

/** How a flag update combines with the current flags (IMAP STORE +FLAGS, -FLAGS, FLAGS). */
public enum FlagOp {
    ADD, REMOVE, REPLACE
}
