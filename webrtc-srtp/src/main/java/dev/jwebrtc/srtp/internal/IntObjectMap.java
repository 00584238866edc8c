package dev.jwebrtc.srtp.internal;

import org.jspecify.annotations.Nullable;

/**
 * An open-addressing map from {@code int} (an SSRC) to a value, so per-packet lookups box nothing. Linear probing,
 * backward-shift deletion, load factor at most one half.
 *
 * @param <V> value type
 */
public final class IntObjectMap<V> {

    private int[] keys;
    private @Nullable Object[] values;
    private int size;

    /** An empty map. */
    public IntObjectMap() {
        keys = new int[16];
        values = new Object[16];
    }

    /** Number of entries. */
    public int size() {
        return size;
    }

    /** The value of {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public @Nullable V get(int key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            Object v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == key) {
                return (V) v;
            }
        }
    }

    /** Associates {@code value} with {@code key}, replacing any previous value. */
    public void put(int key, V value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    /** Removes {@code key}; returns whether it was present. */
    public boolean remove(int key) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (true) {
            if (values[i] == null) {
                return false;
            }
            if (keys[i] == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        values[i] = null;
        size--;
        // Backward-shift: move later entries of the probe run into the hole when their home slot allows it.
        int hole = i;
        for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                values[j] = null;
                hole = j;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], (V) oldValues[i]);
            }
        }
    }

    private static int slot(int key, int mask) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
