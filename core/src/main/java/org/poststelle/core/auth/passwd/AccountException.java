package org.poststelle.core.auth.passwd;

/** An account edit that cannot be done: the account does not exist, or already exists. */
public class AccountException extends Exception {
    private static final long serialVersionUID = 1L;

    public AccountException(String message) {
        super(message);
    }

    /** No account of that name. */
    public static final class NotFound extends AccountException {
        private static final long serialVersionUID = 1L;

        public NotFound(String name) {
            super("no account " + name);
        }
    }

    /** {@code user add} for a name that is taken. */
    public static final class Exists extends AccountException {
        private static final long serialVersionUID = 1L;

        public Exists(String name) {
            super("account " + name + " already exists");
        }
    }
}
