package io.runnel.state.heap;

/**
 * A hash map from (key, namespace) to a state object, for one key group. Written for the state access path:
 * one hash computation, no boxing of a composite key, no iterator allocation on lookups.
 *
 * <p><b>Threading:</b> task thread only.
 *
 * @param <K> key type
 * @param <N> namespace type
 * @param <S> state object type
 */
final class StateMap<K, N, S> {

    private static final int INITIAL_CAPACITY = 16;

    private Entry<K, N, S>[] table = newTable(INITIAL_CAPACITY);
    private int size;

    static final class Entry<K, N, S> {
        final K key;
        final N namespace;
        final int hash;
        S state;
        Entry<K, N, S> next;

        Entry(K key, N namespace, int hash, S state, Entry<K, N, S> next) {
            this.key = key;
            this.namespace = namespace;
            this.hash = hash;
            this.state = state;
            this.next = next;
        }
    }

    @SuppressWarnings("unchecked")
    private static <K, N, S> Entry<K, N, S>[] newTable(int capacity) {
        return (Entry<K, N, S>[]) new Entry[capacity];
    }

    private static int hash(Object key, Object namespace) {
        int h = key.hashCode() * 31 + namespace.hashCode();
        return h ^ (h >>> 16);
    }

    /** Identity first: keys often are the very objects stored, and then no {@code equals} call is needed. */
    private static boolean matches(Entry<?, ?, ?> e, Object key, Object namespace) {
        Object k = e.key;
        Object n = e.namespace;
        return (k == key || k.equals(key)) && (n == namespace || n.equals(namespace));
    }

    /** @return the entry of (key, namespace), or null; entries stay valid until removed (resizing moves them) */
    Entry<K, N, S> getEntry(K key, N namespace) {
        int h = hash(key, namespace);
        Entry<K, N, S>[] tab = table;
        for (Entry<K, N, S> e = tab[h & (tab.length - 1)]; e != null; e = e.next) {
            if (e.hash == h && matches(e, key, namespace)) {
                return e;
            }
        }
        return null;
    }

    /** Sets the state of (key, namespace). @return its entry */
    Entry<K, N, S> put(K key, N namespace, S state) {
        int h = hash(key, namespace);
        int index = h & (table.length - 1);
        for (Entry<K, N, S> e = table[index]; e != null; e = e.next) {
            if (e.hash == h && matches(e, key, namespace)) {
                e.state = state;
                return e;
            }
        }
        Entry<K, N, S> added = new Entry<>(key, namespace, h, state, table[index]);
        table[index] = added;
        if (++size > table.length * 3 / 4) {
            resize();
        }
        return added;
    }

    /** Removes (key, namespace). */
    void remove(K key, N namespace) {
        int h = hash(key, namespace);
        int index = h & (table.length - 1);
        Entry<K, N, S> prev = null;
        for (Entry<K, N, S> e = table[index]; e != null; prev = e, e = e.next) {
            if (e.hash == h && matches(e, key, namespace)) {
                if (prev == null) {
                    table[index] = e.next;
                } else {
                    prev.next = e.next;
                }
                size--;
                return;
            }
        }
    }

    int size() {
        return size;
    }

    private void resize() {
        Entry<K, N, S>[] old = table;
        Entry<K, N, S>[] next = newTable(old.length * 2);
        for (Entry<K, N, S> head : old) {
            Entry<K, N, S> e = head;
            while (e != null) {
                Entry<K, N, S> following = e.next;
                int index = e.hash & (next.length - 1);
                e.next = next[index];
                next[index] = e;
                e = following;
            }
        }
        table = next;
    }
}
