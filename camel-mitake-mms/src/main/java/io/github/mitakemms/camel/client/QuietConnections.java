package io.github.mitakemms.camel.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Connections that never log what they carry. HttpClient's own connections log every request header (so the
 * {@code authorization: bearer} token) on {@code org.apache.hc.client5.http.headers}, and every byte (so the token
 * call's client secret and the token it returns) on {@code org.apache.hc.client5.http.wire}, as soon as those loggers
 * are at DEBUG, which a whole-application DEBUG or TRACE turns on. HttpClient's connection-level debug lines (lease,
 * release, close) stay: they carry no content.
 */
final class QuietConnections implements HttpConnectionFactory<ManagedHttpClientConnection> {

    static final QuietConnections INSTANCE = new QuietConnections();

    private static final AtomicLong COUNTER = new AtomicLong();

    private QuietConnections() {
    }

    @Override
    public ManagedHttpClientConnection createConnection(Socket socket) throws IOException {
        QuietConnection connection = new QuietConnection("mitake-mms-" + COUNTER.getAndIncrement());
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    }

    static final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

        private final String id;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Timeout socketTimeout;

        QuietConnection(String id) {
            super(Http1Config.DEFAULT);
            this.id = id;
        }

        @Override
        protected void bind(SocketHolder socketHolder) throws IOException {
            if (closed.get()) {
                socketHolder.getSocket().close();
                throw new InterruptedIOException("Connection already shut down");
            }
            super.bind(socketHolder);
            socketTimeout = Timeout.ofMilliseconds(socketHolder.getSocket().getSoTimeout());
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bind(new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(new SocketHolder(sslSocket, socket));
        }

        @Override
        public Socket getSocket() {
            SocketHolder holder = getSocketHolder();
            return holder != null ? holder.getSocket() : null;
        }

        @Override
        public SSLSession getSSLSession() {
            return getSocket() instanceof SSLSocket ssl ? ssl.getSession() : null;
        }

        @Override
        public void setSocketTimeout(Timeout timeout) {
            super.setSocketTimeout(timeout);
            socketTimeout = timeout;
        }

        @Override
        public void passivate() {
            super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
        }

        @Override
        public void activate() {
            super.setSocketTimeout(socketTimeout);
        }

        @Override
        public void close() throws IOException {
            if (closed.compareAndSet(false, true)) {
                super.close();
            }
        }

        @Override
        public void close(CloseMode closeMode) {
            if (closed.compareAndSet(false, true)) {
                super.close(closeMode);
            }
        }

        /** The connection's id, as HttpClient's own connections have one for their log lines. */
        public String getId() {
            return id;
        }

        @Override
        public String toString() {
            return id;
        }
    }
}
