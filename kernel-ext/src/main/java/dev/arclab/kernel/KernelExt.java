package dev.arclab.kernel;

/**
 * The Jupyter side of ARC Lab (kernel, magics, display renderers) will live in this package. For now
 * this class only keeps the module's jar from being empty, so the whole build packages cleanly.
 */
public final class KernelExt {
    /** The name of the kernel this module will install. */
    public static final String KERNEL_NAME = "arclab";

    private KernelExt() {
    }
}
