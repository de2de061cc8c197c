package io.github.mitakemms.camel.bench.push;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import io.github.mitakemms.camel.bench.LoopbackGateway;
import io.github.mitakemms.camel.bench.Payload;

/**
 * The limit: the gateway's own capacity, as near as a client can measure it. The whole request (headers and the JSON of
 * {@link PushJson}, built once) is written as pre-built bytes on a kept-alive socket of the sender thread's own; the
 * answer is read by its {@code Content-Length} and only its first bytes are looked at. No JSON, no HTTP library.
 * <p>
 * A kept-alive socket the gateway closed while it was idle (between turns) is opened again and the push sent on it;
 * such reconnects are counted as {@link #retries()}.
 */
public final class LimitSender implements Sender {

    private static final byte[] BATCH_ID = "{\"batchID\":".getBytes(StandardCharsets.US_ASCII);

    private final InetSocketAddress address;
    private final byte[] request;
    private final ThreadLocal<Connection> connection = new ThreadLocal<>();
    private final List<Connection> all = new CopyOnWriteArrayList<>();
    private final LongAdder retries = new LongAdder();

    public LimitSender(String baseUrl, String clientId, Payload payload) throws IOException {
        URI uri = URI.create(baseUrl);
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        ByteArrayOutputStream json = new ByteArrayOutputStream(PushJson.expectedSize(payload, Payload.PHONES.size()));
        PushJson.write(json, payload, Payload.PHONES);
        // the token is the gateway's fixed one: asked for once, as every contender does, so that it is counted alike
        Connection c = new Connection();
        try {
            String tokenBody = "{\"clientId\":\"" + clientId + "\",\"clientSecret\":\"" + LoopbackGateway.CLIENT_SECRET + "\"}";
            c.exchange(request("/AuthorizationService/Token", "", tokenBody.getBytes(StandardCharsets.UTF_8)));
        } finally {
            c.close();
        }
        this.request = request("/msg/mms/json", "authorization: bearer " + LoopbackGateway.TOKEN + "\r\nclientID: " + clientId
                                                + "\r\nactionType: push\r\n", json.toByteArray());
    }

    private byte[] request(String path, String headers, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + address.getHostString() + ":" + address.getPort()
                       + "\r\nContent-Type: application/json\r\n" + headers + "Content-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    @Override
    public void push() throws Exception {
        Connection c = connection.get();
        if (c == null) {
            c = new Connection();
            connection.set(c);
        }
        byte[] answer;
        try {
            answer = c.exchange(request);
        } catch (IOException e) {
            retries.increment();
            c.close();
            c = new Connection();
            connection.set(c);
            answer = c.exchange(request);
        }
        for (int i = 0; i < BATCH_ID.length; i++) {
            if (answer.length <= i || answer[i] != BATCH_ID[i]) {
                throw new IllegalStateException("Push failed: " + new String(answer, StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public long retries() {
        return retries.sum();
    }

    @Override
    public void close() {
        all.forEach(Connection::close);
    }

    /** One kept-alive socket and the buffer its answers are read into. */
    private final class Connection {
        final Socket socket;
        final OutputStream out;
        final InputStream in;
        byte[] buf = new byte[8192];

        Connection() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(address, 10_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
            all.add(this);
        }

        /** Sends the request, reads the answer's status line, headers and body; returns the body. */
        byte[] exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            int n = 0;
            int headerEnd = -1;
            while (headerEnd < 0) {
                n = fill(n);
                headerEnd = indexOfBlankLine(n);
            }
            String head = new String(buf, 0, headerEnd, StandardCharsets.US_ASCII);
            if (!head.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("Gateway answered " + head.lines().findFirst().orElse(head));
            }
            int length = contentLength(head);
            int total = headerEnd + 4 + length;
            if (buf.length < total) {
                buf = java.util.Arrays.copyOf(buf, total);
            }
            while (n < total) {
                n = fill(n);
            }
            if (n != total) {
                throw new IOException("More bytes than the answer holds");
            }
            return java.util.Arrays.copyOfRange(buf, headerEnd + 4, total);
        }

        private int fill(int n) throws IOException {
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
            int r = in.read(buf, n, buf.length - n);
            if (r < 0) {
                throw new IOException("Connection closed by the gateway");
            }
            return n + r;
        }

        private int indexOfBlankLine(int n) {
            for (int i = 0; i + 3 < n; i++) {
                if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private int contentLength(String head) throws IOException {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    return Integer.parseInt(line.substring(15).trim());
                }
            }
            throw new IOException("Answer without Content-Length");
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
        }
    }
}
