/** Poststelle pop3 module. */
package org.poststelle.pop3;
