package dev.arclab.kernel;

import dev.arclab.magics.CommandMagic;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** The magics that only this kernel has (they need the kernel itself): {@code %lsmagic}. */
final class KernelMagics {
    private KernelMagics() {
    }

    static void register(ArcKernel kernel) {
        kernel.registerKernelMagic(new CommandMagic(() -> new Lsmagic(kernel)));
    }

    @Command(name = "lsmagic", description = "List the line magics and the cell magics of this kernel.")
    static final class Lsmagic extends CommandMagic.Base {
        private final ArcKernel kernel;

        Lsmagic(ArcKernel kernel) {
            this.kernel = kernel;
        }

        @Override
        public Object call() {
            return "Line magics:\n  " + kernel.lineMagicNames().stream().map(n -> "%" + n).collect(Collectors.joining("  "))
                    + "\nCell magics:\n  " + kernel.cellMagicNames().stream().map(n -> "%%" + n)
                    .collect(Collectors.joining("  "))
                    + "\n\n%name --help (or Shift-Tab on the name) shows what a magic does.";
        }
    }
}
