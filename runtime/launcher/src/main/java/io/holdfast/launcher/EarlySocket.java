package io.holdfast.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The API's listening sockets, served from the launcher's first moments until the API bundle takes them: the one a
 * service manager handed over ({@code holdfast.socket}) and those the launcher bound for {@code hosts}
 * ({@link HostSockets}). {@code /_ping} and {@code /version} are answered at once, as the API answers them
 * ({@link IdentityAnswers}), and every other request is held, with the bytes read from it, for the API bundle, which
 * answers it once the restore has run. Without this a client waited in the socket's backlog (or was refused, with no
 * socket yet) for the framework, the bundles and Jetty (about 1.5 s) only to learn that the engine is there; with it,
 * clients polling {@code /_ping} for the engine to come back are answered within the JVM's start. What is held is
 * never answered from here: the launcher has no state to answer it from.
 *
 * <p>The API bundle takes the held connections, in the order they came, through {@link #handOver} (a JDK-typed
 * service, {@link EngineFramework}); from then on this serves nothing and every socket is in blocking mode, as
 * Jetty's acceptor wants the inherited one.
 */
final class EarlySocket {
    /** As the API's own limit on a request head (RequestLimits): a longer one is Jetty's to refuse. */
    private static final int HEAD_LIMIT = 64 * 1024;
    /** {@code \r\n\r\n}, which ends a request head. */
    private static final byte[] HEAD_END = {'\r', '\n', '\r', '\n'};

    private final IdentityAnswers answers;
    private final Selector selector;
    /** Every socket served, in blocking mode again once handed over. */
    private final List<ServerSocketChannel> listening = new CopyOnWriteArrayList<>();
    /** Sockets to serve that the selector's thread has not registered yet. */
    private final Queue<ServerSocketChannel> arriving = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Map<SocketChannel, ByteBuffer>> handedOver = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean taken = new AtomicBoolean();
    private volatile boolean handingOver;

    private EarlySocket(Supplier<String> engineVersion) throws IOException {
        this.answers = new IdentityAnswers(engineVersion);
        this.selector = Selector.open();
    }

    /** Serves nothing until it is given a socket ({@link #serve}). */
    static EarlySocket create(Supplier<String> engineVersion) throws IOException {
        return new EarlySocket(engineVersion);
    }

    /** Serves {@code socket} too, on this one's thread (started with the first). Not after {@link #handOver}. */
    void serve(ServerSocketChannel socket) throws IOException {
        socket.configureBlocking(false);
        listening.add(socket);
        arriving.add(socket);
        if (started.compareAndSet(false, true)) {
            Thread thread = new Thread(this::serveUntilHandedOver, "holdfast-early-socket");
            thread.setDaemon(true);
            thread.start();
        } else {
            selector.wakeup();
        }
    }

    /** Whether it serves any socket. */
    boolean serving() {
        return !listening.isEmpty();
    }

    /**
     * Stops serving and returns the held connections, each with what was read from it and not answered (in read
     * mode; empty for a client that sent nothing more after its pings). Every answer given has been written in full.
     * The connections are the first caller's: a later call (the API bundle started again) gets none.
     */
    Map<SocketChannel, ByteBuffer> handOver() {
        handingOver = true;
        if (started.get()) {
            selector.wakeup();
        } else {
            handedOver.complete(Map.of());
        }
        Map<SocketChannel, ByteBuffer> held = handedOver.join();
        return taken.compareAndSet(false, true) ? held : Map.of();
    }

    private void serveUntilHandedOver() {
        Map<SocketChannel, Client> clients = new LinkedHashMap<>();
        try {
            while (!handingOver) {
                for (ServerSocketChannel socket = arriving.poll(); socket != null; socket = arriving.poll()) {
                    socket.register(selector, SelectionKey.OP_ACCEPT);
                }
                selector.select();
                for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (key.isValid() && key.isAcceptable()) {
                        accept((ServerSocketChannel) key.channel(), clients);
                    } else if (key.isValid()) {
                        ((Client) key.attachment()).serve(key);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("holdfastd: the API's sockets are left to the API bundle from now on: " + e);
        } finally {
            handedOver.complete(finish(clients));
        }
    }

    /**
     * Closes the selector, which deregisters every channel, so that each can be put in blocking mode: the socket for
     * Jetty's acceptor, each client to finish an answer under way.
     */
    private Map<SocketChannel, ByteBuffer> finish(Map<SocketChannel, Client> clients) {
        try {
            selector.close();
            for (ServerSocketChannel socket : listening) {
                socket.configureBlocking(true);
            }
        } catch (IOException e) {
            System.err.println("holdfastd: cannot hand the API's sockets to the API: " + e);
        }
        Map<SocketChannel, ByteBuffer> held = new LinkedHashMap<>();
        clients.forEach((channel, client) -> client.unanswered().ifPresent(bytes -> held.put(channel, bytes)));
        return held;
    }

    private void accept(ServerSocketChannel server, Map<SocketChannel, Client> clients) throws IOException {
        SocketChannel channel = server.accept();
        if (channel != null) {
            Client client = new Client(channel);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, client);
            clients.put(channel, client);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** One connection: the bytes read and not yet answered, and an answer not yet written in full. */
    private final class Client {
        private final SocketChannel channel;
        private ByteBuffer in = ByteBuffer.allocate(1024); // fill mode
        private ByteBuffer out = ByteBuffer.allocate(0);
        private boolean closeAfterAnswer;

        Client(SocketChannel channel) {
            this.channel = channel;
        }

        void serve(SelectionKey key) throws IOException {
            try {
                if (out.hasRemaining() && !writeAnswer(key)) {
                    return;
                }
                if (key.isValid() && key.isReadable() && !read(key)) {
                    return;
                }
                answerEarly(key);
            } catch (IOException e) {
                key.cancel();
                closeQuietly(channel); // the client left
            }
        }

        /** False when the client closed its end. */
        private boolean read(SelectionKey key) throws IOException {
            if (!in.hasRemaining()) {
                if (in.capacity() >= HEAD_LIMIT) {
                    hold(key); // no head end in 64 KiB: Jetty refuses it
                    return true;
                }
                in = ByteBuffer.allocate(Math.min(HEAD_LIMIT, in.capacity() * 2)).put(in.flip());
            }
            if (channel.read(in) < 0) {
                key.cancel();
                channel.close();
                return false;
            }
            return true;
        }

        /** Answers each complete ping or version head at the front; holds the connection at any other request. */
        private void answerEarly(SelectionKey key) throws IOException {
            while (key.isValid() && !out.hasRemaining()) {
                int end = headEnd();
                if (end < 0) {
                    if (in.position() >= HEAD_LIMIT) {
                        hold(key);
                    }
                    return;
                }
                String text = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
                Optional<RequestHead> head = RequestHead.parse(text);
                if (head.isEmpty() || !(head.get().isPing() || head.get().isVersion())) {
                    hold(key);
                    return;
                }
                in.flip().position(end + HEAD_END.length);
                in.compact();
                out = ByteBuffer.wrap(answers.answer(head.get()));
                closeAfterAnswer = head.get().connectionClose();
                if (!writeAnswer(key)) {
                    return;
                }
            }
        }

        /** Writes what it can of the answer; false while some is left (then it waits to be writable). */
        private boolean writeAnswer(SelectionKey key) throws IOException {
            channel.write(out);
            if (out.hasRemaining()) {
                key.interestOps(SelectionKey.OP_WRITE);
                return false;
            }
            if (closeAfterAnswer) {
                key.cancel();
                channel.close();
                return false;
            }
            key.interestOps(SelectionKey.OP_READ);
            return true;
        }

        /** Reads no more: the rest is the API's. */
        private void hold(SelectionKey key) {
            key.interestOps(0);
        }

        private int headEnd() {
            byte[] bytes = in.array();
            for (int i = 0; i + HEAD_END.length <= in.position(); i++) {
                if (Arrays.equals(bytes, i, i + HEAD_END.length, HEAD_END, 0, HEAD_END.length)) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * Once the selector is closed: puts the connection in blocking mode, finishes an answer under way, and
         * returns what was read and not answered (in read mode); empty when the connection is closed or ends with
         * that answer.
         */
        Optional<ByteBuffer> unanswered() {
            try {
                channel.configureBlocking(true);
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                if (!closeAfterAnswer) {
                    return Optional.of(in.flip());
                }
            } catch (IOException | RuntimeException e) {
                // the client left
            }
            closeQuietly(channel);
            return Optional.empty();
        }
    }
}
