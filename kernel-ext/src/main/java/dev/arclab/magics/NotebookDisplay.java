package dev.arclab.magics;

/**
 * Where live output (progress bars) goes: the notebook's display, when a kernel with a connected front end
 * installed one, or nowhere. The kernel adapter installs its implementation with {@link #use}; without one (plain
 * Java, in-process tests) {@link #current()} is {@link #HEADLESS}, whose {@link #available()} is false, and live
 * output is skipped.
 */
public interface NotebookDisplay {
    /** True when a front end is attached now, so that shown values reach a notebook. */
    boolean available();

    /** Shows {@code value} (rendered by the kernel's renderers) below the running cell; returns its display id. */
    String show(Object value);

    /** Replaces what was shown under {@code id} with {@code value}. */
    void update(String id, Object value);

    /** No display: nothing is shown. */
    NotebookDisplay HEADLESS = new NotebookDisplay() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public String show(Object value) {
            return "";
        }

        @Override
        public void update(String id, Object value) {
        }

        @Override
        public String toString() {
            return "headless";
        }
    };

    /** The display in use. */
    static NotebookDisplay current() {
        return Holder.current;
    }

    /** Installs {@code display} (a kernel adapter does this); null puts back {@link #HEADLESS}. */
    static void use(NotebookDisplay display) {
        Holder.current = display == null ? HEADLESS : display;
    }

    /** The display in use, behind {@link #current()}. */
    final class Holder {
        private static volatile NotebookDisplay current = HEADLESS;

        private Holder() {
        }
    }
}
