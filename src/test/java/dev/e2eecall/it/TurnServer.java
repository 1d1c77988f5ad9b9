package dev.e2eecall.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real TURN relay on 127.0.0.1: coturn's {@code turnserver} (Debian package {@code coturn}, which
 * {@code .ci/run} installs), checking credentials with a shared secret as the TURN REST API has it
 * ({@code use-auth-secret}), relaying between peers on this machine. No TLS, no files outside a
 * temporary directory, nothing reachable from elsewhere.
 */
final class TurnServer implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/bin/turnserver");

    private final Process process;
    private final Path directory;
    private final int port;

    private TurnServer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Starts coturn with this shared secret and waits until it answers a STUN request. */
    static TurnServer start(String secret) {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(
                    EXECUTABLE + " is missing: install coturn (apt-get install coturn; " + ".ci/run does)");
        }
        try {
            Path directory = Files.createTempDirectory("turnserver");
            int port = freeUdpPort();
            // a relay port range of its own, so that parallel runs on one machine do not meet
            int minPort = 50_000 + ThreadLocalRandom.current().nextInt(0, 150) * 100;
            Process process = new ProcessBuilder(List.of(
                            EXECUTABLE.toString(),
                            "-n",
                            "--listening-ip=127.0.0.1",
                            "--relay-ip=127.0.0.1",
                            "--listening-port=" + port,
                            "--min-port=" + minPort,
                            "--max-port=" + (minPort + 99),
                            "--use-auth-secret",
                            "--static-auth-secret=" + secret,
                            "--realm=e2eecall.test",
                            // the peers' relayed addresses are on this machine too
                            "--allow-loopback-peers",
                            "--no-cli",
                            "--no-tls",
                            "--no-dtls",
                            "--verbose",
                            "--log-file=stdout",
                            "--simple-log",
                            "--userdb=" + directory.resolve("turndb"),
                            "--pidfile=" + directory.resolve("turnserver.pid")))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("turnserver.log").toFile())
                    .start();
            TurnServer server = new TurnServer(process, directory, port);
            server.awaitAnswering(Duration.ofSeconds(20));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL browsers are given. */
    String url() {
        return "turn:127.0.0.1:" + port + "?transport=udp";
    }

    /** What coturn logged so far: sessions, allocations and refused requests. */
    String log() {
        try {
            return Files.readString(directory.resolve("turnserver.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitAnswering(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(200);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError(
                            "turnserver stopped with exit code " + process.exitValue() + ":\n" + log());
                }
                if (answersBindingRequest(socket)) {
                    return;
                }
            }
        }
        close();
        throw new AssertionError("turnserver did not answer on port " + port + " within " + timeout + ":\n" + log());
    }

    /** Sends a STUN Binding request (RFC 5389) and reads whether a Binding success response comes back. */
    private boolean answersBindingRequest(DatagramSocket socket) throws IOException {
        byte[] transaction = new byte[12];
        ThreadLocalRandom.current().nextBytes(transaction);
        ByteBuffer request = ByteBuffer.allocate(20)
                .putShort((short) 0x0001)
                .putShort((short) 0)
                .putInt(0x2112A442)
                .put(transaction);
        socket.send(new DatagramPacket(request.array(), 20, InetAddress.getLoopbackAddress(), port));
        byte[] answer = new byte[512];
        DatagramPacket response = new DatagramPacket(answer, answer.length);
        try {
            socket.receive(response);
        } catch (SocketTimeoutException notYet) {
            return false;
        }
        return response.getLength() >= 20 && ByteBuffer.wrap(answer).getShort(0) == 0x0101;
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
