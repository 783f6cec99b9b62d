package dev.arclab.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/** Starts the ARC Lab kernel for Jupyter: {@code java -cp arclab-kernel.jar dev.arclab.kernel.Main CONNECTION_FILE}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp arclab-kernel.jar dev.arclab.kernel.Main CONNECTION_FILE");
            System.exit(2);
        }
        // Kernel log lines go to the stderr of the process (Jupyter's log), never into a cell's output.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");

        StartupLog.mark("main");
        // JShell first, on its own thread: the longest part of a start, while the kernel, its connection and sockets are
        // set up here
        ArcKernel.Builder builder = ArcKernel.builder().startJShellAtOnce();
        String json = Files.readString(Path.of(args[0]));
        ParentWatchdog.start();
        ArcKernel kernel = builder.build();
        StartupLog.mark("kernel built");
        KernelConnectionProperties props = KernelConnectionProperties.parse(json);
        JupyterConnection connection = new JupyterConnection(props);
        StartupLog.mark("connection made");
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        StartupLog.mark("sockets up: answering");
        connection.waitUntilClose();
        System.exit(0);
    }
}
