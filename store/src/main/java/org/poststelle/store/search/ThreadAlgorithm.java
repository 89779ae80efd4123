package org.poststelle.store.search;

/** The THREAD algorithms of RFC 5256 (capabilities THREAD=ORDEREDSUBJECT and THREAD=REFERENCES). */
public enum ThreadAlgorithm {
    ORDEREDSUBJECT, REFERENCES
}
