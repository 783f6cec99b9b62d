package dev.arclab.kernel;

import java.util.List;
import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Calls that notebook code makes into the running kernel. {@code display} and {@code updateDisplay} are
 * imported in every cell of the ARC Lab kernel; the magic calls are what {@code %name} lines turn into.
 */
public final class Notebook {
    private Notebook() {
    }

    /** Runs a line magic; {@code %name a b} in a cell is this call. Its exceptions reach the cell unchanged. */
    @SuppressWarnings("unchecked")
    public static <T> T lineMagic(String name, List<String> args) {
        BaseKernel kernel = BaseKernel.notebookKernel();
        try {
            return (T) kernel.getMagicsRegistry().evalLineMagic(kernel, name, args);
        } catch (Exception e) {
            throw Notebook.<RuntimeException>sneaky(e);
        }
    }

    /** Runs a cell magic; a cell that starts with {@code %%name a b} is this call with the rest as body. */
    @SuppressWarnings("unchecked")
    public static <T> T cellMagic(String name, List<String> args, String body) {
        BaseKernel kernel = BaseKernel.notebookKernel();
        try {
            return (T) kernel.getMagicsRegistry().evalCellMagic(kernel, name, args, body);
        } catch (Exception e) {
            throw Notebook.<RuntimeException>sneaky(e);
        }
    }

    /** Renders {@code value} with the kernel's renderers, as the cell result would be. */
    public static DisplayData render(Object value) {
        return BaseKernel.notebookKernel().getRenderer().render(value);
    }

    /**
     * Shows {@code value} now, below the cell, and returns its display id for {@link #updateDisplay}. End the
     * line with {@code ;} so that the id is not shown as the cell's result.
     */
    public static String display(Object value) {
        DisplayData data = render(value);
        flushOutput();
        String id = data.getDisplayId();
        if (id == null) {
            id = UUID.randomUUID().toString();
            data.setDisplayId(id);
        }
        BaseKernel.notebookKernel().display(data);
        return id;
    }

    /** Replaces what {@link #display} showed under {@code id} with {@code value} (a progress line, a chart...). */
    public static void updateDisplay(String id, Object value) {
        DisplayData data = render(value);
        flushOutput();
        BaseKernel.notebookKernel().getIO().display.updateDisplay(id, data);
    }

    /**
     * Clears this cell's output so far, as IPython's {@code clear_output}: at once, or with {@code wait} when the next
     * output arrives (no flicker in a loop that redraws). Does nothing outside a running cell.
     */
    public static void clearOutput(boolean wait) {
        if (BaseKernel.notebookKernel() instanceof ArcKernel k) {
            k.clearOutput(wait);
        }
    }

    /** {@link #clearOutput(boolean)} at once. */
    public static void clearOutput() {
        clearOutput(false);
    }

    private static void flushOutput() {
        if (BaseKernel.notebookKernel() instanceof ArcKernel k) {
            k.flushOutput();
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
