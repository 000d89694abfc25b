package dev.moat.fabric.dns;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * One DNS view served on one port of a loopback address, over UDP and TCP (RFC 7766: a client
 * retries over TCP when a UDP answer is truncated). Both sockets share the port number so that
 * {@code dig @127.0.0.1 -p PORT} and {@code dig +tcp} reach the same view.
 *
 * <p>The UDP loop answers inline (answers are in-memory computations); each TCP connection is
 * served on a task of the executor the server was given. {@link #close()} closes both sockets,
 * which ends the loops.
 */
final class DnsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DnsServer.class);

  /** The UDP payload size Moat advertises with EDNS (the DNS flag day 2020 recommendation). */
  private static final int EDNS_PAYLOAD = 1232;

  private static final int BIND_ATTEMPTS = 10;
  private static final int TCP_IDLE_MILLIS = 10_000;

  private final DnsView view;
  private final DnsResponder responder;
  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final Clock clock;
  private final Instant startedAt;
  private final AtomicLong queries = new AtomicLong();
  private final AtomicReference<Instant> lastQuery = new AtomicReference<>();
  // Open TCP connections, closed with the server: a client (dnsjava pools them) may keep one idle,
  // and a thread blocked reading it would otherwise hold up shutdown until the idle timeout.
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

  private DnsServer(
      DnsView view, DnsResponder responder, DatagramSocket udp, ServerSocket tcp, Clock clock) {
    this.view = view;
    this.responder = responder;
    this.udp = udp;
    this.tcp = tcp;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  /**
   * Binds UDP and TCP on {@code address:port} ({@code port} 0: an ephemeral port free for both) and
   * starts serving on {@code executor}.
   */
  static DnsServer start(
      DnsView view,
      DnsResponder responder,
      InetAddress address,
      int port,
      Clock clock,
      ExecutorService executor)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, port));
      try {
        ServerSocket tcp = new ServerSocket();
        try {
          tcp.bind(new InetSocketAddress(address, udp.getLocalPort()));
        } catch (IOException e) {
          tcp.close();
          throw e;
        }
        DnsServer server = new DnsServer(view, responder, udp, tcp, clock);
        executor.execute(server::serveUdp);
        executor.execute(() -> server.acceptTcp(executor));
        return server;
      } catch (BindException e) {
        udp.close();
        // The ephemeral UDP port was taken over TCP by someone else: try another one.
        if (port != 0 || attempt == BIND_ATTEMPTS) {
          throw e;
        }
      } catch (IOException | RuntimeException e) {
        udp.close();
        throw e;
      }
    }
  }

  DnsView view() {
    return view;
  }

  InetSocketAddress address() {
    return (InetSocketAddress) udp.getLocalSocketAddress();
  }

  Instant startedAt() {
    return startedAt;
  }

  long queries() {
    return queries.get();
  }

  Optional<Instant> lastQuery() {
    return Optional.ofNullable(lastQuery.get());
  }

  private void serveUdp() {
    byte[] buffer = new byte[65535];
    while (!udp.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
        byte[] data = Arrays.copyOf(packet.getData(), packet.getLength());
        Optional<byte[]> out = handle(data, true);
        if (out.isPresent()) {
          udp.send(new DatagramPacket(out.get(), out.get().length, packet.getSocketAddress()));
        }
      } catch (SocketException e) {
        if (!udp.isClosed()) {
          LOG.warn("DNS view {}: UDP socket failed", view.label(), e);
        }
        return;
      } catch (IOException e) {
        LOG.warn("DNS view {}: UDP exchange failed", view.label(), e);
      }
    }
  }

  private void acceptTcp(ExecutorService executor) {
    while (!tcp.isClosed()) {
      try {
        Socket socket = tcp.accept();
        connections.add(socket);
        executor.execute(() -> serveTcp(socket));
      } catch (IOException e) {
        if (!tcp.isClosed()) {
          LOG.warn("DNS view {}: TCP accept failed", view.label(), e);
        }
        return;
      } catch (RejectedExecutionException e) {
        return; // shutting down
      }
    }
  }

  private void serveTcp(Socket socket) {
    try (socket) {
      socket.setSoTimeout(TCP_IDLE_MILLIS);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      while (true) {
        int length = in.readUnsignedShort(); // RFC 1035 §4.2.2: two-byte length prefix
        byte[] data = in.readNBytes(length);
        if (data.length < length) {
          return;
        }
        Optional<byte[]> response = handle(data, false);
        if (response.isEmpty()) {
          return;
        }
        out.writeShort(response.get().length);
        out.write(response.get());
        out.flush();
      }
    } catch (EOFException e) {
      // The client closed the connection between queries: the normal end.
    } catch (IOException e) {
      LOG.debug("DNS view {}: TCP connection ended", view.label(), e);
    } finally {
      connections.remove(socket);
    }
  }

  /** The response bytes, or empty when the datagram is too short to answer at all. */
  private Optional<byte[]> handle(byte[] data, boolean overUdp) {
    queries.incrementAndGet();
    lastQuery.set(clock.instant());
    Message query;
    try {
      query = new Message(data);
    } catch (IOException e) {
      return formatError(data);
    }
    Message response = responder.respond(query);
    OPTRecord opt = query.getOPT();
    if (opt != null) {
      response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
    }
    int limit =
        !overUdp ? 65535 : opt == null ? 512 : Math.max(512, Math.min(opt.getPayloadSize(), 65535));
    return Optional.of(response.toWire(limit));
  }

  private static Optional<byte[]> formatError(byte[] data) {
    if (data.length < Header.LENGTH) {
      return Optional.empty();
    }
    try {
      Header header = new Header(data);
      Message response = new Message(header.getID());
      response.getHeader().setFlag(Flags.QR);
      response.getHeader().setRcode(Rcode.FORMERR);
      return Optional.of(response.toWire());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    udp.close();
    closeQuietly(tcp);
    connections.forEach(DnsServer::closeQuietly);
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      LOG.debug("closing {}", c, e);
    }
  }
}
