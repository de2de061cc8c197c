package io.github.mitakemms.camel.reliability;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of the gateway that counts the connections open through it: how many at once at most,
 * and how many in all. Only loopback addresses; stops with {@link #close()}.
 */
final class CountingProxy implements Closeable {

    private final ServerSocket server;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "counting-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();

    CountingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections open now. */
    int open() {
        return open.get();
    }

    /** The most connections that were open at once since the last {@link #resetMax()}. */
    int max() {
        return max.get();
    }

    int total() {
        return total.get();
    }

    void resetMax() {
        max.set(open.get());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            int now = open.incrementAndGet();
            max.accumulateAndGet(now, Math::max);
            total.incrementAndGet();
            AtomicBoolean closed = new AtomicBoolean();
            Socket upstream;
            try {
                upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            } catch (IOException e) {
                closeBoth(client, null, closed);
                continue;
            }
            threads.execute(() -> pump(client, upstream, closed));
            threads.execute(() -> pump(upstream, client, closed));
        }
    }

    private void pump(Socket from, Socket to, AtomicBoolean closed) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed
        } finally {
            closeBoth(from, to, closed);
        }
    }

    private void closeBoth(Socket a, Socket b, AtomicBoolean closed) {
        if (closed.compareAndSet(false, true)) {
            open.decrementAndGet();
        }
        for (Socket s : new Socket[] { a, b }) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException e) {
                    // closing
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
