/** Poststelle server module. */
package org.poststelle.server;
