/** Poststelle imap module. */
package org.poststelle.imap;
