package dev.arclab.kernel;

import dev.arclab.magics.NotebookDisplay;
import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * A jjava-jupyter kernel's display as ARC Lab's {@link NotebookDisplay}: values are rendered by the kernel's renderer
 * and published as display data (then update_display_data under the same id). Available only while a front end's
 * request is being handled, so in-process use without Jupyter shows nothing.
 */
final class KernelDisplay implements NotebookDisplay {
    private final BaseKernel kernel;

    KernelDisplay(BaseKernel kernel) {
        this.kernel = kernel;
    }

    BaseKernel kernel() {
        return kernel;
    }

    private DisplayStream stream() {
        return kernel.getIO() == null ? null : kernel.getIO().display;
    }

    @Override
    public boolean available() {
        DisplayStream s = stream();
        return s != null && s.isAttached();
    }

    @Override
    public String show(Object value) {
        DisplayData data = kernel.getRenderer().render(value);
        String id = UUID.randomUUID().toString();
        data.setDisplayId(id);
        DisplayStream s = stream();
        if (s != null) {
            if (kernel instanceof ArcKernel k) {
                k.flushOutput();
            }
            s.display(data);
        }
        return id;
    }

    @Override
    public void update(String id, Object value) {
        DisplayStream s = stream();
        if (s != null) {
            s.updateDisplay(id, kernel.getRenderer().render(value));
        }
    }

    @Override
    public String toString() {
        return "display of " + kernel.getName();
    }
}
