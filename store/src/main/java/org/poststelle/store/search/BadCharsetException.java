package org.poststelle.store.search;

import java.util.List;

/**
 * A SEARCH, SORT or THREAD named a charset the server does not search in; the IMAP layer answers
 * {@code NO [BADCHARSET (UTF-8 US-ASCII)]} with {@link #supported()}.
 */
public class BadCharsetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String charset;

    public BadCharsetException(String charset) {
        super("unsupported search charset");
        this.charset = charset;
    }

    /** The charset the client asked for. */
    public String charset() {
        return charset;
    }

    /** The charsets to list in the BADCHARSET response code. */
    public List<String> supported() {
        return SearchCharsets.SUPPORTED;
    }
}
