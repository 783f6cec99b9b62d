package dev.arclab.kernel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The training run of the kernel's AppCDS archive ({@code install.sh}: {@code java -XX:ArchiveClassesAtExit=...
 * dev.arclab.kernel.ArchiveTraining}): starts the kernel as {@link Main} does, on a Jupyter connection of its own on
 * the loopback interface (free ports, a random key), and, as a front end would, asks it for {@code kernel_info} and
 * runs the kind of first cells people run (a magic, a value from the bundled tasks, a grid shown as a picture) through
 * the sockets; then a completion, and exits. The classes this loads (the sockets, the messages and their JSON, JShell,
 * javac, the kernel's and the lab's) are what the archive holds, so that a kernel started with it reaches its first
 * result sooner. It also writes the package index beside the jar ({@link PackageIndex}). It touches no store.
 */
public final class ArchiveTraining {
    private static final List<String> CELLS = List.of(
            "%tasks", // rendered: the summary's table (Tablesaw) too
            "dev.arclab.task.TaskLoader.bundled().size()",
            "Grid.of(new int[][] {{1, 2}, {3, 4}})");

    private ArchiveTraining() {
    }

    /** A front end's shell socket (a DEALER, connected), with jjava's message signing and JSON. */
    private static final class FrontEnd extends JupyterSocket {
        FrontEnd(ZMQ.Context ctx, HMACGenerator hmac) {
            super(ctx, SocketType.DEALER, hmac, LoggerFactory.getLogger(FrontEnd.class));
            setReceiveTimeOut(120_000);
            setLinger(0);
        }

        @Override
        public void bind(KernelConnectionProperties props) {
            connect(formatAddress(props.getTransport(), props.getIp(), props.getShellPort()));
        }

        /** Sends a request and waits for its reply (fails after two minutes). */
        <T> Message<?> ask(MessageType<T> type, T content) {
            sendMessage(new Message<>(new Header<>(type), content));
            Message<?> reply = readMessage();
            if (reply == null) {
                throw new IllegalStateException("no reply to " + type.getName());
            }
            return reply;
        }
    }

    public static void main(String[] args) throws Exception {
        KernelConnectionProperties props = KernelConnectionProperties.parse(connectionFile());
        ArcKernel kernel = ArcKernel.builder().startJShellAtOnce().build();
        JupyterConnection connection = new JupyterConnection(props);
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        ZMQ.Context ctx = ZMQ.context(1);
        String results;
        try (FrontEnd frontEnd = new FrontEnd(ctx, props.createHMACGenerator())) {
            frontEnd.bind(props);
            StringBuilder sb = new StringBuilder();
            sb.append(frontEnd.ask(MessageType.KERNEL_INFO_REQUEST, new KernelInfoRequest()).getHeader().getType().getName());
            for (String code : CELLS) {
                Message<?> reply = frontEnd.ask(MessageType.EXECUTE_REQUEST,
                        new ExecuteRequest(code, false, true, Map.of(), false, true));
                sb.append(", ").append(reply.getHeader().getType().getName());
            }
            results = sb.toString();
        }
        kernel.awaitStarted();
        kernel.complete("Math.ab", 7);
        connection.close();
        ctx.term();
        kernel.onShutdown(false);
        System.out.println("trained: " + results);
        System.exit(0);
    }

    /** A connection file's content for the loopback interface, with free ports and a random key. */
    private static String connectionFile() throws IOException {
        int[] ports = new int[5];
        ServerSocket[] held = new ServerSocket[ports.length];
        try {
            for (int i = 0; i < ports.length; i++) {
                held[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = held[i].getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return "{\"ip\": \"127.0.0.1\", \"transport\": \"tcp\", \"signature_scheme\": \"hmac-sha256\", \"key\": \""
                + UUID.randomUUID() + "\", \"shell_port\": " + ports[0] + ", \"iopub_port\": " + ports[1]
                + ", \"stdin_port\": " + ports[2] + ", \"control_port\": " + ports[3] + ", \"hb_port\": " + ports[4] + "}";
    }
}
