package dev.moat.fabric.dns;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>A server owns no thread: its channels are non-blocking and registered with the fabric's {@link
 * DnsLoop}, whose selector thread reads queries and writes answers, and whose workers compute the
 * answers. {@link #close()} closes the channels and every open TCP connection.
 */
final class DnsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DnsServer.class);

  /** The UDP payload size Moat advertises with EDNS (the DNS flag day 2020 recommendation). */
  private static final int EDNS_PAYLOAD = 1232;

  private static final int BIND_ATTEMPTS = 10;
  private static final int TCP_IDLE_MILLIS = 10_000;

  private final DnsView view;
  private final DnsResponder responder;
  private final DatagramChannel udp;
  private final ServerSocketChannel tcp;
  private final DnsLoop loop;
  private final Clock clock;
  private final Instant startedAt;
  private final AtomicLong queries = new AtomicLong();
  private final AtomicReference<Instant> lastQuery = new AtomicReference<>();
  // Open TCP connections, closed with the server: a client (dnsjava pools them) may keep one idle.
  private final Set<TcpConnection> connections = ConcurrentHashMap.newKeySet();

  private DnsServer(
      DnsView view,
      DnsResponder responder,
      DatagramChannel udp,
      ServerSocketChannel tcp,
      DnsLoop loop,
      Clock clock) {
    this.view = view;
    this.responder = responder;
    this.udp = udp;
    this.tcp = tcp;
    this.loop = loop;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  /**
   * Binds UDP and TCP on {@code address:port} ({@code port} 0: an ephemeral port free for both) and
   * starts serving on {@code loop}.
   */
  static DnsServer start(
      DnsView view,
      DnsResponder responder,
      InetAddress address,
      int port,
      Clock clock,
      DnsLoop loop)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      DatagramChannel udp = DatagramChannel.open();
      try {
        udp.bind(new InetSocketAddress(address, port));
        udp.configureBlocking(false);
        ServerSocketChannel tcp = ServerSocketChannel.open();
        try {
          tcp.bind(
              new InetSocketAddress(
                  address, ((InetSocketAddress) udp.getLocalAddress()).getPort()));
          tcp.configureBlocking(false);
        } catch (IOException e) {
          tcp.close();
          throw e;
        }
        DnsServer server = new DnsServer(view, responder, udp, tcp, loop, clock);
        loop.execute(server::register);
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

  /** On the selector thread: starts reading queries and accepting connections. */
  private void register() {
    try {
      if (udp.isOpen()) {
        udp.register(loop.selector(), SelectionKey.OP_READ, (DnsLoop.Handler) k -> readUdp());
      }
      if (tcp.isOpen()) {
        tcp.register(loop.selector(), SelectionKey.OP_ACCEPT, (DnsLoop.Handler) k -> accept());
      }
    } catch (ClosedChannelException e) {
      // closed before it was registered
    }
  }

  DnsView view() {
    return view;
  }

  InetSocketAddress address() {
    try {
      return (InetSocketAddress) udp.getLocalAddress();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /** On the selector thread: every datagram waiting, each answered on a worker. */
  private void readUdp() throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(65535);
    for (SocketAddress from = udp.receive(buffer); from != null; from = udp.receive(buffer)) {
      buffer.flip();
      byte[] data = new byte[buffer.remaining()];
      buffer.get(data);
      buffer.clear();
      SocketAddress client = from;
      boolean queued =
          loop.submit(
              () -> {
                try {
                  Optional<byte[]> out = handle(data, true);
                  if (out.isPresent()) {
                    udp.send(
                        ByteBuffer.wrap(out.get()), client); // a full buffer drops it, as UDP may
                  }
                } catch (IOException e) {
                  if (udp.isOpen()) {
                    LOG.warn("DNS view {}: UDP exchange failed", view.label(), e);
                  }
                }
              });
      if (!queued) {
        LOG.debug("DNS view {}: busy, dropped a UDP query", view.label());
      }
    }
  }

  /** On the selector thread: takes every pending connection. */
  private void accept() throws IOException {
    for (SocketChannel socket = tcp.accept(); socket != null; socket = tcp.accept()) {
      socket.configureBlocking(false);
      TcpConnection connection = new TcpConnection(socket);
      connections.add(connection);
      socket.register(loop.selector(), SelectionKey.OP_READ, connection);
    }
  }

  /**
   * One TCP connection: length-prefixed queries (RFC 1035 §4.2.2) read as they arrive, answers
   * computed on a worker and written back in order by the selector thread.
   */
  private final class TcpConnection implements DnsLoop.Handler {
    private final SocketChannel socket;
    private ByteBuffer in = ByteBuffer.allocate(2 + 512);
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private volatile long lastActive = System.currentTimeMillis();

    TcpConnection(SocketChannel socket) {
      this.socket = socket;
    }

    @Override
    public void ready(SelectionKey key) throws IOException {
      lastActive = System.currentTimeMillis();
      if (key.isReadable()) {
        read(key);
      }
      if (key.isValid() && key.isWritable()) {
        write(key);
      }
    }

    private void read(SelectionKey key) throws IOException {
      if (socket.read(in) < 0) {
        close(); // the client closed the connection between queries: the normal end
        return;
      }
      while (in.position() >= 2) {
        int length = ((in.get(0) & 0xff) << 8) | (in.get(1) & 0xff);
        if (in.capacity() < 2 + length) {
          ByteBuffer bigger = ByteBuffer.allocate(2 + length);
          in.flip();
          bigger.put(in);
          in = bigger;
          return;
        }
        if (in.position() < 2 + length) {
          return;
        }
        in.flip();
        in.position(2);
        byte[] data = new byte[length];
        in.get(data);
        in.compact();
        boolean queued = loop.submit(() -> answer(key, data));
        if (!queued) {
          close();
          return;
        }
      }
    }

    /** On a worker: the answer, handed back to the selector thread to write. */
    private void answer(SelectionKey key, byte[] data) {
      Optional<byte[]> response = handle(data, false);
      loop.execute(
          () -> {
            if (response.isEmpty()) {
              close();
              return;
            }
            ByteBuffer frame = ByteBuffer.allocate(2 + response.get().length);
            frame.putShort((short) response.get().length).put(response.get()).flip();
            out.add(frame);
            if (key.isValid()) {
              key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
            }
          });
    }

    private void write(SelectionKey key) throws IOException {
      while (!out.isEmpty()) {
        ByteBuffer head = out.peek();
        socket.write(head);
        if (head.hasRemaining()) {
          return;
        }
        out.poll();
      }
      key.interestOps(SelectionKey.OP_READ);
    }

    @Override
    public void tick(long nowMillis) {
      if (nowMillis - lastActive > TCP_IDLE_MILLIS) {
        close();
      }
    }

    void close() {
      connections.remove(this);
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("DNS view {}: closing a TCP connection", view.label(), e);
      }
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
    closeQuietly(udp);
    closeQuietly(tcp);
    connections.forEach(TcpConnection::close);
    loop.selector().wakeup(); // lets the selector drop the cancelled keys
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException e) {
      LOG.debug("closing {}", c, e);
    }
  }
}
