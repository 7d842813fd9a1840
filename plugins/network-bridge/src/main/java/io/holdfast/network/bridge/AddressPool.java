package io.holdfast.network.bridge;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * IP address management for one bridge: which container holds which address of the {@link Subnet}, persisted in a
 * {@link LeaseFile} that is rewritten on every change before the change is reported (if the write fails the change
 * is undone and the caller gets the {@link IOException}).
 *
 * <p>Allocation takes the lowest free address after the one allocated last, wrapping around at the end of the
 * subnet, so a released address is reused only once the rest of the subnet has been handed out. It never hands out
 * the network address, the broadcast address or the gateway, nor an address leased to anyone.
 *
 * <p>Thread-safe: every method is serialised on the pool and blocks while the lease file is written.
 */
final class AddressPool {
    private static final Logger LOG = Logger.getLogger(AddressPool.class.getName());

    private final Subnet subnet;
    private final LeaseFile file;
    private final Map<String, Integer> leases = new TreeMap<>();
    private final Map<Integer, String> holders = new HashMap<>();
    /** The leases of connected containers (see {@link LeaseFile}). */
    private final Set<String> connected = new TreeSet<>();
    /** The address allocated last, or {@code null} when unknown (new or lost lease file). */
    private Integer last;

    private AddressPool(Subnet subnet, LeaseFile file) {
        this.subnet = subnet;
        this.file = file;
    }

    /** The pool with the leases {@code file} holds (none if it does not exist yet); blocks reading it. */
    static AddressPool open(Subnet subnet, LeaseFile file) throws IOException {
        AddressPool pool = new AddressPool(subnet, file);
        LeaseFile.Contents contents = file.load();
        contents.leases().forEach((id, address) -> {
            String other = pool.holders.putIfAbsent(address, id);
            if (other != null) {
                LOG.warning(() -> "lease file " + file.path() + " gives " + Ipv4.format(address) + " to both "
                        + other + " and " + id + "; keeping " + other);
            } else {
                pool.leases.put(id, address);
            }
        });
        pool.last = contents.last();
        contents.connected().stream().filter(pool.leases::containsKey).forEach(pool.connected::add);
        return pool;
    }

    Subnet subnet() {
        return subnet;
    }

    /**
     * The address leased to {@code containerId}: the one it already holds, or a new one (persisted before this
     * returns).
     *
     * @throws IOException if every assignable address is leased ("no free address in 172.30.0.0/24 (254 in use)"),
     *                     or the lease file cannot be written
     */
    synchronized int allocate(String containerId) throws IOException {
        Integer held = leases.get(containerId);
        if (held != null) {
            return held;
        }
        long hosts = subnet.assignableCount() + 1; // host addresses, gateway included
        long start = last != null && subnet.contains(last) ? Integer.toUnsignedLong(last - subnet.network()) : 0;
        for (long i = 0; i < hosts; i++) {
            int address = subnet.network() + (int) ((start + i) % hosts) + 1;
            if (subnet.assignable(address) && !holders.containsKey(address)) {
                change(() -> {
                    put(containerId, address);
                    last = address;
                });
                return address;
            }
        }
        throw new IOException("no free address in " + subnet + " (" + inUse() + " in use)");
    }

    /**
     * The address leased to {@code containerId}: {@code requested} if given (it must be one the subnet hands out and
     * no other container holds), else as {@link #allocate(String)}. {@code asConnected} records the lease as a
     * connected container's. A container that holds a lease keeps it; asking it for another address fails.
     *
     * @throws IllegalArgumentException if {@code requested} is outside the subnet or is its network, broadcast or
     *                                  gateway address
     * @throws IllegalStateException    if {@code requested} is leased to another container or differs from the
     *                                  container's own lease
     */
    synchronized int allocate(String containerId, Integer requested, boolean asConnected) throws IOException {
        Integer held = leases.get(containerId);
        if (requested != null) {
            if (!subnet.contains(requested)) {
                throw new IllegalArgumentException("address " + Ipv4.format(requested) + " is not in subnet "
                        + subnet);
            }
            if (!subnet.assignable(requested)) {
                throw new IllegalArgumentException("address " + Ipv4.format(requested) + " is the network, broadcast"
                        + " or gateway address of " + subnet);
            }
            if (held != null && held.intValue() != requested) {
                throw new IllegalStateException("container " + containerId + " already holds "
                        + Ipv4.format(held) + " in " + subnet);
            }
            String other = holders.get(requested);
            if (other != null && !other.equals(containerId)) {
                throw new IllegalStateException("Address already in use: " + Ipv4.format(requested) + " in "
                        + subnet);
            }
        }
        if (held == null && requested != null) {
            change(() -> {
                put(containerId, requested);
                markConnected(containerId, asConnected);
            });
            return requested;
        }
        int address = allocate(containerId);
        if (connected.contains(containerId) != asConnected) {
            change(() -> markConnected(containerId, asConnected));
        }
        return address;
    }

    /** The containers whose leases are connected containers' (see {@link LeaseFile}). */
    synchronized Set<String> connected() {
        return Set.copyOf(connected);
    }

    private void markConnected(String containerId, boolean asConnected) {
        if (asConnected) {
            connected.add(containerId);
        } else {
            connected.remove(containerId);
        }
    }

    /** The address {@code containerId} holds, if any. */
    synchronized Optional<Integer> leaseOf(String containerId) {
        return Optional.ofNullable(leases.get(containerId));
    }

    /** Every lease, container id to address. */
    synchronized Map<String, Integer> leases() {
        return Map.copyOf(leases);
    }

    /** Frees the address of {@code containerId}; whether it held one. Releasing nothing writes nothing. */
    synchronized boolean release(String containerId) throws IOException {
        if (!leases.containsKey(containerId)) {
            return false;
        }
        change(() -> {
            holders.remove(leases.remove(containerId));
            connected.remove(containerId);
        });
        return true;
    }

    /**
     * Records that {@code containerId} holds {@code address}, as found on a running container during restore: the
     * container's real address wins over whatever the file said, so a lost or stale lease file can never make the
     * pool hand that address to someone else. A different container's lease on the same address is dropped.
     * Addresses outside the subnet (the bip was changed) cannot collide and are not recorded.
     *
     * @return whether the address was recorded
     */
    synchronized boolean mark(String containerId, int address) throws IOException {
        return mark(containerId, address, connected.contains(containerId));
    }

    /** {@link #mark(String, int)}, recording the lease as a connected container's or not. */
    synchronized boolean mark(String containerId, int address, boolean asConnected) throws IOException {
        if (!subnet.assignable(address)) {
            LOG.warning(() -> "container " + containerId + " has " + Ipv4.format(address) + ", which "
                    + subnet + " does not hand out; not leased");
            return false;
        }
        if (Integer.valueOf(address).equals(leases.get(containerId))
                && connected.contains(containerId) == asConnected) {
            return true;
        }
        change(() -> {
            String other = holders.get(address);
            if (other != null && !other.equals(containerId)) {
                LOG.warning(() -> "lease of " + Ipv4.format(address) + " moves from " + other + " to "
                        + containerId + ", which holds it");
                leases.remove(other);
                connected.remove(other);
            }
            holders.remove(leases.remove(containerId));
            put(containerId, address);
            markConnected(containerId, asConnected);
            // after a lost lease file, go on after the highest address in use rather than reuse freed low ones
            if (last == null || !subnet.contains(last) || Integer.compareUnsigned(address, last) > 0) {
                last = address;
            }
        });
        return true;
    }

    /**
     * Releases every lease not held by one of {@code containerIds}; returns the released leases.
     */
    synchronized Map<String, Integer> retainOnly(Set<String> containerIds) throws IOException {
        Map<String, Integer> released = new TreeMap<>(leases);
        released.keySet().removeAll(containerIds);
        if (!released.isEmpty()) {
            change(() -> released.forEach((id, address) -> {
                leases.remove(id);
                holders.remove(address);
                connected.remove(id);
            }));
        }
        return released;
    }

    private void put(String containerId, int address) {
        leases.put(containerId, address);
        holders.put(address, containerId);
    }

    private long inUse() {
        return leases.values().stream().filter(subnet::contains).count() + 1; // the gateway
    }

    /** Applies {@code mutation}, saves, and undoes the mutation if the save fails. */
    private void change(Runnable mutation) throws IOException {
        Map<String, Integer> leasesBefore = new TreeMap<>(leases);
        Map<Integer, String> holdersBefore = new HashMap<>(holders);
        Integer lastBefore = last;
        Set<String> connectedBefore = new TreeSet<>(connected);
        mutation.run();
        try {
            file.save(subnet, new LeaseFile.Contents(last, leases, connected));
        } catch (IOException | RuntimeException e) {
            leases.clear();
            leases.putAll(leasesBefore);
            holders.clear();
            holders.putAll(holdersBefore);
            last = lastBefore;
            connected.clear();
            connected.addAll(connectedBefore);
            throw e;
        }
    }
}
