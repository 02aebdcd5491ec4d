package io.parley.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A minimal HTTP/1.1 keep-alive client for one kind of request: POST, small JSON body, status code back. The load
 * generator shares two cores with Parley and its PostgreSQL: with the JDK HttpClient the driver spent about 65 µs of
 * CPU per webhook (as much as Parley's whole ingress), with this client about 28 µs (body and signature included),
 * so this is the default and {@code --client jdk} selects the JDK's. Blocking sockets on virtual threads;
 * connections are pooled and reused.
 */
final class RawHttp implements AutoCloseable {

    private final InetSocketAddress address;
    private final byte[] head;
    private final BlockingQueue<Connection> idle;

    RawHttp(URI target, int connections) {
        this.address = new InetSocketAddress(target.getHost(), target.getPort());
        this.head = ("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                + "\r\nContent-Type: application/json\r\n").getBytes(StandardCharsets.US_ASCII);
        this.idle = new ArrayBlockingQueue<>(connections);
    }

    /** Sends one POST with {@code x-line-signature}; returns the status code. */
    int post(byte[] body, String signature) throws IOException {
        Connection connection = idle.poll();
        if (connection == null) {
            connection = new Connection(address);
        }
        try {
            int status = connection.exchange(head, body, signature);
            if (!connection.closed && !idle.offer(connection)) {
                connection.close();
            }
            return status;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            connection.close();
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final StringBuilder line = new StringBuilder(128);
        boolean closed;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 4096);
        }

        int exchange(byte[] head, byte[] body, String signature) throws IOException {
            byte[] headers = ("x-line-signature: " + signature + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + headers.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(headers, 0, request, head.length, headers.length);
            System.arraycopy(body, 0, request, head.length + headers.length, body.length);
            out.write(request); // one write, one segment
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                String name = colon < 0 ? header : header.substring(0, colon);
                if (name.equalsIgnoreCase("content-length")) {
                    length = Long.parseLong(header.substring(colon + 1).trim());
                } else if (name.equalsIgnoreCase("connection") && header.toLowerCase(Locale.ROOT).contains("close")) {
                    closed = true;
                } else if (name.equalsIgnoreCase("transfer-encoding")) {
                    throw new IOException("chunked responses are not expected from a webhook");
                }
            }
            in.skipNBytes(length);
            if (closed) {
                close();
            }
            return status;
        }

        private String readLine() throws IOException {
            line.setLength(0);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by Parley");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
