package org.poststelle.store.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable set of message flags: the five permanent system flags as bits plus keywords (which are
 * compared case-insensitively, as Dovecot does, but keep the spelling first used). \Recent is not a stored
 * flag; sessions compute it.
 */
public final class Flags {
    public static final int SEEN = 1;
    public static final int ANSWERED = 1 << 1;
    public static final int FLAGGED = 1 << 2;
    public static final int DELETED = 1 << 3;
    public static final int DRAFT = 1 << 4;
    public static final int ALL_SYSTEM = SEEN | ANSWERED | FLAGGED | DELETED | DRAFT;

    private static final String[] SYSTEM_NAMES = {"\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft"};
    public static final Flags NONE = new Flags(0, List.of());

    private final int system;
    private final List<String> keywords;

    private Flags(int system, List<String> keywords) {
        this.system = system & ALL_SYSTEM;
        this.keywords = keywords;
    }

    public static Flags of(int systemBits, Collection<String> keywords) {
        if (keywords.isEmpty()) {
            return systemBits == 0 ? NONE : new Flags(systemBits, List.of());
        }
        TreeSet<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(keywords);
        return new Flags(systemBits, List.copyOf(set));
    }

    public static Flags ofSystem(int systemBits) {
        return of(systemBits, List.of());
    }

    /** From flag names as a client writes them: {@code \Seen}, {@code $Forwarded}, ... (\Recent is dropped). */
    public static Flags parse(Collection<String> names) {
        int bits = 0;
        List<String> kw = new ArrayList<>();
        for (String n : names) {
            int bit = systemBit(n);
            if (bit != 0) {
                bits |= bit;
            } else if (!n.equalsIgnoreCase("\\Recent")) {
                kw.add(n);
            }
        }
        return of(bits, kw);
    }

    /** The bit of a system flag name, 0 when it is not one. */
    public static int systemBit(String name) {
        for (int i = 0; i < SYSTEM_NAMES.length; i++) {
            if (SYSTEM_NAMES[i].equalsIgnoreCase(name)) {
                return 1 << i;
            }
        }
        return 0;
    }

    public int systemBits() {
        return system;
    }

    public boolean has(int systemBit) {
        return (system & systemBit) != 0;
    }

    public boolean hasKeyword(String keyword) {
        for (String k : keywords) {
            if (k.equalsIgnoreCase(keyword)) {
                return true;
            }
        }
        return false;
    }

    /** Keywords in case-insensitive order. */
    public List<String> keywords() {
        return keywords;
    }

    public boolean isEmpty() {
        return system == 0 && keywords.isEmpty();
    }

    public Flags add(Flags other) {
        if (other.keywords.isEmpty()) {
            return (system | other.system) == system ? this : new Flags(system | other.system, keywords);
        }
        List<String> kw = new ArrayList<>(keywords);
        kw.addAll(other.keywords);
        return of(system | other.system, kw);
    }

    public Flags remove(Flags other) {
        if (other.keywords.isEmpty() || keywords.isEmpty()) {
            return new Flags(system & ~other.system, keywords);
        }
        Set<String> drop = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        drop.addAll(other.keywords);
        List<String> kw = new ArrayList<>();
        for (String k : keywords) {
            if (!drop.contains(k)) {
                kw.add(k);
            }
        }
        return of(system & ~other.system, kw);
    }

    public Flags with(int systemBit, boolean on) {
        return new Flags(on ? system | systemBit : system & ~systemBit, keywords);
    }

    /** Flag names, system flags first in a fixed order, then keywords: {@code \Seen \Flagged $Label1}. */
    public List<String> names() {
        List<String> out = new ArrayList<>(5 + keywords.size());
        for (int i = 0; i < SYSTEM_NAMES.length; i++) {
            if ((system & (1 << i)) != 0) {
                out.add(SYSTEM_NAMES[i]);
            }
        }
        out.addAll(keywords);
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Flags f) || f.system != system || f.keywords.size() != keywords.size()) {
            return false;
        }
        for (int i = 0; i < keywords.size(); i++) {
            if (!keywords.get(i).equalsIgnoreCase(f.keywords.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = system;
        for (String k : keywords) {
            h = 31 * h + k.toLowerCase(Locale.ROOT).hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return String.join(" ", names());
    }
}
